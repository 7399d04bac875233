package qa

import (
	"context"
	"strings"
	"testing"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

func questions(t *testing.T, st *store.Store) []store.Question {
	t.Helper()
	qs, err := st.Questions(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

func unitID(t *testing.T, st *store.Store, short string) int64 {
	t.Helper()
	us, _ := st.Units(context.Background())
	for _, u := range us {
		if u.Short == short {
			return u.ID
		}
	}
	t.Fatalf("no unit %s", short)
	return 0
}

// TestRecordQuestionFromSpeaker records a question with the asker taken
// from the moderator's current speaker, a topic chosen by two words typed
// without accents and a petition found by its agency.
func TestRecordQuestionFromSpeaker(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	ctx := context.Background()
	sp, ok, _ := st.CurrentSpeaker(ctx)
	if !ok {
		t.Fatal("fixture: nobody speaking")
	}
	if m.Capturing() {
		t.Fatal("the log captures keys")
	}
	press(t, m, "n")
	// the asker is the speaker: the text is the first field left to fill
	if !m.Capturing() || m.mode != modeForm || m.form.curName() != fText {
		t.Fatalf("after n: mode %v capturing %v focus %s", m.mode, m.Capturing(), m.form.curName())
	}
	if v := m.View(); !strings.Contains(v, sp.Name) {
		t.Fatalf("asker not prefilled with the speaker:\n%s", v)
	}
	press(t, m, "shift+tab", "suc khoe")
	if v := m.View(); !strings.Contains(v, "Chăm sóc sức khỏe phụ nữ") {
		t.Fatalf("topic list not filtered:\n%s", v)
	}
	press(t, m, "enter")
	text := "Đề nghị khám sức khỏe định kỳ miễn phí cho phụ nữ cao tuổi."
	press(t, m, text, "enter")
	if m.form.curName() != fPetition {
		t.Fatalf("focus %s, want the petition", m.form.curName())
	}
	// search petitions by their agency, accent-free: the highlighted one's
	// agency and prepared answer are on screen before choosing
	press(t, m, "phong y te")
	pets, _ := st.Petitions(ctx)
	var want store.Petition
	for _, p := range pets {
		if strings.Contains(p.AgencyName, "Y tế") {
			want = p
			break
		}
	}
	v := m.View()
	if !strings.Contains(v, "Phòng Y tế") || !strings.Contains(v, "Trả lời đã chuẩn bị") || !strings.Contains(v, want.PreparedAnswer[:20]) {
		t.Fatalf("petition preview missing:\n%s", v)
	}
	press(t, m, "enter") // the last field: saves
	if m.mode != modeLog || m.form != nil {
		t.Fatalf("form still open: %v %q", m.mode, m.form.err)
	}
	qs := questions(t, st)
	q := qs[len(qs)-1]
	if q.Text != text || q.Topic != "Chăm sóc sức khỏe phụ nữ" || q.SpeakerID != sp.ID || q.DelegateID != sp.DelegateID ||
		q.AskerName != sp.Name || q.PetitionID != want.ID || q.ItemID == 0 {
		t.Fatalf("saved %+v (speaker %+v, petition %d)", q, sp, want.ID)
	}
	if _, ok := draftOf(t, st, "qa/question/"); ok {
		t.Error("draft left after saving")
	}
	if !strings.Contains(m.View(), text[:30]) {
		t.Errorf("new question not in the log:\n%s", m.View())
	}
}

// TestAskerPickedOrFree chooses an arrived delegate by accent-free search,
// then types a name that is not on the list.
func TestAskerPickedOrFree(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	ctx := context.Background()
	if err := st.EndTurn(ctx); err != nil {
		t.Fatal(err)
	}
	drive(t, m, m.Init())
	qs := questions(t, st)
	first := qs[0]
	press(t, m, "n")
	if m.form.curName() != fAsker {
		t.Fatalf("focus %s, want the asker", m.form.curName())
	}
	press(t, m, "tran thi thanh")
	press(t, m, "enter", "enter", "Hỏi thử", "ctrl+s")
	qs = questions(t, st)
	q := qs[len(qs)-1]
	if q.DelegateID != first.DelegateID || q.AskerName != first.AskerName || q.SpeakerID != 0 || q.Topic != "" {
		t.Fatalf("picked asker: %+v, want delegate %d", q, first.DelegateID)
	}
	press(t, m, "n", "Bà Lê Thị Khách, Tổ dân phố 3", "enter", "enter", "Câu hỏi tự do", "ctrl+s")
	qs = questions(t, st)
	q = qs[len(qs)-1]
	if q.DelegateID != 0 || q.AskerName != "Bà Lê Thị Khách" || q.AskerUnit != "Tổ dân phố 3" {
		t.Fatalf("free asker: %+v", q)
	}
}

// TestWrittenAnswerNeedsAgencyAndDate: the form and the store refuse a
// written answer without a due date or an agency, and say where.
func TestWrittenAnswerNeedsAgencyAndDate(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	n := len(questions(t, st)[3].Answers)
	press(t, m, "end", "a") // the newest question, not answered yet
	if m.form == nil || m.form.kind != formAnswer {
		t.Fatal("answer form not open")
	}
	press(t, m, "enter", "enter", "Sẽ trả lời sau", "enter", "van ban", "enter")
	if m.form.curName() != fFollowup {
		t.Fatalf("focus %s, want the follow-up agency", m.form.curName())
	}
	press(t, m, "enter", "enter") // due date empty: refused by the form
	if m.form == nil || m.form.errField != fDue || m.form.curName() != fDue {
		t.Fatalf("no due-date error: %+v", m.form)
	}
	if !strings.Contains(m.form.err, "cần hạn trả lời") {
		t.Errorf("empty due date: %q, want it asked for", m.form.err)
	}
	// clear the agency that owes the answer: refused by the store
	press(t, m, "shift+tab", "backspace", "tab", "+15", "ctrl+s")
	if m.form == nil || m.form.errField != fFollowup || !strings.Contains(m.View(), "Cơ quan trả lời bằng văn bản:") {
		t.Fatalf("store did not refuse it: %+v\n%s", m.form, m.View())
	}
	if got := len(questions(t, st)[3].Answers); got != n {
		t.Fatalf("%d answers stored", got-n)
	}
	press(t, m, "ld tb", "ctrl+s")
	if m.form != nil {
		t.Fatalf("not saved: %s", m.form.err)
	}
	a := questions(t, st)[3].Answers[n]
	if a.Outcome != store.OutcomeWritten || a.DueDate != "2023-11-02" || a.FollowupAgencyID != unitID(t, st, "LĐ-TB&XH") || a.Person != "Trần Minh Đức" {
		t.Fatalf("saved %+v", a)
	}
}

// TestCorrectionAndHistory edits a question and an answer and reads the
// history view.
func TestCorrectionAndHistory(t *testing.T) {
	m, st := newTest(t, i18n.VI, 120, 37, true)
	press(t, m, "home", "e")
	if m.form == nil || m.form.id == 0 || m.form.curName() != fText {
		t.Fatalf("edit form: %+v", m.form)
	}
	press(t, m, " (sửa)", "ctrl+s")
	q := questions(t, st)[0]
	if !strings.HasSuffix(q.Text, "(sửa)") || !q.AskedAt.Equal(at(7, 5)) {
		t.Fatalf("edited %+v", q)
	}
	press(t, m, "h")
	if m.mode != modeHistory || !m.Capturing() {
		t.Fatal("history not open")
	}
	v := m.View()
	if !strings.Contains(v, "sửa") || !strings.Contains(v, "(sửa)»") || !strings.Contains(v, "Nội dung: «Đề nghị") {
		t.Fatalf("history view:\n%s", v)
	}
	press(t, m, "esc", "down", "e", "backspace", "backspace", "backspace", "backspace", "ghi nhan", "ctrl+s")
	a := questions(t, st)[0].Answers[0]
	if !strings.HasSuffix(a.Summary, "ghi nhan") {
		t.Fatalf("answer edit: %+v", a)
	}
	press(t, m, "h")
	if v := m.View(); !strings.Contains(v, "Tóm tắt: «Thị xã") || !strings.Contains(v, "nhan»") {
		t.Fatalf("answer history:\n%s", v)
	}
}

func TestFilters(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	all := len(m.recs)
	press(t, m, "f", "enter", "ld tb", "enter", "van ban", "enter")
	if m.form != nil || !m.flt.active() || m.flt.outcome != "written" || m.flt.agencyID != unitID(t, st, "LĐ-TB&XH") {
		t.Fatalf("filter %+v", m.flt)
	}
	if len(m.recs) != 3 || !strings.Contains(m.View(), "Lọc cả ngày") {
		t.Fatalf("written by LĐ-TB&XH: %d rows\n%s", len(m.recs), m.View())
	}
	press(t, m, "x", "f", "suc khoe", "enter", "enter", "enter")
	if len(m.recs) != 2 || m.flt.topic != "Chăm sóc sức khỏe phụ nữ" {
		t.Fatalf("topic filter: %d rows %+v", len(m.recs), m.flt)
	}
	press(t, m, "x", "f", "enter", "enter", "qua han", "enter")
	if m.flt.outcome != outcomeOverdue || len(m.recs) != 0 {
		t.Fatalf("overdue on the meeting day: %d rows", len(m.recs))
	}
	press(t, m, "x")
	if len(m.recs) != all {
		t.Fatalf("cleared: %d rows, want %d", len(m.recs), all)
	}
}

func TestPetitionsView(t *testing.T) {
	m, st := newTest(t, i18n.EN, 80, 21, true)
	press(t, m, "p")
	v := m.View()
	if m.Capturing() || !strings.Contains(v, "raised 1 · not raised 13") || !strings.Contains(v, "Prepared answer") {
		t.Fatalf("petitions view:\n%s", v)
	}
	press(t, m, "down", "n")
	if m.form == nil || m.form.kind != formQuestion {
		t.Fatal("no question form from the petitions view")
	}
	pk, _ := m.form.fields[fPetition].(*chooser).value()
	pets, _ := st.Petitions(context.Background())
	if idOf(pk) != pets[1].ID {
		t.Fatalf("petition %s, want %d", pk, pets[1].ID)
	}
	press(t, m, "Về lao động nước ngoài", "ctrl+s")
	if m.mode != modePetitions {
		t.Fatalf("back to mode %v", m.mode)
	}
	if v := m.View(); !strings.Contains(v, "raised 2 · not raised 12") {
		t.Fatalf("raised count not updated:\n%s", v)
	}
}

func TestEditTopics(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, false)
	press(t, m, "t")
	if !m.Capturing() {
		t.Fatal("topic editor does not capture keys")
	}
	press(t, m, "enter", "Nhà ở xã hội", "ctrl+s")
	ts, _ := st.Topics(context.Background())
	if len(ts) != 9 || ts[8] != "Nhà ở xã hội" || m.mode != modeLog {
		t.Fatalf("topics %v", ts)
	}
	press(t, m, "n", "enter", "nha o", "enter")
	if _, v := m.form.fields[fTopic].(*chooser).value(); v != "Nhà ở xã hội" {
		t.Fatalf("new topic not offered: %q", v)
	}
}

func TestCancelAsksTwice(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, false)
	press(t, m, "n", "Ai đó")
	tick(t, m)
	if _, ok := draftOf(t, st, "qa/question/"); !ok {
		t.Fatal("no draft after a tick")
	}
	press(t, m, "esc")
	if m.form == nil {
		t.Fatal("one esc discarded typed text")
	}
	press(t, m, "esc")
	if m.form != nil || m.mode != modeLog {
		t.Fatal("second esc did not cancel")
	}
	if _, ok := draftOf(t, st, "qa/question/"); ok {
		t.Fatal("cancelled form's draft kept")
	}
}

// TestReloadKeepsForm: another station's commit reloads the data while the
// secretary browses a list; the typing and the highlight stay put.
func TestReloadKeepsForm(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	press(t, m, "a", "enter", "backspace", "phong", "down", "down")
	c := m.form.fields[fAgency].(*chooser)
	before := c.highlighted()
	ds, _ := st.Delegates(context.Background())
	if _, err := st.CheckIn(context.Background(), ds[len(ds)-1].ID); err != nil {
		t.Fatal(err)
	}
	prevIndex := m.d.index
	_, cmd := m.Update(common.ChangedMsg{})
	drive(t, m, cmd)
	if m.form == nil || c.highlighted() != before || c.in.Value() != "phong" {
		t.Fatalf("after reload: highlighted %q (was %q), text %q", c.highlighted(), before, c.in.Value())
	}
	if m.d.index != prevIndex {
		t.Error("the delegate index was rebuilt though no name changed")
	}
}

// TestSelectedShownWhole: the log clips a long question to two lines at
// 80x24, but shows the selected one whole.
func TestSelectedShownWhole(t *testing.T) {
	m, _ := newTest(t, i18n.VI, 80, 21, true)
	long := strings.Repeat("Chị em đề nghị hỗ trợ vốn vay ưu đãi để phát triển kinh tế hộ gia đình. ", 5) + "HẾT."
	press(t, m, "n", long, "ctrl+s")
	if !strings.Contains(m.View(), "HẾT.") {
		t.Fatalf("selected question not shown whole:\n%s", m.View())
	}
	press(t, m, "up")
	if strings.Contains(m.View(), "HẾT.") {
		t.Fatalf("unselected question not clipped:\n%s", m.View())
	}
}

// TestSaveDraftsOnQuit: what was typed since the last tick is saved when
// the session ends (the root sends SaveDraftsMsg on quit and on SIGTERM).
func TestSaveDraftsOnQuit(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, false)
	press(t, m, "n", "Bà Lan")
	_, cmd := m.Update(common.SaveDraftsMsg{})
	drive(t, m, cmd)
	body, ok := draftOf(t, st, "qa/question/")
	if !ok || !strings.Contains(body, "Bà Lan") {
		t.Fatalf("draft not saved on quit: %q", body)
	}
}
