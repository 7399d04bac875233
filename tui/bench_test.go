package tui

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"doithoai/store"
	"doithoai/tui/i18n"
)

// Benchmarks of the whole program's screens with 10,000 delegates (the
// demo meeting plus fold.GenerateNames), 1,000 of them arrived and 100
// questions answered. They run over tui.Stations, through the root model.
//
//	go test ./tui -run '^$' -bench 'Stations10k' -benchmem -benchtime=20x

// BenchmarkStations10k has three groups of sub-benchmarks sharing one
// meeting file:
//
//	view/<station>   one View of the root on the station at 200x60, data loaded
//	start/<station>  open the store (quick_check included), build the root,
//	                 first paint, run the Init Cmds until the data is in, View:
//	                 reported as first-paint-ms and data-frame-ms
//	paste/<station>  a 10,000-character paste: Update and the View after it
//	paste5mb/<station>  the same with a 5 MB paste (cut to 4,000 by the root)
func BenchmarkStations10k(b *testing.B) {
	st := relMeeting(b, 10_000, 1000, 100)
	path := st.Path()
	for _, id := range Stations {
		b.Run("view/"+string(id), func(b *testing.B) {
			m := relRoot(b, st, i18n.VI, id)
			m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
			settle(m, relInit(m), benchQuiet)
			if v := m.View(); !strings.Contains(v, "\n") {
				b.Fatalf("nothing drawn: %q", v)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				m.View()
			}
		})
	}
	// the station's own View, without the root's header, help bar and Fit
	for _, id := range append([]StationID{Home}, Stations...) {
		name := string(id)
		if id == Home {
			name = "home"
		}
		b.Run("station-view/"+name, func(b *testing.B) {
			m := relRoot(b, st, i18n.VI, id)
			m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
			settle(m, relInit(m), benchQuiet)
			w, h := m.bodySize()
			view := func() string { return m.homeView(w, h) }
			if id != Home {
				view = m.station(id).View
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				view()
			}
		})
	}
	for _, id := range Stations {
		b.Run("start/"+string(id), func(b *testing.B) {
			var paint, data time.Duration
			b.ReportAllocs()
			for b.Loop() {
				t0 := time.Now()
				s, err := store.Open(context.Background(), path, store.Options{Actor: store.Actor{Station: "bench", Role: store.RoleAdmin}})
				if err != nil {
					b.Fatal(err)
				}
				r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
				m := New(NewCommon(context.Background(), s, r, i18n.VI, path, time.Now), id, false)
				m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
				m.View()
				paint += time.Since(t0)
				last := settle(m, relInit(m), benchQuiet)
				v0 := time.Now()
				m.View()
				if last.IsZero() {
					last = v0
				}
				data += last.Sub(t0) + time.Since(v0)
				m.Close()
				s.Close()
			}
			b.ReportMetric(float64(paint.Microseconds())/1000/float64(b.N), "first-paint-ms")
			b.ReportMetric(float64(data.Microseconds())/1000/float64(b.N), "data-frame-ms")
		})
	}
	for _, size := range []struct {
		name string
		n    int
	}{{"paste", 10_000}, {"paste5mb", 5 << 20}} {
		for _, id := range Stations {
			b.Run(size.name+"/"+string(id), func(b *testing.B) {
				// Load once and record the messages that brought the data in;
				// each iteration replays them into a fresh root (cheap), so
				// every paste lands on a station in its loaded state.
				var rec []tea.Msg
				m := relRoot(b, st, i18n.VI, id)
				m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
				settleRec(m, relInit(m), benchQuiet, &rec)
				var keys []tea.KeyMsg
				if id == QA { // into the question form
					keys = append(keys, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'n'}})
				}
				p := paste(size.n)
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					m := New(m.c, id, false)
					m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
					m.station(id).Init() // numbers its first request as the recorded load was numbered
					for _, msg := range rec {
						m.Update(msg)
					}
					for _, k := range keys {
						m.Update(k)
					}
					b.StartTimer()
					m.Update(p)
					m.View()
					b.StopTimer()
					m.Close()
					b.StartTimer()
				}
			})
		}
	}
}

