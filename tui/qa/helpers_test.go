package qa

import (
	"context"
	"errors"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// drive runs cmd and every Cmd that follows from it synchronously, feeding
// the messages back to m, as the Bubble Tea runtime would.
func drive(t testing.TB, m *Model, cmd tea.Cmd) {
	t.Helper()
	if err := run(m, cmd); err != nil {
		t.Fatal(err)
	}
}

func run(m *Model, cmd tea.Cmd) error {
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 1000 {
			return errors.New("drive: runaway commands")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if b, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, b...)
			continue
		}
		if msg == nil {
			continue
		}
		_, next := m.Update(msg)
		queue = append(queue, next)
	}
	return nil
}

// press sends keys: named keys ("enter", "ctrl+s", "tab", "down"…) or
// text, one rune per key message.
func press(t testing.TB, m *Model, keys ...string) {
	t.Helper()
	if err := pressErr(m, keys...); err != nil {
		t.Fatal(err)
	}
}

func pressErr(m *Model, keys ...string) error {
	for _, k := range keys {
		for _, msg := range keyMsgs(k) {
			_, cmd := m.Update(msg)
			if err := run(m, cmd); err != nil {
				return err
			}
		}
	}
	return nil
}

var named = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "esc": tea.KeyEsc, "up": tea.KeyUp,
	"down": tea.KeyDown, "ctrl+s": tea.KeyCtrlS, "ctrl+c": tea.KeyCtrlC, "backspace": tea.KeyBackspace, "home": tea.KeyHome, "end": tea.KeyEnd,
	"ctrl+o": tea.KeyCtrlO, "ctrl+r": tea.KeyCtrlR, "ctrl+u": tea.KeyCtrlU,
}

