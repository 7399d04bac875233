package tui

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"doithoai/store/replica"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

// TestHeaderShowsReplica: every station's header says where the replica is
// and how far behind, in the catalogue's words and Vietnamese decimals;
// an alarm (over 10 s behind, the folder gone, the host unreachable,
// nobody replicating) is marked and red; without a replica the header is
// as before.
func TestHeaderShowsReplica(t *testing.T) {
	s := demoStore(t)
	now := fixedNow
	var st replica.Status
	on := true
	cases := []struct {
		name   string
		status replica.Status
		vi, en string
	}{
		{"ok", replica.Status{Label: "USB", State: replica.StateOK, Lag: 400 * time.Millisecond},
			"Bản sao: USB · trễ 0,4 s", "Replica: USB · 0.4 s behind"},
		{"late", replica.Status{Label: "USB", State: replica.StateOK, Lag: 300 * time.Millisecond, PendingSince: now.Add(-12 * time.Second)},
			"! Bản sao: USB · trễ 12 s", "! Replica: USB · 12 s behind"},
		{"gone", replica.Status{Label: "E:\\doithoai", State: replica.StateGone, PendingSince: now.Add(-3 * time.Second)},
			"! Bản sao: E:\\doithoai · không thấy thư mục (USB bị rút?) · trễ 3,0 s", "! Replica: E:\\doithoai · folder not found (USB pulled?) · 3.0 s behind"},
		{"unreachable", replica.Status{Label: "may-du-phong", State: replica.StateUnreachable},
			"! Bản sao: may-du-phong · không kết nối được máy kia", "! Replica: may-du-phong · host unreachable"},
		{"stopped", replica.Status{Label: "USB", State: replica.StateStopped},
			"! Bản sao: USB · không tiến trình nào đang sao", "! Replica: USB · no process replicating"},
		{"minutes", replica.Status{Label: "USB", State: replica.StateGone, PendingSince: now.Add(-185 * time.Second)},
			"· trễ 3 phút", "· 3 min behind"},
	}
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		m := newRoot(t, s, lang, Checkin)
		m.c.Replica = func() (replica.Status, bool) { return st, on }
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
		for _, c := range cases {
			st = c.status
			m.Update(common.TickMsg{Now: now})
			line := strings.Split(m.View(), "\n")[1]
			want := c.vi
			if lang == i18n.EN {
				want = c.en
			}
			if !strings.Contains(line, want) {
				t.Errorf("%s %s: header line %q lacks %q", lang, c.name, line, want)
			}
			if !strings.Contains(line, "hoinghi.db") {
				t.Errorf("%s %s: the meeting file left the header: %q", lang, c.name, line)
			}
		}
		// 80 columns: the replica's state stays whole, the file name gives way
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		st = cases[2].status
		m.Update(common.TickMsg{Now: now})
		if line := strings.Split(m.View(), "\n")[1]; !strings.Contains(line, "· trễ 3,0 s") && !strings.Contains(line, "3.0 s behind") {
			t.Errorf("%s at 80 columns: %q", lang, line)
		}
	}
	on = false
	m := newRoot(t, s, i18n.VI, Checkin)
	m.c.Replica = func() (replica.Status, bool) { return st, on }
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(common.TickMsg{Now: now})
	if line := strings.Split(m.View(), "\n")[1]; strings.Contains(line, "Bản sao") {
		t.Errorf("no replica, yet the header says %q", line)
	}
}

// TestReplicaAlarmIsRed: in colour the alarm is drawn with the error style.
func TestReplicaAlarmIsRed(t *testing.T) {
	s := demoStore(t)
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	c := NewCommon(context.Background(), s, r, i18n.VI, "hoinghi.db", func() time.Time { return fixedNow })
	st := replica.Status{Label: "USB", State: replica.StateOK, Lag: 300 * time.Millisecond}
	c.Replica = func() (replica.Status, bool) { return st, true }
	m := New(c, Checkin, false)
	t.Cleanup(m.Close)
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	red := c.Styles.Err.Render("x")
	red = red[:strings.Index(red, "x")] // the escape sequence that starts red text
	if red == "" {
		t.Fatal("no colour in the test renderer")
	}
	if line := strings.Split(m.View(), "\n")[1]; strings.Contains(line, red) {
		t.Errorf("a replica in step is drawn red: %q", line)
	}
	st.State = replica.StateGone
	m.Update(common.TickMsg{Now: fixedNow})
	if line := strings.Split(m.View(), "\n")[1]; !strings.Contains(line, red+"! Bản sao") {
		t.Errorf("a pulled stick is not drawn red: %q", line)
	}
}
