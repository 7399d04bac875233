package docs

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"doithoai/assets"
	"doithoai/store"
)

// testClock is a test testClock the fixture advances between events.
type testClock struct{ t time.Time }

func (c *testClock) now() time.Time { return c.t }

// day is the demo meeting's morning, in a fixed zone so times print the
// same everywhere.
var hcm = time.FixedZone("ICT", 7*3600)

// openDemo opens a new demo meeting in a temp dir with the clock now.
func openDemo(t testing.TB, now func() time.Time) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "meeting.db"), store.Options{Create: true, NoWatch: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.LoadSeed(context.Background(), seed); err != nil {
		t.Fatal(err)
	}
	return st
}

// demo opens the demo meeting in a temp dir and records a small morning:
// four check-ins (one a walk-in), three questions with answers of every
// outcome, one linked to a petition.
func demo(t testing.TB) (*store.Store, *Snapshot) {
	t.Helper()
	ctx := context.Background()
	ck := &testClock{t: time.Date(2023, 10, 18, 7, 5, 0, 0, hcm)}
	st := openDemo(t, ck.now)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i, code := range []string{"LD01", "PN060", "LD03"} {
		ck.t = ck.t.Add(time.Duration(i+3) * time.Minute)
		d, err := st.DelegateByCode(ctx, code)
		must(err)
		_, err = st.CheckIn(ctx, d.ID)
		must(err)
	}
	// The sheet was printed before the day; the walk-in is not on it.
	_, err := st.AssignSheetNumbers(ctx)
	must(err)
	ck.t = ck.t.Add(4 * time.Minute)
	_, err = st.RegisterWalkIn(ctx, store.WalkIn{FullName: "Phạm Thị Vãng Lai", Title: "Hội viên", UnitName: "Xã Quảng Hải", Phone: "0912000111"})
	must(err)

	units, err := st.Units(ctx)
	must(err)
	unit := func(name string) int64 {
		for _, u := range units {
			if u.Name == name {
				return u.ID
			}
		}
		t.Fatalf("no unit %s", name)
		return 0
	}
	// The agenda runs from 07:35: the first three items, then the dialogue
	// (item 8) after skipping the rest of the briefings and the break.
	ck.t = time.Date(2023, 10, 18, 7, 35, 0, 0, hcm)
	for _, minutes := range []int{14, 6, 11} {
		_, err := st.Advance(ctx)
		must(err)
		ck.t = ck.t.Add(time.Duration(minutes) * time.Minute)
	}
	items, err := st.Agenda(ctx)
	must(err)
	for _, a := range items[3:7] {
		must(st.SetSkipped(ctx, a.ID, true))
	}
	_, err = st.Advance(ctx) // the dialogue, at 08:06
	must(err)
	pets, err := st.Petitions(ctx)
	must(err)
	pn, err := st.DelegateByCode(ctx, "PN060")
	must(err)
	// Three turns in the dialogue's queue: the first asks question 1, the
	// second (typed free, without accents) asks nothing the secretary
	// records, the third is still waiting at the end.
	dialogue := items[7].ID
	spPN, err := st.AddSpeaker(ctx, store.Speaker{ItemID: dialogue, DelegateID: pn.ID})
	must(err)
	_, err = st.AddSpeaker(ctx, store.Speaker{ItemID: dialogue, Name: "Nguyen Van Khach", UnitName: "Xa Quang Tan"})
	must(err)
	_, err = st.AddSpeaker(ctx, store.Speaker{ItemID: dialogue, Name: "Người Chờ Mãi"})
	must(err)
	ck.t = time.Date(2023, 10, 18, 9, 8, 0, 0, hcm)
	_, err = st.CallNext(ctx, dialogue)
	must(err)
	ck.t = time.Date(2023, 10, 18, 9, 10, 0, 0, hcm)
	q1, err := st.SaveQuestion(ctx, store.Question{SpeakerID: spPN, DelegateID: pn.ID, AskerName: pn.FullName, AskerUnit: pn.UnitName, Topic: "Đào tạo nghề, việc làm",
		Text: "Đề nghị mở lớp học nghề may công nghiệp tại xã cho phụ nữ trên 35 tuổi.", PetitionID: pets[0].ID})
	must(err)
	_, err = st.SaveAnswer(ctx, store.Answer{QuestionID: q1, Person: "Cao Xuân Trường", AgencyID: unit("Phòng Lao động - Thương binh và Xã hội"),
		Summary: "Sẽ mở lớp lưu động khi đủ học viên.", Outcome: store.OutcomeSpot})
	must(err)
	_, err = st.SaveAnswer(ctx, store.Answer{QuestionID: q1, Person: "Trần Minh Đức", Summary: "Giao phòng trả lời cụ thể về kinh phí.",
		Outcome: store.OutcomeWritten, FollowupAgencyID: unit("Phòng Lao động - Thương binh và Xã hội"), DueDate: "2023-11-15"})
	must(err)
	ck.t = time.Date(2023, 10, 18, 9, 13, 0, 0, hcm)
	_, err = st.CallNext(ctx, dialogue) // ends the first turn
	must(err)
	ck.t = time.Date(2023, 10, 18, 9, 15, 30, 0, hcm)
	must(st.EndTurn(ctx))
	ck.t = time.Date(2023, 10, 18, 9, 17, 0, 0, hcm)
	q2, err := st.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", AskerUnit: "Phường Quảng Thọ", Topic: "Vay vốn, hỗ trợ khởi nghiệp",
		Text: "Thủ tục vay vốn ưu đãi cho hộ phụ nữ khởi nghiệp còn phức tạp <đề nghị> đơn giản hóa & rút ngắn thời gian."})
	must(err)
	_, err = st.SaveAnswer(ctx, store.Answer{QuestionID: q2, Person: "Trần Minh Đức", Outcome: store.OutcomeReferred,
		FollowupAgencyID: unit("Ngân hàng Chính sách xã hội thị xã"), Summary: "Kiến nghị lên NHCSXH tỉnh."})
	must(err)
	ck.t = ck.t.Add(6 * time.Minute)
	q3, err := st.SaveQuestion(ctx, store.Question{AskerName: "Nguyễn Thị Lan", Topic: "Chăm sóc sức khỏe phụ nữ",
		Text: "Đề nghị khám sàng lọc ung thư vú miễn phí hằng năm."})
	must(err)
	_, err = st.SaveAnswer(ctx, store.Answer{QuestionID: q3, Person: "Trương Văn Phúc", AgencyID: unit("Phòng Y tế"), Outcome: store.OutcomeNoted})
	must(err)
	_, err = st.SaveAnswer(ctx, store.Answer{QuestionID: q3, Person: "Trần Minh Đức", Outcome: store.OutcomeWritten,
		FollowupAgencyID: unit("Phòng Y tế"), DueDate: "2023-11-30", Summary: "Phòng Y tế xây dựng kế hoạch."})
	must(err)
	ck.t = time.Date(2023, 10, 18, 10, 40, 0, 0, hcm)
	_, err = st.Advance(ctx) // conclusion
	must(err)
	ck.t = ck.t.Add(12 * time.Minute)
	_, err = st.Advance(ctx) // closing
	must(err)
	ck.t = ck.t.Add(5 * time.Minute)
	_, err = st.Advance(ctx) // the end, 10:57
	must(err)
	s, err := Load(ctx, st)
	must(err)
	return st, s
}
