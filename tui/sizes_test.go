package tui

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/i18n"
)

// These tests and the benchmarks in bench_test.go run over tui.Stations,
// so every station is covered as it lands.

var relNow = time.Date(2023, 10, 18, 8, 5, 0, 0, time.Local)

// relMeeting is the demo meeting with n generated delegates more, arrived
// check-ins and questions with answers, so every station has something to
// draw.
func relMeeting(tb testing.TB, n, arrived, questions int) *store.Store {
	tb.Helper()
	ctx := context.Background()
	seed, err := assets.Demo()
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range fold.GenerateNames(n, 3) {
		seed.Delegates = append(seed.Delegates, store.SeedDelegate{Code: fmt.Sprintf("G%05d", e.ID), FullName: e.Name, Title: e.Title, Unit: e.Unit})
	}
	path := filepath.Join(tb.TempDir(), "meeting.db")
	st, err := store.Open(ctx, path, store.Options{Create: true, Now: func() time.Time { return relNow },
		Actor: store.Actor{Station: "test", Role: store.RoleAdmin}})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	if err := st.LoadSeed(ctx, seed); err != nil {
		tb.Fatal(err)
	}
	for id := int64(1); id <= int64(arrived); id++ {
		if _, err := st.CheckIn(ctx, id*7%int64(len(seed.Delegates))+1); err != nil {
			tb.Fatal(err)
		}
	}
	if _, err := st.Advance(ctx); err != nil {
		tb.Fatal(err)
	}
	for i := 0; i < questions; i++ {
		q, err := st.SaveQuestion(ctx, store.Question{AskerName: "Nguyễn Thị Hoa", AskerUnit: "Phường Quảng Thọ", Topic: "Vay vốn",
			Text: strings.Repeat("Đề nghị hỗ trợ vốn vay ưu đãi cho hộ phụ nữ nghèo. ", 1+i%4)})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := st.SaveAnswer(ctx, store.Answer{QuestionID: q, Person: "Chủ tịch UBND", Summary: "Thị xã ghi nhận.", Outcome: store.OutcomeSpot}); err != nil {
			tb.Fatal(err)
		}
	}
	return st
}

// relRoot is a root model on station id with the Ascii profile.
func relRoot(tb testing.TB, st *store.Store, lang i18n.Lang, id StationID) *Model {
	r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
	c := NewCommon(context.Background(), st, r, lang, st.Path(), func() time.Time { return relNow })
	m := New(c, id, false)
	tb.Cleanup(m.Close)
	return m
}

// relInit is the root's Init without its clock and change watch (which
// block): the header load and the station's own Init.
func relInit(m *Model) tea.Cmd {
	cmds := []tea.Cmd{m.loadHeader()}
	if m.active != Home {
		cmds = append(cmds, m.station(m.active).Init())
	}
	return tea.Batch(cmds...)
}

var relCmdType = reflect.TypeOf(tea.Cmd(nil))

// settle runs cmd and every Cmd that follows from the messages it feeds to
// m, until none is outstanding. A Cmd that has not returned within quiet
// is taken for a timer or a cursor blink: it is abandoned and whatever it
// returns later is dropped. settle returns when the last message was
// applied (zero if none was).
func settle(m *Model, cmd tea.Cmd, quiet time.Duration) (last time.Time) {
	return settleRec(m, cmd, quiet, nil)
}

// settleRec is settle that also appends every message it applied to rec.
func settleRec(m *Model, cmd tea.Cmd, quiet time.Duration, rec *[]tea.Msg) (last time.Time) {
	type result struct {
		id  int
		msg tea.Msg
	}
	out := make(chan result, 256)
	live := map[int]time.Time{} // launched and not abandoned
	next := 0
	launch := func(c tea.Cmd) {
		if c == nil {
			return
		}
		next++
		id := next
		live[id] = time.Now()
		go func() {
			defer func() {
				if r := recover(); r != nil {
					out <- result{id, fmt.Errorf("cmd panicked: %v", r)}
				}
			}()
			out <- result{id, c()}
		}()
	}
	apply := func(msg tea.Msg) {
		if rec != nil {
			*rec = append(*rec, msg)
		}
		_, c := m.Update(msg)
		last = time.Now()
		launch(c)
	}
	launch(cmd)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for len(live) > 0 {
		select {
		case r := <-out:
			if _, ok := live[r.id]; !ok {
				continue // abandoned
			}
			delete(live, r.id)
			switch msg := r.msg.(type) {
			case nil, tea.QuitMsg:
			case error:
				if strings.HasPrefix(msg.Error(), "cmd panicked") {
					panic(msg)
				}
				apply(msg)
			case tea.BatchMsg:
				for _, c := range msg {
					launch(c)
				}
			default:
				if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == relCmdType {
					// a sequence: its Cmds run in order, as the program would
					for i := 0; i < v.Len(); i++ {
						c, _ := v.Index(i).Interface().(tea.Cmd)
						if c == nil {
							continue
						}
						done := make(chan tea.Msg, 1)
						go func() { done <- c() }()
						select {
						case mm := <-done:
							if mm != nil {
								apply(mm)
							}
						case <-time.After(quiet):
						}
					}
					continue
				}
				apply(msg)
			}
		case now := <-tick.C:
			for id, at := range live {
				if now.Sub(at) > quiet {
					delete(live, id)
				}
			}
		}
	}
	return last
}

