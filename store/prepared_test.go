package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"doithoai/store"
)

// TestPreparedByAgencyDemo: the demo meeting, seen on its day, has three
// answers still missing (two from TN&MT, one from Tư pháp) and one that
// came after its deadline (BHXH).
func TestPreparedByAgencyDemo(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	ps, err := s.Petitions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	units, _ := s.Units(ctx)
	rows, tot := store.PreparedByAgency(ps, units, "2023-10-18")
	got := map[string]store.AgencyAnswers{}
	for _, r := range rows {
		got[r.Agency] = r
		if r.Asked != r.Received+r.Missing || len(r.Owed) != r.Missing {
			t.Errorf("%s: asked %d, received %d, missing %d, owed %d", r.Agency, r.Asked, r.Received, r.Missing, len(r.Owed))
		}
	}
	if tot.Asked != len(ps) || tot.Missing != 3 || tot.Received != len(ps)-3 || tot.Unassigned != 0 {
		t.Errorf("totals %+v", tot)
	}
	// missing past the deadline on the day, and one answer received late
	if tot.Late != 4 {
		t.Errorf("late %d, want 4", tot.Late)
	}
	if r := got["Phòng Tài nguyên và Môi trường"]; r.Missing != 2 || r.Owed[0].No != 9 || r.Owed[1].No != 14 {
		t.Errorf("TN&MT %+v", r)
	}
	if r := got["Bảo hiểm Xã hội thị xã"]; r.Missing != 0 || r.Late != 1 {
		t.Errorf("BHXH %+v", r)
	}
	// before the deadline nothing missing is late yet; BHXH still is
	_, tot = store.PreparedByAgency(ps, units, "2023-10-08")
	if tot.Late != 1 {
		t.Errorf("late on 08/10: %d, want 1", tot.Late)
	}
	// agencies in protocol order of units, like every list of them
	pos := map[int64]int{}
	for i, u := range units {
		pos[u.ID] = i
	}
	for i := 1; i < len(rows); i++ {
		if pos[rows[i-1].AgencyID] > pos[rows[i].AgencyID] {
			t.Errorf("%s listed before %s", rows[i-1].Agency, rows[i].Agency)
		}
	}
}

func TestPetitionLate(t *testing.T) {
	for _, c := range []struct {
		p     store.Petition
		today string
		late  bool
	}{
		{store.Petition{AgencyID: 1, DueOn: "2023-10-09"}, "2023-10-09", false},
		{store.Petition{AgencyID: 1, DueOn: "2023-10-09"}, "2023-10-10", true},
		{store.Petition{AgencyID: 1, DueOn: "2023-10-09", ReceivedOn: "2023-10-09"}, "2023-12-01", false},
		{store.Petition{AgencyID: 1, DueOn: "2023-10-09", ReceivedOn: "2023-10-10"}, "2023-10-10", true},
		// typed in without a date: not counted late
		{store.Petition{AgencyID: 1, DueOn: "2023-10-09", PreparedAnswer: "Trả lời"}, "2023-12-01", false},
		{store.Petition{DueOn: "2023-10-09"}, "2023-12-01", false},
		{store.Petition{AgencyID: 1}, "2023-12-01", false},
	} {
		if got := c.p.Late(c.today); got != c.late {
			t.Errorf("%+v on %s: late %v", c.p, c.today, got)
		}
	}
}

