package followup_test

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"doithoai/store"
	"doithoai/tui/common/commontest"
	"doithoai/tui/followup"
	"doithoai/tui/i18n"
)

// program runs the station on the fixture as a program at 100x30.
func (f *fixture) program(t *testing.T) (*followup.Model, *teatest.TestModel) {
	c := commontest.Wrap(f.st, i18n.VI, 100, 30)
	c.Now = f.clock.now
	m := followup.NewModel(c)
	m.SetOpener(func(string) error { t.Error("a viewer was started"); return nil }, false)
	return m, teatest.NewTestModel(t, commontest.Host{S: m}, teatest.WithInitialTermSize(100, 30))
}

// TestFlowReceiptAndExtension runs the station as a program: the office
// records a written answer for the highlighted item (typed without
// accents, one key at a time), then gives another item more time.
func TestFlowReceiptAndExtension(t *testing.T) {
	f := newFixture(t)
	_, tm := f.program(t)
	// everything drawn so far: the renderer writes a line once, so two
	// texts drawn in one frame are both found, whichever is waited for
	var seen []byte
	wait := func(s string) {
		t.Helper()
		if bytes.Contains(seen, []byte(s)) {
			return
		}
		base := seen
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			seen = append(base[:len(base):len(base)], b...)
			return bytes.Contains(seen, []byte(s))
		}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	typ := func(s string) {
		for _, r := range s {
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
	key := func(k tea.KeyType) { tm.Send(tea.KeyMsg{Type: k}) }
	until := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not in the store", what)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	wait("quá hạn 3 ngày")
	// the first row: the referral to TN&MT, overdue; it is passed on
	typ("r")
	wait("Số, ký hiệu và ngày văn bản")
	typ("so 88/UBND-TNMT ngay 18/11/2023")
	wait("đọc được: số 88/UBND-TNMT, ngày 18/11/2023")
	// huh moves between fields through commands of its own: a key sent
	// before the next field has the focus would land in the last one, so
	// each step waits for its field's focus mark
	key(tea.KeyEnter)
	wait("┃ Người ký")
	typ("Nguyen Van Nam")
	key(tea.KeyEnter)
	wait("┃ Trích yếu")
	typ("Da chuyen So Tai nguyen va Moi truong")
	key(tea.KeyEnter)
	wait("┃ Bản quét")
	key(tea.KeyEnter) // no scan
	wait("┃ Kết quả")
	key(tea.KeyDown)
	key(tea.KeyDown)
	key(tea.KeyDown) // forwarded: a referral may be passed on
	wait("┃ > đã chuyển cấp có thẩm quyền")
	key(tea.KeyEnter)
	wait("┃ Đã chuyển đến")
	typ("So TN&MT tinh Quang Binh")
	key(tea.KeyEnter)
	until("the forwarding letter", func() bool {
		o, _ := f.reg(t).Obligation(f.key(2))
		return o.Status.Kind == store.StatusForwarded && o.ReferredTo == "So TN&MT tinh Quang Binh"
	})
	wait("Đã ghi nhận văn bản số 88/UBND-TNMT")
	// the highlight stays with the referral, now forwarded and lower in
	// the list; the first row is petition 2, overdue: more time for it
	wait("đã chuyển – trễ 1 ngày")
	key(tea.KeyHome)
	wait("›KN2 ")
	typ("g")
	wait("Hạn mới")
	typ("31/12/2023")
	key(tea.KeyEnter)
	wait("┃ Lý do gia hạn")
	typ("Cho y kien cua So")
	key(tea.KeyEnter)
	until("the extension", func() bool {
		for _, o := range f.reg(t).Obligations {
			if len(o.Extensions) == 1 && o.Due == "2023-12-31" && o.Extensions[0].Reason == "Cho y kien cua So" {
				return true
			}
		}
		return false
	})
	wait("đến 31/12/2023")
	tm.Quit()
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