// checkFits fails unless v has at most h lines, each at most w columns.
func checkFits(t *testing.T, what string, v string, w, h int) {
	t.Helper()
	if v == "" {
		return
	}
	lines := strings.Split(v, "\n")
	if len(lines) > h {
		t.Errorf("%s: %d lines in a window of %d", what, len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s: line %d is %d columns in a window of %d: %q", what, i, lw, w, ansi.Strip(l))
			return
		}
	}
}

var relSizes = [][2]int{{0, 0}, {1, 1}, {20, 5}, {59, 15}, {60, 16}, {80, 24}, {200, 60}, {400, 200}}

// TestEverySizeEveryStation opens the root on every station (and home),
// loads its data, and draws it at every size from 0x0 to 400x200, in both
// languages: no panic, no line wider than the window, no more lines than
// it has. Each station's own View is also drawn at the body sizes the
// root hands it, which must not panic either.
func TestEverySizeEveryStation(t *testing.T) {
	st := relMeeting(t, 300, 60, 12)
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, id := range append([]StationID{Home}, Stations...) {
			name := string(id)
			if id == Home {
				name = "home"
			}
			t.Run(string(lang)+"/"+name, func(t *testing.T) {
				m := relRoot(t, st, lang, id)
				m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
				settle(m, relInit(m), 300*time.Millisecond)
				for _, sz := range relSizes {
					w, h := sz[0], sz[1]
					func() {
						defer func() {
							if r := recover(); r != nil {
								t.Fatalf("%dx%d: panic: %v", w, h, r)
							}
						}()
						m.Update(tea.WindowSizeMsg{Width: w, Height: h})
						checkFits(t, fmt.Sprintf("root %dx%d", w, h), m.View(), w, h)
						if id != Home {
							// the station itself, at sizes below the root's minimum too
							s := m.station(id)
							s.SetSize(w, max(h-3, 0))
							s.View()
							bw, bh := m.bodySize()
							s.SetSize(bw, bh)
						}
					}()
				}
			})
		}
	}
}

// paste is what a terminal delivers for a 10,000-character paste.
func paste(n int) tea.KeyMsg {
	r := []rune(strings.Repeat("Nguyễn Thị Hoa ", n/15+1))[:n]
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: r, Paste: true}
}

// TestPasteDoesNotFreeze pastes 5 MB into every station, and into the
// question form of the qa station, at 80x24: Update and View return
// promptly, and what follows still fits the window. The numbers are in
// BenchmarkStations10k/paste.
func TestPasteDoesNotFreeze(t *testing.T) {
	st := relMeeting(t, 2000, 100, 5)
	type pasteCase struct {
		id     StationID
		before []tea.KeyMsg
	}
	var cases []pasteCase
	for _, id := range Stations {
		cases = append(cases, pasteCase{id, nil})
	}
	cases = append(cases, pasteCase{QA, []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'n'}}}})
	for _, tc := range cases {
		name := string(tc.id)
		if len(tc.before) > 0 {
			name += "+" + tc.before[0].String()
		}
		t.Run(name, func(t *testing.T) {
			m := relRoot(t, st, i18n.VI, tc.id)
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			settle(m, relInit(m), 300*time.Millisecond)
			for _, k := range tc.before {
				_, c := m.Update(k)
				settle(m, c, 300*time.Millisecond)
			}
			p := paste(5 << 20)
			t0 := time.Now()
			_, c := m.Update(p)
			v := m.View()
			took := time.Since(t0)
			checkFits(t, "after the paste", v, 80, 24)
			settle(m, c, 300*time.Millisecond)
			checkFits(t, "after its results", m.View(), 80, 24)
			t0 = time.Now()
			m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'x'}})
			m.View()
			next := time.Since(t0)
			t.Logf("paste: Update+View %v; next key %v", took, next)
			if took > 2*time.Second || next > 2*time.Second {
				t.Errorf("the screen froze: paste %v, next key %v", took, next)
			}
		})
	}
}

// TestKeysBeforeData presses the stations' keys before their first load
// has arrived (a quick hand at start-up, a slow disk), then lets the load
// in: nothing may panic, and the screen still fits.
func TestKeysBeforeData(t *testing.T) {
	st := relMeeting(t, 300, 30, 3)
	var ks []tea.KeyMsg
	for _, r := range "naexsbpthf /" {
		ks = append(ks, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	for _, k := range []tea.KeyType{tea.KeyEnter, tea.KeyTab, tea.KeyShiftTab, tea.KeyDown, tea.KeyUp, tea.KeyPgDown, tea.KeyEnd,
		tea.KeyHome, tea.KeyCtrlS, tea.KeyCtrlZ, tea.KeyBackspace, tea.KeyLeft, tea.KeyRight} {
		ks = append(ks, tea.KeyMsg{Type: k})
	}
	for _, id := range Stations {
		for _, k := range ks {
			t.Run(string(id)+"/"+k.String(), func(t *testing.T) {
				m := relRoot(t, st, i18n.VI, id)
				m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
				init := relInit(m) // not run yet: no data
				var cmds []tea.Cmd
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Fatalf("%q before the data arrived: panic: %v", k.String(), r)
						}
					}()
					_, c := m.Update(k)
					cmds = append(cmds, c)
					checkFits(t, "before the data", m.View(), 80, 24)
					settle(m, tea.Batch(append(cmds, init)...), 300*time.Millisecond)
					checkFits(t, "after the data", m.View(), 80, 24)
				}()
			})
		}
	}
}