func keyMsgs(k string) []tea.KeyMsg {
	if kt, ok := named[k]; ok {
		return []tea.KeyMsg{{Type: kt}}
	}
	var out []tea.KeyMsg
	for _, r := range k {
		if r == ' ' {
			out = append(out, tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			continue
		}
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

// newTest builds the station on a fresh demo meeting, with the dialogue
// under way (fixture) when full is set, and loads it.
func newTest(t testing.TB, lang i18n.Lang, w, h int, full bool) (*Model, *store.Store) {
	t.Helper()
	c, st := commontest.NewLang(t, lang, w, h)
	if full {
		fixture(t, st)
	}
	return open(t, c), st
}

func open(t testing.TB, c *common.Common) *Model {
	m := New(c).(*Model)
	m.SetSize(c.Width, c.Height)
	drive(t, m, m.Init())
	return m
}

func at(hh, mm int) time.Time {
	n := commontest.Now
	return time.Date(n.Year(), n.Month(), n.Day(), hh, mm, 0, 0, time.Local)
}

// fixture runs the agenda to the dialogue, checks some women in, calls one
// to speak and records four turns of the dialogue, all before the test
// clock's 07:42 (it writes through a second store with its own clock), so
// what a test records comes last.
func fixture(t testing.TB, main *store.Store) {
	t.Helper()
	ctx := context.Background()
	now := at(7, 0)
	st, err := store.Open(ctx, main.Path(), store.Options{Now: func() time.Time { return now }, NoWatch: true,
		Actor: store.Actor{Station: commontest.Station, Role: store.RoleAdmin}})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for {
		it, err := st.Advance(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if it.Kind == store.ItemDialogue {
			break
		}
	}
	items, _ := st.Agenda(ctx)
	item, _ := dialogueItem(items)
	ds, _ := st.Delegates(ctx)
	units, _ := st.Units(ctx)
	unit := func(short string) int64 {
		for _, u := range units {
			if u.Short == short {
				return u.ID
			}
		}
		t.Fatalf("no unit %s", short)
		return 0
	}
	del := func(name string) store.Delegate {
		for _, d := range ds {
			if d.FullName == name {
				return d
			}
		}
		t.Fatalf("no delegate %s", name)
		return store.Delegate{}
	}
	var women []store.Delegate
	for _, d := range ds {
		arrive := d.Protocol > 0
		if d.Protocol == 0 && len(women) < 6 {
			women, arrive = append(women, d), true
		}
		if arrive {
			if _, err := st.CheckIn(ctx, d.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	pets, _ := st.Petitions(ctx)
	chair := del("Trần Minh Đức")
	q := func(w store.Delegate, hh, mm int, topic, text string, pet int64) int64 {
		id, err := st.SaveQuestion(ctx, store.Question{ItemID: item.ID, AskedAt: at(hh, mm), DelegateID: w.ID, AskerName: w.FullName,
			AskerUnit: w.UnitName, Topic: topic, Text: text, PetitionID: pet})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	a := func(qid int64, person store.Delegate, summary string, o store.Outcome, fu int64, due string) {
		if _, err := st.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: person.FullName, AgencyID: person.UnitID, Summary: summary,
			Outcome: o, FollowupAgencyID: fu, DueDate: due}); err != nil {
			t.Fatal(err)
		}
	}
	now = at(7, 5)
	q1 := q(women[0], 7, 5, "Đào tạo nghề, việc làm", "Đề nghị mở lớp dạy nghề may công nghiệp ngắn hạn ngay tại xã cho phụ nữ trên 35 tuổi và giới thiệu việc làm sau khi học.", pets[0].ID)
	a(q1, chair, "Thị xã sẽ mở lớp lưu động khi đủ học viên đăng ký.", store.OutcomeSpot, 0, "")
	a(q1, del("Cao Xuân Trường"), "Phòng sẽ rà soát nhu cầu học nghề từng xã và trả lời cụ thể.", store.OutcomeWritten, unit("LĐ-TB&XH"), "2023-11-02")
	q2 := q(women[1], 7, 14, "Vay vốn, hỗ trợ khởi nghiệp", "Hộ phụ nữ làm kinh tế nhỏ khó tiếp cận vốn vay ưu đãi vì thủ tục phức tạp; đề nghị đơn giản hóa hồ sơ và tăng mức cho vay.", 0)
	a(q2, del("Nguyễn Thị Hồng Vân"), "Đã giải thích quy trình vay qua tổ tiết kiệm và vay vốn.", store.OutcomeSpot, 0, "")
	a(q2, chair, "Mức cho vay do Trung ương quy định; thị xã kiến nghị tỉnh.", store.OutcomeReferred, 0, "")
	q3 := q(women[2], 7, 27, "Chăm sóc sức khỏe phụ nữ", "Đề nghị tổ chức khám sàng lọc ung thư vú, ung thư cổ tử cung miễn phí cho phụ nữ nghèo.", 0)
	a(q3, del("Trương Văn Phúc"), "Ghi nhận, sẽ phối hợp Trung tâm Y tế.", store.OutcomeNoted, 0, "")
	q(women[3], 7, 33, "Bình đẳng giới", "Tỷ lệ nữ trong cấp ủy cơ sở còn thấp; thị xã có giải pháp gì?", 0)
	sp, err := st.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, DelegateID: women[4].ID})
	if err != nil {
		t.Fatal(err)
	}
	now = at(7, 40)
	if _, err := st.CallSpeaker(ctx, sp); err != nil {
		t.Fatal(err)
	}
}

// tick sends the root's one-second clock.
func tick(t testing.TB, m *Model) {
	t.Helper()
	_, cmd := m.Update(common.TickMsg{Now: commontest.Now})
	drive(t, m, cmd)
}

// draftOf is the newest of this user's qa drafts under prefix (for
// example "qa/question/").
func draftOf(t testing.TB, st *store.Store, prefix string) (string, bool) {
	t.Helper()
	ds, err := st.Drafts(context.Background(), prefix)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) == 0 {
		return "", false
	}
	return ds[0].Body, true
}
