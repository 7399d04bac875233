package tui

import (
	"testing"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/tui/i18n"
)

// FuzzScannedCode types what a badge scanner or a hurried hand might send
// into the check-in desk (codes, "#row", junk) and presses Enter, through
// the root: nothing may panic, and the screen must still fit. The check-in
// station has no exported parser: the whole desk is the target.
//
//	go test ./tui -run '^$' -fuzz FuzzScannedCode -fuzztime 60s
func FuzzScannedCode(f *testing.F) {
	for _, s := range []string{
		"#12", "#0", "#-1", "# 7", "#", "##", "#99999999999999999999", "#１２", "#12abc",
		"PN-012", "pn 012", "PN012", "DB-00001", "G00042", "G-00042", "db00001",
		"nguyen thi hoa", "Nguyễn Thị Hoa", "NTH", "x", "\x00", "\x1b[A", "\u202e#12",
		"'; DROP TABLE checkins; --", "%", "_", "\ufffd", "ầầầầ", "#\t12\n",
	} {
		f.Add(s)
	}
	st := relMeeting(f, 300, 10, 0)
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) || utf8.RuneCountInString(in) > 200 {
			t.Skip()
		}
		m := relRoot(t, st, i18n.VI, Checkin)
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		settle(m, relInit(m), 200*time.Millisecond)
		var cmds []tea.Cmd
		for _, r := range in {
			if r < ' ' || r == 0x7f {
				continue // control characters arrive as other keys
			}
			_, c := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			cmds = append(cmds, c)
		}
		_, c := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
		settle(m, tea.Batch(append(cmds, c)...), 50*time.Millisecond)
		checkFits(t, "after "+in, m.View(), 80, 24)
	})
}