// TestPeakRSS10k runs the program (root model, real bubbletea program,
// frames rendered to a discarded output) in a child process on a meeting
// of 10,000 delegates, visits every station, types a search and a
// question, and reports the child's peak resident memory (VmHWM, linux).
// It takes about ten seconds, so it runs only when asked:
//
//	DOITHOAI_RSS=1 go test ./tui -run TestPeakRSS10k -v
func TestPeakRSS10k(t *testing.T) {
	if p := os.Getenv("DOITHOAI_RSS_CHILD"); p != "" {
		rssChild(p)
		return
	}
	if os.Getenv("DOITHOAI_RSS") != "1" && os.Getenv("DOITHOAI_LONG") != "1" {
		t.Skip("set DOITHOAI_RSS=1")
	}
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/self/status")
	}
	st := relMeeting(t, 10_000, 1000, 100)
	path := st.Path()
	st.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestPeakRSS10k$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DOITHOAI_RSS_CHILD="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var found bool
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "RSS ") {
			t.Log(sc.Text())
			found = true
		}
	}
	if !found {
		t.Fatalf("no report from the child:\n%s", out)
	}
}

func rssChild(path string) {
	ctx := context.Background()
	s, err := store.Open(ctx, path, store.Options{Actor: store.Actor{Station: "rss", Role: store.RoleAdmin}})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(1)
	}
	defer s.Close()
	debug.SetMemoryLimit(memoryLimit)
	baseline := vmHWM()
	in, feed := io.Pipe()
	m := New(NewCommon(ctx, s, lipgloss.NewRenderer(io.Discard), i18n.VI, path, nil), Home, false)
	p := tea.NewProgram(m, tea.WithInput(in), tea.WithOutput(io.Discard), tea.WithoutSignalHandler())
	go func() {
		p.Send(tea.WindowSizeMsg{Width: 200, Height: 60})
		pause := func() { time.Sleep(300 * time.Millisecond) }
		typeText := func(s string) {
			for _, r := range s {
				p.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
				time.Sleep(5 * time.Millisecond)
			}
		}
		pause()
		for _, k := range []tea.KeyType{tea.KeyF2, tea.KeyF3, tea.KeyF4, tea.KeyF5, tea.KeyF6, tea.KeyF7} {
			p.Send(tea.KeyMsg{Type: k})
			pause()
			p.Send(tea.KeyMsg{Type: tea.KeyEsc})
			pause()
		}
		p.Send(tea.KeyMsg{Type: tea.KeyF2})
		pause()
		typeText("nguyen thi hoa")
		p.Send(tea.KeyMsg{Type: tea.KeyEnter})
		pause()
		p.Send(tea.KeyMsg{Type: tea.KeyF4})
		pause()
		typeText("n")
		typeText("le thi")
		pause()
		p.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
		time.Sleep(2 * time.Second)
		feed.Close()
		p.Kill()
	}()
	if _, err := p.Run(); err != nil && err != tea.ErrProgramKilled {
		fmt.Println("ERR", err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	peak := vmHWM()
	runtime.KeepAlive(m)
	runtime.GC()
	var live runtime.MemStats
	runtime.ReadMemStats(&live)
	runtime.KeepAlive(m)
	fmt.Printf("RSS peak (VmHWM) %d MB; before the TUI (store open) %d MB; Go heap reserved %d MB, Go runtime Sys %d MB; live heap at the end %d MB\n",
		peak/1024, baseline/1024, ms.HeapSys/(1<<20), ms.Sys/(1<<20), live.HeapAlloc/(1<<20))
}

// vmHWM is the process's peak resident set in KB.
func vmHWM() int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			var kb int
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:")), "%d", &kb)
			return kb
		}
	}
	return 0
}

// benchQuiet is how long settle waits for a Cmd of a 10,000-delegate load
// before taking it for a clock or a blink.
const benchQuiet = 450 * time.Millisecond

// memoryLimit mirrors the soft limit cmd/doithoai sets in main.
const memoryLimit = 32 << 20
