package checkin

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store/fold"
	"doithoai/tui/i18n"
)

// FuzzEnter types anything (what a scanner or a hand may send) and presses
// Enter: the desk never panics, checks in at most one person, and never
// checks in anyone for code-like text that is not a delegate's code. The
// seed corpus runs as an ordinary test.
func FuzzEnter(f *testing.F) {
	for _, s := range []string{"hoa", "PN-010", "pn010", "PN999", "#12", "#", "#-1", "#99999999999999999999", "nguyen thi hoa",
		"Ð", "\u00a0hoa\u00a0", "Nguye\u0302\u0303n", "ZZ 12", "12", "  ", "x\x00y", "🙂", "a1", "LD06", "#0", "1\x02\x00\x00", "1", "phuong quang long"} {
		f.Add(s)
	}
	m, st := newModel(f, i18n.VI, 80, 21)
	loadModel(f, m)
	if _, err := st.AssignSheetNumbers(context.Background()); err != nil {
		f.Fatal(err)
	}
	run(m, m.Init())
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\r\n\t\x1b") {
			return // keys, not text
		}
		before := arrivedCount(t, st)
		m.clearQuery()
		m.picker.SetQuery(s)
		typed := m.picker.Query() // the field drops control characters
		hits := m.picker.Hits()
		nameHit := len(hits) > 0 && fold.Tier(hits[0].Score) >= fold.TierPartial
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
		run(m, cmd)
		_ = m.View()
		after := arrivedCount(t, st)
		if after > before+1 {
			t.Fatalf("%q checked in %d people", s, after-before)
		}
		q := strings.TrimSpace(typed)
		if codeLike(q) && !known(m, q) && !strings.HasPrefix(q, "#") && after != before {
			t.Fatalf("%q is no delegate's code but checked someone in: %s", s, m.notice.text)
		}
		if !nameHit && !known(m, q) && !strings.HasPrefix(q, "#") && after != before {
			t.Fatalf("%q matched no name but checked someone in: %s", s, m.notice.text)
		}
		// undo what was done so the next input starts alike
		if after > before {
			d, err := st.LastCheckIn(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if err := st.UndoCheckIn(context.Background(), d.ID); err != nil {
				t.Fatal(err)
			}
			run(m, m.Init())
		}
	})
}

func known(m *Model, q string) bool { _, ok := m.snap.codes[compactCode(q)]; return ok }
