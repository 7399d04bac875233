package tui

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

// fakeStation stands in for a station in the lifecycle tests: it saves a
// draft when told to (slowly, as a busy disk would), and can be told to
// panic in a Cmd or in View.
type fakeStation struct {
	c         *common.Common
	panicCmd  bool
	panicView bool
}

func (f *fakeStation) Init() tea.Cmd {
	if f.panicCmd {
		return func() tea.Msg { panic("boom in a Cmd") }
	}
	return nil
}

func (f *fakeStation) Update(msg tea.Msg) (common.Station, tea.Cmd) {
	if _, ok := msg.(common.SaveDraftsMsg); ok {
		c := f.c
		return f, func() tea.Msg {
			time.Sleep(150 * time.Millisecond)
			c.Store.SaveDraft(c.Ctx, "fake/form", "nửa câu hỏi đang gõ")
			return nil
		}
	}
	return f, nil
}

func (f *fakeStation) View() string {
	if f.panicView {
		panic("boom in View")
	}
	return "fake station"
}

func (f *fakeStation) SetSize(int, int)          {}
func (f *fakeStation) ShortHelp() []key.Binding  { return nil }
func (f *fakeStation) FullHelp() [][]key.Binding { return nil }
func (f *fakeStation) Capturing() bool           { return false }

// withFake makes the checkin station a fakeStation for the test.
func withFake(t testing.TB, tweak func(*fakeStation)) {
	old := constructors[Checkin]
	constructors[Checkin] = func(c *common.Common) common.Station {
		f := &fakeStation{c: c}
		if tweak != nil {
			tweak(f)
		}
		return f
	}
	t.Cleanup(func() { constructors[Checkin] = old })
}

func draftSaved(t testing.TB, st *store.Store) bool {
	t.Helper()
	// drafts are kept per station and user: st writes and reads as one
	body, _, ok, err := st.Draft(context.Background(), "fake/form")
	if err != nil {
		t.Fatal(err)
	}
	return ok && body == "nửa câu hỏi đang gõ"
}

// runFor runs tui.Run on the fake station with a pipe for input and a
// buffer for output, cancelling its context after d (as SIGTERM would).
func runFor(t *testing.T, st *store.Store, d time.Duration) (error, string) {
	t.Helper()
	in, feed := io.Pipe()
	defer feed.Close()
	var out syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if d > 0 {
		time.AfterFunc(d, cancel)
	}
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Store: st, Path: st.Path(), Station: Checkin, Lang: i18n.VI, In: in, Out: &out})
	}()
	select {
	case err := <-done:
		return err, out.String()
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
		return nil, ""
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// restored reports whether the output ends the session the way a
// terminal needs: alternate screen left, cursor shown.
func restored(out string) bool {
	return strings.Contains(out, "\x1b[?1049l") && strings.Contains(out, "\x1b[?25h")
}

// TestContextEndSavesDrafts: the end of Run's context (SIGTERM, SIGHUP in
// the real program) reaches the stations as SaveDraftsMsg; Run returns
// only after their saves, with the terminal restored.
func TestContextEndSavesDrafts(t *testing.T) {
	withFake(t, nil)
	st := relMeeting(t, 10, 0, 0)
	err, out := runFor(t, st, 300*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if !draftSaved(t, st) {
		t.Fatal("the draft was not saved before the program ended")
	}
	if !restored(out) {
		t.Fatalf("terminal not restored: %q", out[max(0, len(out)-200):])
	}
}

// TestQuitKeySavesDrafts: ctrl+c goes the same way.
func TestQuitKeySavesDrafts(t *testing.T) {
	withFake(t, nil)
	st := relMeeting(t, 10, 0, 0)
	m := relRoot(t, st, i18n.VI, Checkin)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.station(Checkin)
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if cmd == nil {
		t.Fatal("ctrl+c did nothing")
	}
	p := tea.NewProgram(quitProbe{m: m, first: cmd}, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutSignalHandler())
	go time.AfterFunc(5*time.Second, p.Kill)
	if _, err := p.Run(); err != nil {
		t.Fatalf("the program did not quit: %v", err)
	}
	if !draftSaved(t, st) {
		t.Fatal("ctrl+c quit before the draft was saved")
	}
}

// quitProbe runs the root's quit Cmd inside a real program.
type quitProbe struct {
	m     *Model
	first tea.Cmd
}

func (q quitProbe) Init() tea.Cmd                           { return q.first }
func (q quitProbe) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return q, nil }
func (q quitProbe) View() string                            { return "" }

// TestPanicInCmdRestoresTerminal and TestPanicInViewRestoresTerminal: a
// panic in a station's Cmd (run in a goroutine by bubbletea) or in its
// View ends Run with an error instead of killing the process, and the
// terminal is restored.
func TestPanicInCmdRestoresTerminal(t *testing.T) {
	withFake(t, func(f *fakeStation) { f.panicCmd = true })
	st := relMeeting(t, 10, 0, 0)
	err, out := runFor(t, st, 0)
	if !errors.Is(err, tea.ErrProgramPanic) {
		t.Fatalf("Run returned %v", err)
	}
	if !restored(out) {
		t.Fatalf("terminal not restored: %q", out[max(0, len(out)-200):])
	}
}

func TestPanicInViewRestoresTerminal(t *testing.T) {
	withFake(t, func(f *fakeStation) { f.panicView = true })
	st := relMeeting(t, 10, 0, 0)
	var out syncBuffer
	// the root drawn at a size, as after the terminal reported its own
	m := relRoot(t, st, i18n.VI, Checkin)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(&out), tea.WithoutSignalHandler(), tea.WithAltScreen())
	go time.AfterFunc(5*time.Second, p.Kill)
	_, err := p.Run()
	if !errors.Is(err, tea.ErrProgramPanic) {
		t.Fatalf("program returned %v", err)
	}
	if !restored(out.String()) {
		t.Fatalf("terminal not restored")
	}
}

