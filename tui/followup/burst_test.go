package followup_test

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"doithoai/store"
)

// TestReceiptFormBurst: a receipt typed in one burst (a fast typist, a
// paste, tmux send-keys) lands field by field: no key that follows a Tab
// or Enter is left in the field just left.
func TestReceiptFormBurst(t *testing.T) {
	f := newFixture(t)
	m, tm := f.program(t)
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("quá hạn 3 ngày")) },
		teatest.WithDuration(20*time.Second))
	first := f.reg(t).Obligations[0].Key
	var burst []tea.Msg
	// each text read in one go, as a terminal delivers what arrives at once
	typ := func(s string) { burst = append(burst, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}) }
	enter := func() { burst = append(burst, tea.KeyMsg{Type: tea.KeyEnter}) }
	// "r" and the number read in one go, as a terminal may deliver them
	burst = append(burst, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("rso 88/UBND-TNMT ngay 18/11/2023")})
	enter()
	typ("Nguyen Van Nam")
	burst = append(burst, tea.KeyMsg{Type: tea.KeyTab})
	typ("Da chuyen So Tai nguyen")
	tab := func() { burst = append(burst, tea.KeyMsg{Type: tea.KeyTab}) }
	tab()
	tab()   // no scan
	enter() // settled
	for _, k := range burst {
		tm.Send(k)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		o := f.ob(t, first)
		if rs := o.ActiveReceipts(); len(rs) == 1 {
			r := rs[0]
			if r.DocNo != "88/UBND-TNMT" || r.Signer != "Nguyen Van Nam" || r.Summary != "Da chuyen So Tai nguyen" || r.Result != store.ResultSettled {
				t.Fatalf("the burst landed in the wrong fields: %+v", r)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no receipt recorded from the burst:\n%s", m.View())
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.Quit()
}
