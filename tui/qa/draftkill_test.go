package qa

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// childEnv, when set, makes TestDraftSurvivesKill the child process: it
// types into the station on the meeting file named by the variable until
// it is killed.
const childEnv = "DOITHOAI_QA_DRAFT_CHILD"

const killText = "Chị em ở xã Quảng Hòa đề nghị hỗ trợ vốn vay trồng nấm rơm: 30 triệu đồng/hộ, thời hạn 36 tháng."

// TestDraftSurvivesKill types a question in a child process that runs the
// station, kills it with SIGKILL once the draft holds the whole text, and
// opens a fresh station on the same file: the form comes back exactly.
func TestDraftSurvivesKill(t *testing.T) {
	if path := os.Getenv(childEnv); path != "" {
		os.Exit(draftChild(path))
	}
	st := commontest.OpenDemo(t)
	ctx := context.Background()
	var out bytes.Buffer
	cmd := exec.Command(os.Args[0], "-test.run=^TestDraftSurvivesKill$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+st.Path())
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	defer func() {
		if !killed {
			cmd.Process.Kill()
			cmd.Wait()
		}
	}()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if body, ok := draftOf(t, st, "qa/question/"); ok {
			var d draftBody
			if err := json.Unmarshal([]byte(body), &d); err != nil {
				t.Fatalf("draft body %q: %v", body, err)
			}
			if d.Fields[fText].Text == killText {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the child never saved the whole text; its output:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	killed = true
	if ws, ok := cmd.ProcessState.Sys().(interface{ Signaled() bool }); !ok || !ws.Signaled() {
		t.Fatalf("child was not killed by a signal: %v\n%s", err, out.String())
	}

	m := open(t, commontest.Wrap(st, i18n.VI, 80, 21))
	if m.mode != modeForm || m.form == nil || m.form.kind != formQuestion {
		t.Fatalf("no form restored (mode %v)", m.mode)
	}
	if got := m.form.fields[fText].(*areaField).ta.Value(); got != killText {
		t.Fatalf("restored text %q, want %q", got, killText)
	}
	ask := m.form.fields[fAsker].(*askerField)
	if !ask.set || ask.name != "Nguyễn Thị Hoa" || ask.unit != "Quảng Hòa" || m.form.curName() != fText {
		t.Fatalf("restored asker %+v focus %s", ask, m.form.curName())
	}
	if v := m.View(); !strings.Contains(v, "Đã khôi phục bản nháp") || !strings.Contains(v, "nấm rơm") {
		t.Fatalf("restored form:\n%s", v)
	}
	// typing goes on where it stopped, and saving records it
	press(t, m, " Xin cảm ơn.", "ctrl+s")
	qs, _ := st.Questions(ctx, 0)
	if len(qs) != 1 || qs[0].Text != killText+" Xin cảm ơn." || qs[0].AskerName != "Nguyễn Thị Hoa" {
		t.Fatalf("saved %+v", qs)
	}
	if _, ok := draftOf(t, st, "qa/"); ok {
		t.Error("draft left after saving")
	}
}

// draftChild drives the station as the secretary would: n, an asker typed
// free, no topic, then the text one rune at a time, with the root's
// one-second tick coming every few runes. It then idles, ticking, until it
// is killed.
func draftChild(path string) int {
	ctx := context.Background()
	st, err := store.Open(ctx, path, store.Options{NoWatch: true, Actor: store.Actor{Station: commontest.Station, Role: store.RoleAdmin}})
	if err != nil {
		fmt.Println(err)
		return 2
	}
	c := commontest.Wrap(st, i18n.VI, 80, 21)
	m := New(c).(*Model)
	m.SetSize(80, 21)
	tick := func() error {
		_, cmd := m.Update(common.TickMsg{Now: time.Now()})
		return run(m, cmd)
	}
	if err := run(m, m.Init()); err != nil {
		fmt.Println(err)
		return 2
	}
	if err := pressErr(m, "n", "Nguyễn Thị Hoa, Quảng Hòa", "enter", "enter"); err != nil {
		fmt.Println(err)
		return 2
	}
	for i, r := range []rune(killText) {
		if err := pressErr(m, string(r)); err != nil {
			fmt.Println(err)
			return 2
		}
		if i%7 == 0 {
			if err := tick(); err != nil {
				fmt.Println(err)
				return 2
			}
		}
	}
	for end := time.Now().Add(time.Minute); time.Now().Before(end); {
		if err := tick(); err != nil {
			fmt.Println(err)
			return 2
		}
		time.Sleep(20 * time.Millisecond)
	}
	fmt.Println("child: not killed within a minute")
	return 3
}