// TestSignalsSaveDrafts sends SIGTERM and SIGHUP to a child process
// running the program (this test binary, re-run) and checks that it exits
// cleanly after the stations saved their drafts.
func TestSignalsSaveDrafts(t *testing.T) {
	if p := os.Getenv("DOITHOAI_SIG_CHILD"); p != "" {
		sigChild(t, p)
		return
	}
	if testing.Short() {
		t.Skip("spawns processes")
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			st := relMeeting(t, 10, 0, 0)
			path := st.Path()
			st.Close()
			cmd := exec.Command(os.Args[0], "-test.run=^TestSignalsSaveDrafts$", "-test.count=1")
			cmd.Env = append(os.Environ(), "DOITHOAI_SIG_CHILD="+path)
			stdout, _ := cmd.StdoutPipe()
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(stdout)
			for sc.Scan() && !strings.Contains(sc.Text(), "READY") {
			}
			cmd.Process.Signal(sig)
			go io.Copy(io.Discard, stdout)
			if err := cmd.Wait(); err != nil {
				t.Fatalf("child: %v\n%s", err, stderr.String())
			}
			s2, err := store.Open(context.Background(), path, store.Options{NoWatch: true, Actor: store.Actor{Station: "sig", Role: store.RoleAdmin}})
			if err != nil {
				t.Fatal(err)
			}
			defer s2.Close()
			if !draftSaved(t, s2) {
				t.Fatalf("after %v the draft was not saved", sig)
			}
		})
	}
}

func sigChild(t *testing.T, path string) {
	withFake(t, nil)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	st, err := store.Open(ctx, path, store.Options{Actor: store.Actor{Station: "sig", Role: store.RoleAdmin}})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	in, feed := io.Pipe()
	defer feed.Close()
	time.AfterFunc(200*time.Millisecond, func() { os.Stdout.WriteString("READY\n") })
	if err := Run(ctx, Options{Store: st, Path: path, Station: Checkin, Lang: i18n.VI, In: in, Out: io.Discard}); err != nil {
		t.Fatal(err)
	}
	if ctx.Err() == nil {
		t.Fatal("Run returned before the signal")
	}
}