// TestPetitionDates: dates are kept, audited, and nonsense is refused
// with the field named.
func TestPetitionDates(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	ps, _ := s.Petitions(ctx)
	p := ps[8]
	if p.AskedOn != "2023-09-25" || p.DueOn != "2023-10-09" || p.ReceivedOn != "" || !p.Missing() {
		t.Fatalf("demo petition 9: %+v", p)
	}
	for _, c := range []struct {
		field string
		edit  func(*store.Petition)
	}{
		{"due_on", func(p *store.Petition) { p.DueOn = "2023-09-20" }},
		{"received_on", func(p *store.Petition) { p.ReceivedOn = "2023-09-01" }},
		{"asked_on", func(p *store.Petition) { p.AskedOn = "25/09/2023" }},
		{"received_on", func(p *store.Petition) { p.ReceivedOn = "2023-02-30" }},
	} {
		q := p
		c.edit(&q)
		_, err := s.SavePetition(ctx, q)
		var fe *store.FieldError
		if !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("%+v: %v, want a problem with %s", q, err, c.field)
		}
	}
	n := auditCount(t, s)
	p.ReceivedOn, p.PreparedAnswer = "2023-10-16", "Phòng Tài nguyên và Môi trường trả lời như sau."
	if _, err := s.SavePetition(ctx, p); err != nil {
		t.Fatal(err)
	}
	h, _ := s.History(ctx, "petition", p.ID, 1)
	if auditCount(t, s) != n+1 || !strings.Contains(h[0].Before, `"due_on":"2023-10-09"`) || strings.Contains(h[0].Before, "received_on") ||
		!strings.Contains(h[0].After, `"received_on":"2023-10-16"`) {
		t.Fatalf("audit %+v", h)
	}
	got, _ := s.Petition(ctx, p.ID)
	if got.ReceivedOn != "2023-10-16" || got.Missing() || got.Late("2023-10-18") != true {
		t.Fatalf("saved %+v", got)
	}
}

