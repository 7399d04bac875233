package qa

import (
	"context"
	"strings"
	"testing"

	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// TestDueDateRange: a due date before the meeting's day or more than two
// years after it is asked for again in words; 15/12 takes the meeting's
// year.
func TestDueDateRange(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	press(t, m, "end", "a", "enter", "enter", "Trả lời bằng văn bản.", "enter", "2", "enter", "enter", "01/01/1990", "ctrl+s")
	if m.form == nil || m.form.errField != fDue || !strings.Contains(m.View(), "Hạn trả lời phải từ ngày hội nghị (18/10/2023) đến 18/10/2025") {
		t.Fatalf("1990 accepted or not explained:\n%s", m.View())
	}
	press(t, m, "ctrl+u", "01/01/2030", "ctrl+s")
	if m.form == nil || m.form.errField != fDue {
		t.Fatalf("2030 accepted:\n%s", m.View())
	}
	press(t, m, "ctrl+u", "15/12", "ctrl+s")
	if m.form != nil {
		t.Fatalf("15/12 refused:\n%s", m.View())
	}
	qs := questions(t, st)
	as := qs[len(qs)-1].Answers
	if len(as) == 0 || as[len(as)-1].DueDate != "2023-12-15" {
		t.Fatalf("saved %+v", as)
	}
}

// TestNoOutcomeSmall: ctrl+s on an answer with no outcome says so in
// words, and the message is on screen at 60x16 (station area 60x13).
func TestNoOutcomeSmall(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		m, _ := newTest(t, lang, 60, 13, true)
		press(t, m, "end", "a", "enter", "enter", "Tóm tắt", "ctrl+s")
		want := map[i18n.Lang]string{i18n.VI: "Chưa chọn kết quả", i18n.EN: "No outcome chosen"}[lang]
		v := m.View()
		if m.form == nil || m.form.curName() != fOutcome || !strings.Contains(v, want) || strings.Contains(v, "unknown") {
			t.Fatalf("%s: no outcome:\n%s", lang, v)
		}
		if n := strings.Count(v, "\n") + 1; n > 13 {
			t.Fatalf("%s: %d lines in a 13-line area", lang, n)
		}
	}
}

// TestReasonsTranslated: every refusal the store gives a qa form has its
// words in both languages.
func TestReasonsTranslated(t *testing.T) {
	for _, r := range []string{"required", "too long", "unknown outcome", "expected YYYY-MM-DD", "a written answer needs a due date",
		"a written answer needs the agency that owes it", "before the meeting day", "more than two years after the meeting"} {
		if !i18n.Has("reason." + r) {
			t.Errorf("reason %q not in the catalog", r)
		}
	}
	for _, f := range []string{"asker", "asker_unit", "topic", "text", "person", "summary", "outcome", "due_date", "followup_agency"} {
		if !i18n.Has("field." + f) {
			t.Errorf("field %q not in the catalog", f)
		}
	}
}

// TestStaleErrorCleared: the refusal of an empty form goes once its field
// is typed into.
func TestStaleErrorCleared(t *testing.T) {
	m, _ := newTest(t, i18n.VI, 80, 21, true)
	press(t, m, "n", "ctrl+s")
	if !strings.Contains(m.View(), "Nội dung: bắt buộc") || m.form.curName() != fText {
		t.Fatalf("empty text not refused:\n%s", m.View())
	}
	press(t, m, "N")
	if strings.Contains(m.View(), "Nội dung: bắt buộc") {
		t.Fatalf("stale refusal kept:\n%s", m.View())
	}
}

// TestTopicFromList: a name typed in the topic field is not saved as a
// topic; "suc khoe" is the meeting's topic; a new one is taken only from
// its own row and joins the list.
func TestTopicFromList(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	press(t, m, "n")
	if m.form.curName() != fText {
		t.Fatalf("focus %s, want the text", m.form.curName())
	}
	press(t, m, "shift+tab", "Nguyen Van A", "enter")
	if m.form.curName() != fTopic || !strings.Contains(m.View(), "Không có lĩnh vực «Nguyen Van A»") {
		t.Fatalf("a name taken as a topic:\n%s", m.View())
	}
	press(t, m, "ctrl+s")
	if m.form == nil || m.form.curName() != fTopic {
		t.Fatal("saved with a topic not on the list")
	}
	press(t, m, "ctrl+u", "suc khoe", "enter", "Hỏi về khám sức khỏe.", "ctrl+s")
	qs := questions(t, st)
	if q := qs[len(qs)-1]; q.Topic != "Chăm sóc sức khỏe phụ nữ" || q.Text != "Hỏi về khám sức khỏe." {
		t.Fatalf("saved %+v", q)
	}
	press(t, m, "n", "shift+tab", "moi truong", "down", "enter")
	if m.form.curName() != fText || m.form.err != "" {
		t.Fatalf("new topic row not taken:\n%s", m.View())
	}
	press(t, m, "Rác thải.", "ctrl+s")
	ts, _ := st.Topics(context.Background())
	if ts[len(ts)-1] != "moi truong" {
		t.Fatalf("new topic not on the list: %q", ts)
	}
	// the filter can choose it
	press(t, m, "f", "moi", "enter", "enter", "enter")
	if !m.flt.active() || len(m.recs) != 1 {
		t.Fatalf("filter on the new topic: %+v, %d rows", m.flt, len(m.recs))
	}
}

// TestAskerNotCheckedIn: the asker search finds invited delegates who
// have not checked in, after those who have, and says so; choosing one
// links the delegate.
func TestAskerNotCheckedIn(t *testing.T) {
	m, st := newTest(t, i18n.VI, 100, 30, true)
	ctx := context.Background()
	if err := st.EndTurn(ctx); err != nil {
		t.Fatal(err)
	}
	drive(t, m, m.Init())
	press(t, m, "n", "duyen")
	v := m.View()
	if strings.Count(v, "Duyên") != 3 || strings.Count(v, "(chưa điểm danh)") != 3 {
		t.Fatalf("Duyên not found, or not marked:\n%s", v)
	}
	press(t, m, "enter")
	ask := m.form.fields[fAsker].(*askerField)
	d, ok := m.delByID[ask.delegateID]
	if !ok || !strings.Contains(d.FullName, "Duyên") || d.Arrived() {
		t.Fatalf("asker %+v", ask)
	}
	// asking is being there: the save checks her in and says so
	press(t, m, "tab", "Hỏi thử", "ctrl+s")
	if m.form != nil || m.status != "Đã lưu ý kiến và đã điểm danh "+d.FullName {
		t.Fatalf("status %q, want her checked in\n%s", m.status, m.View())
	}
	if got, err := st.Delegate(ctx, d.ID); err != nil || !got.Arrived() || got.ArrivedAs != commontest.Station {
		t.Fatalf("asker after the save: %+v, %v", got, err)
	}
	qs := questions(t, st)
	if q := qs[len(qs)-1]; q.DelegateID != d.ID {
		t.Fatalf("saved %+v", q)
	}
	// the next search no longer marks her absent
	press(t, m, "n", "duyen")
	if v := m.View(); strings.Count(v, "(chưa điểm danh)") != 2 {
		t.Fatalf("still marked absent after asking:\n%s", v)
	}
	// arrived first: the fixture's arrived women come before the others
	press(t, m, "esc", "esc", "n", "thi")
	r0, arrived := ask0(m).row(0)
	if !arrived || !r0.Arrived() {
		t.Fatalf("first hit %s has not arrived", r0.FullName)
	}
}

func ask0(m *Model) *askerField { return m.form.fields[fAsker].(*askerField) }
