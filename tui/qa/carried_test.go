package qa

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// carriedMeeting is this year's meeting started with `init --carry-from`
// last year's, held, whose 14 petitions were never raised: 14 items
// "từ kỳ trước".
func carriedMeeting(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	last := filepath.Join(dir, "2023.db")
	prev, err := store.Open(ctx, last, store.Options{Create: true, NoWatch: true, Now: func() time.Time { return commontest.Now.AddDate(-1, 0, 0) }})
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := assets.Demo()
	if err := prev.LoadSeed(ctx, seed); err != nil {
		t.Fatal(err)
	}
	if _, err := prev.Advance(ctx); err != nil { // held
		t.Fatal(err)
	}
	prev.Close()
	c, err := store.ReadCarry(ctx, last)
	if err != nil {
		t.Fatal(err)
	}
	c.Meeting.Date = commontest.Now.Format("2006-01-02")
	st, err := store.Open(ctx, filepath.Join(dir, "2024.db"), store.Options{Create: true, Now: func() time.Time { return commontest.Now },
		Actor: store.Actor{Station: "qa", Role: store.RoleAdmin}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.LoadCarry(ctx, c); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestLinkQuestionToCarried: the secretary records a question raising an
// item carried from last time, found without accents in the link field;
// the question and its link are one save; the log and the register show
// it; a correction takes the link away again.
func TestLinkQuestionToCarried(t *testing.T) {
	ctx := context.Background()
	st := carriedMeeting(t)
	items, err := st.CarriedItems(ctx)
	if err != nil || len(items) != 14 {
		t.Fatalf("%d carried items: %v", len(items), err)
	}
	var target store.Carried
	for _, c := range items {
		if strings.Contains(c.Text, "thu gom rác") {
			target = c
		}
	}
	m := open(t, commontest.Wrap(st, i18n.VI, 100, 30))
	press(t, m, "n", "Lê Thị Hà, Quảng Minh", "enter", "enter", "Rác ở thôn vẫn chưa được thu gom.", "enter", "ky truoc thu gom rac")
	if v := m.View(); !strings.Contains(v, "Việc từ kỳ trước") || !strings.Contains(v, "Từ: ") {
		t.Fatalf("the highlighted carried item is not described:\n%s", v)
	}
	press(t, m, "enter")
	if m.form != nil {
		press(t, m, "ctrl+s")
	}
	if m.form != nil {
		t.Fatalf("not saved: %s\n%s", m.form.err, m.View())
	}
	qs, _ := st.Questions(ctx, 0)
	if len(qs) != 1 || qs[0].CarriedID != target.ID || qs[0].PetitionID != 0 {
		t.Fatalf("saved %+v, want linked to carried %d", qs, target.ID)
	}
	if v := m.View(); !strings.Contains(v, "kỳ trước") {
		t.Errorf("the log does not show the link:\n%s", v)
	}
	// in English the same words find the carried items
	en := open(t, commontest.Wrap(st, i18n.EN, 100, 30))
	press(t, en, "n", "Lê Thị Hà", "enter", "enter", "Again.", "enter", "ky truoc thu gom rac")
	if v := en.View(); !strings.Contains(v, "Carried item") {
		t.Errorf("English: \"ky truoc\" does not find the carried item:\n%s", v)
	}
	press(t, en, "esc")
	r, _ := st.Register(ctx)
	o, _ := r.Obligation("c" + strconv.FormatInt(target.ID, 10))
	if o.LinkedQNo != 1 {
		t.Errorf("register: carried item linked to question %d, want 1", o.LinkedQNo)
	}
	h, err := st.History(ctx, "carried", target.ID, 0)
	if err != nil || len(h) != 2 || h[1].Action != "link" || !strings.Contains(string(h[1].After), `"question_id":1`) {
		t.Fatalf("audit of the link (after its carrying): %+v %v", h, err)
	}
	// corrected: the link removed (backspace clears the link field)
	press(t, m, "e", "enter", "backspace", "ctrl+s") // from the text to the link, cleared
	if m.form != nil {
		t.Fatalf("correction not saved: %s\n%s", m.form.err, m.View())
	}
	qs, _ = st.Questions(ctx, 0)
	items, _ = st.CarriedItems(ctx)
	for _, c := range items {
		if c.QuestionID != 0 {
			t.Errorf("carried %d still linked to %d", c.ID, c.QuestionID)
		}
	}
	if qs[0].CarriedID != 0 {
		t.Errorf("question still linked: %+v", qs[0])
	}
}
