package followup_test

import (
	"context"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/followup"
	"doithoai/tui/i18n"
)

// vn is the meeting's zone.
var vn = time.FixedZone("ICT", 7*3600)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, vn)
	if err != nil {
		panic(err)
	}
	return t
}

// clock is a settable clock shared by the store and the station.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// fixture is the demo meeting (held 18/10/2023) a month after the day,
// on 20/11/2023:
//
//	Q1 raises petition 1: LĐ-TB&XH answers in writing by 30/11/2023 (due soon… not yet)
//	Q2 referred to a higher level, TN&MT to take it up (due 17/11: overdue 3 days)
//	Q3 raises petition 3, answered on the spot (settled: owes nothing)
//	Q4 Phòng Y tế answers in writing by 10/11/2023, answered on 15/11 (5 days late)
//	Q5 Phòng Y tế answers in writing by 22/11/2023 (due soon)
//
// and the 13 other petitions, due 17/11/2023 (overdue 3 days).
type fixture struct {
	st      *store.Store
	clock   *clock
	unit    map[string]int64
	answers []int64
}

func (f *fixture) key(q int) string { return "a" + strconv.FormatInt(f.answers[q-1], 10) }

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{clock: &clock{t: at("2023-11-20 09:00")}, unit: map[string]int64{}}
	path := filepath.Join(t.TempDir(), "meeting.db")
	st, err := store.Open(ctx, path, store.Options{Create: true, Now: f.clock.now, PollEvery: 20 * time.Millisecond,
		Actor: store.Actor{Station: "followup", User: "test", Role: store.RoleAdmin}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f.st = st
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.LoadSeed(ctx, seed); err != nil {
		t.Fatal(err)
	}
	us, _ := st.Units(ctx)
	for _, u := range us {
		f.unit[u.Short] = u.ID
	}
	pets, _ := st.Petitions(ctx)
	type qa struct {
		pet     int
		topic   string
		outcome store.Outcome
		agency  string
		due     string
		text    string
	}
	for i, x := range []qa{
		{1, "Đào tạo nghề, việc làm", store.OutcomeWritten, "LĐ-TB&XH", "2023-11-30", "Đề nghị mở lớp dạy nghề may công nghiệp cho phụ nữ vùng biển."},
		{0, "Khác", store.OutcomeReferred, "TN&MT", "", "Cấp giấy chứng nhận quyền sử dụng đất cho hộ ven sông còn chậm."},
		{3, "Vay vốn, hỗ trợ khởi nghiệp", store.OutcomeSpot, "", "", "Lãi suất vay vốn cho hộ nghèo là bao nhiêu?"},
		{0, "Chăm sóc sức khỏe phụ nữ", store.OutcomeWritten, "Y tế", "2023-11-10", "Trạm y tế xã thiếu bác sĩ sản khoa."},
		{0, "Chăm sóc sức khỏe phụ nữ", store.OutcomeWritten, "Y tế", "2023-11-22", "Đề nghị khám sàng lọc ung thư vú miễn phí cho phụ nữ trên 40 tuổi."},
	} {
		q := store.Question{AskerName: "Nguyễn Thị Hoa", AskerUnit: "Xã Quảng Hải", Topic: x.topic, Text: x.text,
			AskedAt: at("2023-10-18 09:00").Add(time.Duration(i) * time.Minute)}
		if x.pet > 0 {
			q.PetitionID = pets[x.pet-1].ID
		}
		qid, err := st.SaveQuestion(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		aid, err := st.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Trần Minh Đức", Summary: "Sẽ trả lời bằng văn bản",
			Outcome: x.outcome, FollowupAgencyID: f.unit[x.agency], DueDate: x.due})
		if err != nil {
			t.Fatal(err)
		}
		f.answers = append(f.answers, aid)
	}
	if _, err := st.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(4), DocNo: "Số 45/YT ngày 15/11/2023", Signer: "Lê Thị Mai",
		Summary: "Đã bố trí bác sĩ sản khoa luân phiên về trạm", Result: store.ResultSettled}); err != nil {
		t.Fatal(err)
	}
	return f
}

// open builds the station at w x h in lang on the fixture, loaded.
func (f *fixture) open(t testing.TB, lang i18n.Lang, w, h int) *followup.Model {
	t.Helper()
	c := commontest.Wrap(f.st, lang, w, h)
	c.Now = f.clock.now
	m := followup.NewModel(c)
	m.SetOpener(func(string) error { t.Error("a viewer was started"); return nil }, false)
	m.SetSize(w, h)
	drive(m, m.Init())
	return m
}

// drive runs cmd and what follows from it (commontest.Drive); a command
// not answering within 5 s (a timer) is left behind.
func drive(s common.Station, cmd tea.Cmd) { commontest.Drive(s, cmd, 5*time.Second) }

// press sends named keys ("enter", "esc", "down", "ctrl+z"…) or runes.
func press(s common.Station, keys ...string) {
	for _, k := range keys {
		_, cmd := s.Update(keyMsg(k))
		drive(s, cmd)
	}
}

func keyMsg(s string) tea.KeyMsg {
	named := map[string]tea.KeyType{"ctrl+z": tea.KeyCtrlZ, "left": tea.KeyLeft, "right": tea.KeyRight, "home": tea.KeyHome,
		"end": tea.KeyEnd, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "delete": tea.KeyDelete, "ctrl+u": tea.KeyCtrlU}
	if t, ok := named[s]; ok {
		return tea.KeyMsg{Type: t}
	}
	return commontest.Key(s)
}

// typeText sends one key message per rune, as a person types.
func typeText(s common.Station, text string) {
	for _, r := range text {
		_, cmd := s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		drive(s, cmd)
	}
}

// checkFits fails when a view is larger than its area.
func checkFits(t *testing.T, name, v string, w, h int) {
	t.Helper()
	commontest.CheckFits(t, name, v, w, h)
}