func TestMarkAsked(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	units, _ := s.Units(ctx)
	// two new petitions, one with an agency, one not yet assigned
	if _, err := s.SavePetition(ctx, store.Petition{Text: "Đề nghị lắp đèn đường", AgencyID: units[len(units)-1].ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePetition(ctx, store.Petition{Text: "Đề nghị sửa cầu"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MarkAsked(ctx, 0, "", ""); err == nil {
		t.Fatal("no date asked: accepted")
	}
	n, err := s.MarkAsked(ctx, 0, "2023-10-10", "2023-10-16")
	if err != nil || n != 1 {
		t.Fatalf("marked %d, %v", n, err)
	}
	ps, _ := s.Petitions(ctx)
	for _, p := range ps {
		switch {
		case p.AgencyID == 0 && (p.AskedOn != "" || p.DueOn != ""):
			t.Errorf("unassigned petition marked: %+v", p)
		case p.Text == "Đề nghị lắp đèn đường" && (p.AskedOn != "2023-10-10" || p.DueOn != "2023-10-16"):
			t.Errorf("new petition: %+v", p)
		case p.No == 1 && p.AskedOn != "2023-09-25":
			t.Errorf("an earlier date asked was overwritten: %+v", p)
		}
	}
	// a deadline before the day asked is refused, nothing written
	if _, err := s.SavePetition(ctx, store.Petition{Text: "Đề nghị mở lớp", AgencyID: units[len(units)-1].ID}); err != nil {
		t.Fatal(err)
	}
	before := auditCount(t, s)
	if _, err := s.MarkAsked(ctx, 0, "2023-10-12", "2023-10-01"); err == nil || auditCount(t, s) != before {
		t.Fatalf("bad deadline: %v, %d audit rows written", err, auditCount(t, s)-before)
	}
}

// TestMarkAskedOneAgency: the letter to one agency that goes out later
// marks only that agency's petitions; the others keep waiting.
func TestMarkAskedOneAgency(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	units, _ := s.Units(ctx)
	a, b := units[len(units)-1].ID, units[len(units)-2].ID
	for _, p := range []store.Petition{{Text: "Đề nghị lắp đèn đường", AgencyID: a}, {Text: "Đề nghị sửa cầu", AgencyID: b}, {Text: "Đề nghị mở lớp nghề", AgencyID: a}} {
		if _, err := s.SavePetition(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	before := auditCount(t, s)
	n, err := s.MarkAsked(ctx, a, "2023-10-10", "2023-10-16")
	if err != nil || n != 2 || auditCount(t, s)-before != 2 {
		t.Fatalf("marked %d, %v, %d audit rows", n, err, auditCount(t, s)-before)
	}
	ps, _ := s.Petitions(ctx)
	for _, p := range ps {
		switch p.Text {
		case "Đề nghị lắp đèn đường", "Đề nghị mở lớp nghề":
			if p.AskedOn != "2023-10-10" {
				t.Errorf("agency's petition not marked: %+v", p)
			}
		case "Đề nghị sửa cầu":
			if p.AskedOn != "" || p.DueOn != "" {
				t.Errorf("another agency's petition marked: %+v", p)
			}
		}
	}
	if n, err := s.MarkAsked(ctx, 0, "2023-10-12", ""); err != nil || n != 1 {
		t.Fatalf("the rest: %d, %v", n, err)
	}
}

func TestUnitContact(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	id, err := s.SaveUnit(ctx, store.Unit{Name: "Phòng Kinh tế", Kind: store.UnitAgency, Contact: "  Lê Thị Hoa ", Phone: "+84 912.345.678"})
	if err != nil {
		t.Fatal(err)
	}
	units, _ := s.Units(ctx)
	var u store.Unit
	for _, x := range units {
		if x.ID == id {
			u = x
		}
	}
	if u.Contact != "Lê Thị Hoa" || u.Phone != "0912345678" {
		t.Fatalf("saved %+v", u)
	}
	u.Phone = "gọi chị Hoa"
	var fe *store.FieldError
	if _, err := s.SaveUnit(ctx, u); !errors.As(err, &fe) || fe.Field != "phone" {
		t.Fatalf("bad phone: %v", err)
	}
	u.Phone = "0232 3512 345"
	if _, err := s.SaveUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	h, _ := s.History(ctx, "unit", id, 1)
	if !strings.Contains(h[0].Before, `"phone":"0912345678"`) || !strings.Contains(h[0].After, `"phone":"02323512345"`) {
		t.Fatalf("audit %+v", h[0])
	}
}

// TestItemWords: the MC's words are stored and audited; the same words
// again write nothing; empty words go back to the template.
func TestItemWords(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	items, _ := s.Agenda(ctx)
	it := items[1]
	words := "Kính thưa các vị đại biểu,\nKính thưa toàn thể chị em phụ nữ!"
	n := auditCount(t, s)
	if err := s.SetItemWords(ctx, it.ID, "  "+words+"\n"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetItemWords(ctx, it.ID, words); err != nil {
		t.Fatal(err)
	}
	if auditCount(t, s) != n+1 {
		t.Fatalf("%d audit rows, want 1", auditCount(t, s)-n)
	}
	items, _ = s.Agenda(ctx)
	if items[1].Words != words {
		t.Fatalf("words %q", items[1].Words)
	}
	// an edit of the item's other fields keeps the words
	a := items[1]
	a.PlannedMinutes = 7
	if _, err := s.SaveItem(ctx, a); err != nil {
		t.Fatal(err)
	}
	items, _ = s.Agenda(ctx)
	if items[1].Words != words || items[1].PlannedMinutes != 7 {
		t.Fatalf("after an edit: %+v", items[1])
	}
	if err := s.SetItemWords(ctx, it.ID, ""); err != nil {
		t.Fatal(err)
	}
	h, _ := s.History(ctx, "agenda_item", it.ID, 1)
	if !strings.Contains(h[0].Before, "Kính thưa") || strings.Contains(h[0].After, "words") {
		t.Fatalf("audit %+v", h[0])
	}
	if err := s.As(store.Actor{Station: "qa", Role: store.RoleQA}).SetItemWords(ctx, it.ID, "x"); !errors.Is(err, store.ErrForbidden) {
		t.Fatalf("qa wrote the MC's words: %v", err)
	}
}
