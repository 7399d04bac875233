package qa

import (
	"strings"
	"testing"

	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// TestTwoTerminalsDrafts: two terminals of the same user type at once, one
// an answer, the other a new question. Their drafts do not collide; when
// the first dies, a restarted terminal gets its answer back, not the
// question the living one is typing; with both gone, the newest comes
// back first and the other once it is closed.
func TestTwoTerminalsDrafts(t *testing.T) {
	a, st := newTest(t, i18n.VI, 80, 21, true)
	c := commontest.Wrap(st, i18n.VI, 80, 21)
	b := open(t, c)
	press(t, a, "a", "enter", "enter", "Trả lời đang gõ ở máy A")
	tick(t, a)
	press(t, b, "n", "Câu hỏi đang gõ ở máy B")
	tick(t, b)
	ds, err := st.Drafts(c.Ctx, "qa/")
	if err != nil || len(ds) != 2 || ds[0].Key == ds[1].Key {
		t.Fatalf("drafts %+v %v", ds, err)
	}
	keys := ds[0].Key + " " + ds[1].Key
	if !strings.Contains(keys, "qa/question/new/") || !strings.Contains(keys, "qa/answer/q") {
		t.Fatalf("keys do not say what they are drafts of: %s", keys)
	}
	// A dies (as kill -9 would: it never says goodbye)
	live.Delete(a.nonce)
	a2 := open(t, c)
	if a2.form == nil || a2.form.kind != formAnswer || a2.form.fields[fSummary].(*areaField).value() != "Trả lời đang gõ ở máy A" {
		t.Fatalf("restart of A restored:\n%s", a2.View())
	}
	if strings.Contains(a2.View(), "bản nháp khác") {
		t.Fatalf("B's live draft offered:\n%s", a2.View())
	}
	// the restored draft is claimed: B restarting now does not take it
	live.Delete(b.nonce)
	a2.Update(common.SaveDraftsMsg{}) // A's second run ends too
	// (the test clock stands still: which of the two is newer is not
	// tested here, only that both come back, one after the other)
	b2 := open(t, c)
	if b2.form == nil || !strings.Contains(b2.View(), "còn 1 bản nháp khác") {
		t.Fatalf("no note of the other draft:\n%s", b2.View())
	}
	first := b2.form.kind
	press(t, b2, "esc", "esc")
	if b2.form == nil || b2.form.kind == first || strings.Contains(b2.View(), "bản nháp khác") {
		t.Fatalf("the other draft not offered after closing the first:\n%s", b2.View())
	}
	if b2.form.kind == formAnswer && b2.form.fields[fSummary].(*areaField).value() != "Trả lời đang gõ ở máy A" ||
		b2.form.kind == formQuestion && b2.form.fields[fText].(*areaField).value() != "Câu hỏi đang gõ ở máy B" {
		t.Fatalf("second draft:\n%s", b2.View())
	}
	press(t, b2, "ctrl+s")
	if b2.form != nil {
		t.Fatalf("second draft not saved:\n%s", b2.View())
	}
	if b2.form != nil {
		t.Fatal("esc twice did not close the draft")
	}
	if ds, _ := st.Drafts(c.Ctx, "qa/"); len(ds) != 0 {
		t.Fatalf("drafts left: %+v", ds)
	}
}
