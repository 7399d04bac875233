package store_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"

	"doithoai/store"
)

// groupTally is the tally of the group named name.
func groupTally(t *testing.T, s *store.Store, name string) (store.Tally, store.Tally) {
	t.Helper()
	groups, _, total, err := s.Tallies(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		if g.Name == name {
			return g, total
		}
	}
	t.Fatalf("no group %q", name)
	return store.Tally{}, total
}

func auditOf(t *testing.T, s *store.Store, entity string, id int64) []store.AuditEntry {
	t.Helper()
	h, err := s.History(context.Background(), entity, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestApologyRecordedCorrectedWithdrawn(t *testing.T) {
	s, _ := ciOpen(t, "setup")
	ctx := context.Background()
	d := ciByCode(t, s, "PN022")
	if err := s.SaveApology(ctx, store.Apology{DelegateID: d.ID, Reason: "  ốm ", SubstituteName: "Nguyễn Thị  Lan"}); err != nil {
		t.Fatal(err)
	}
	a, err := s.Apology(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	// names and reasons pass the store's text cleaner: one line, single spaces
	if a.Reason != "ốm" || a.SubstituteName != "Nguyễn Thị Lan" || a.Name != d.FullName || a.UnitName != d.UnitName || !a.NotedAt.Equal(ciNow) {
		t.Errorf("apology read back: %+v", a)
	}
	// the same text again writes nothing
	if err := s.SaveApology(ctx, store.Apology{DelegateID: d.ID, Reason: "ốm", SubstituteName: "Nguyễn Thị  Lan"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveApology(ctx, store.Apology{DelegateID: d.ID, Reason: "đi công tác", SubstituteName: "Nguyễn Thị Lan", SubstituteTitle: "Phó Chủ tịch Hội"}); err != nil {
		t.Fatal(err)
	}
	if err := s.WithdrawApology(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apology(ctx, d.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("withdrawn apology still read: %v", err)
	}
	// undo of the withdrawal is saving it again: a new audited change
	if err := s.SaveApology(ctx, store.Apology{DelegateID: d.ID, Reason: "đi công tác"}); err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range auditOf(t, s, "apology", d.ID) {
		actions = append(actions, e.Action)
		if e.Station != "setup" {
			t.Errorf("audit row by %q", e.Station)
		}
	}
	if got := len(actions); got != 4 || actions[0] != "create" || actions[1] != "update" || actions[2] != "delete" || actions[3] != "create" {
		t.Errorf("audit actions %v, want create update delete create", actions)
	}
}

func TestApologyRefusals(t *testing.T) {
	s, _ := ciOpen(t, "setup")
	ctx := context.Background()
	here, away, sub := ciByCode(t, s, "PN001"), ciByCode(t, s, "PN002"), ciByCode(t, s, "PN003")
	if _, err := s.CheckIn(ctx, here.ID); err != nil {
		t.Fatal(err)
	}
	walk, err := s.RegisterWalkIn(ctx, store.WalkIn{FullName: "Hồ Thị Vãng Lai"})
	if err != nil {
		t.Fatal(err)
	}
	field := func(err error) string {
		var fe *store.FieldError
		if errors.As(err, &fe) {
			return fe.Field + ": " + fe.Reason
		}
		return "not a field error: " + errorText(err)
	}
	for _, c := range []struct {
		a    store.Apology
		want string
	}{
		{store.Apology{DelegateID: here.ID, Reason: "ốm"}, "delegate: already checked in"},
		{store.Apology{DelegateID: walk.Delegate.ID, Reason: "ốm"}, "delegate: already checked in"},
		{store.Apology{DelegateID: away.ID, SubstituteID: away.ID}, "substitute: the same person"},
		{store.Apology{DelegateID: away.ID, Reason: strings.Repeat("ố", store.MaxName+1)}, "reason: too long"},
	} {
		if got := field(s.SaveApology(ctx, c.a)); got != c.want {
			t.Errorf("%+v: %s, want %s", c.a, got, c.want)
		}
	}
	if err := s.SaveApology(ctx, store.Apology{DelegateID: sub.ID, Reason: "họp"}); err != nil {
		t.Fatal(err)
	}
	if got := field(s.SaveApology(ctx, store.Apology{DelegateID: away.ID, SubstituteID: sub.ID})); got != "substitute: sent apologies herself" {
		t.Errorf("substitute who sent apologies: %s", got)
	}
	other := ciByCode(t, s, "PN004")
	if err := s.SaveApology(ctx, store.Apology{DelegateID: other.ID, SubstituteID: here.ID}); err != nil {
		t.Fatal(err)
	}
	if got := field(s.SaveApology(ctx, store.Apology{DelegateID: away.ID, SubstituteID: here.ID})); got != "substitute: already stands in for someone else" {
		t.Errorf("substitute twice: %s", got)
	}
	if err := s.UndoCheckIn(ctx, here.ID); err != nil {
		t.Fatal(err)
	}
	if got := field(s.SaveApology(ctx, store.Apology{DelegateID: here.ID})); got != "delegate: stands in for someone else" {
		t.Errorf("a substitute's own apology: %s", got)
	}
	// a delegate with an apology, or standing in, is not removed silently
	var inUse *store.InUseError
	if err := s.RemoveDelegate(ctx, other.ID); !errors.As(err, &inUse) || !inUse.Uses.Apology {
		t.Errorf("remove a delegate who sent apologies: %v", err)
	}
	screen := s.As(store.Actor{Station: "screen", Role: store.RoleScreen})
	if err := screen.SaveApology(ctx, store.Apology{DelegateID: away.ID}); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("screen records an apology: %v", err)
	}
	desk := s.As(store.Actor{Station: "checkin", Role: store.RoleCheckin})
	if err := desk.SaveApology(ctx, store.Apology{DelegateID: away.ID, Reason: "con ốm", SubstituteName: "Lê Thị Thay"}); err != nil {
		t.Errorf("the desk records an apology on the day: %v", err)
	}
}

func errorText(err error) string {
	if err == nil {
		return "nil"
	}
	return err.Error()
}

func TestSubstituteNotOnListCountsInHerPlace(t *testing.T) {
	s, _ := ciOpen(t, "setup")
	ctx := context.Background()
	const women = "Đại biểu phụ nữ"
	before, totalBefore := groupTally(t, s, women)
	d := ciByCode(t, s, "PN022")
	if err := s.SaveApology(ctx, store.Apology{DelegateID: d.ID, Reason: "ốm", SubstituteName: "Đặng Thị Thay", SubstituteTitle: "Hội viên"}); err != nil {
		t.Fatal(err)
	}
	g, tot := groupTally(t, s, women)
	if g.Apologised != before.Apologised+1 || tot.Apologised != totalBefore.Apologised+1 || g.Unexcused() != before.Unexcused()-1 {
		t.Errorf("after the apology: %+v (before %+v)", g, before)
	}
	desk := s.As(store.Actor{Station: "checkin", User: "ban-1", Role: store.RoleCheckin})
	res, err := desk.CheckInSubstitute(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	sub := res.Delegate
	if !res.Created || res.Already || sub.FullName != "Đặng Thị Thay" || sub.Title != "Hội viên" || sub.UnitID != d.UnitID ||
		sub.GroupID != d.GroupID || !sub.WalkIn || !sub.Arrived() || res.Replaced.ID != d.ID {
		t.Errorf("substitute check-in: %+v", res)
	}
	a, _ := s.Apology(ctx, d.ID)
	if a.SubstituteID != sub.ID || a.SubArrived.IsZero() || !a.SubWalkIn {
		t.Errorf("apology not linked to the substitute: %+v", a)
	}
	g, tot = groupTally(t, s, women)
	want := before
	want.Arrived++
	want.Substitutes++
	want.Apologised++
	if g != want {
		t.Errorf("group with the substitute: %+v, want %+v", g, want)
	}
	if tot.Expected != totalBefore.Expected || tot.WalkIns != 0 || tot.Substitutes != 1 || tot.Absent() != totalBefore.Absent() {
		t.Errorf("total with the substitute: %+v (before %+v)", tot, totalBefore)
	}
	// a second Enter on her row: already here, nothing new
	again, err := desk.CheckInSubstitute(ctx, d.ID)
	if err != nil || !again.Already || again.Created || again.Delegate.ID != sub.ID {
		t.Errorf("second substitute check-in: %+v, %v", again, err)
	}
	// her principal comes after all: two people, one place; the
	// substitute is then a walk-in, not counted twice
	if _, err := desk.CheckIn(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	g, _ = groupTally(t, s, women)
	if g.Arrived != before.Arrived+2 || g.Substitutes != 0 || g.WalkIns != 1 || g.Apologised != before.Apologised || g.Absent() != before.Absent()-1 {
		t.Errorf("principal and substitute both here: %+v (before %+v)", g, before)
	}
	if err := desk.UndoCheckIn(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	// the substitute cannot be changed or the apology withdrawn while she is here
	var fe *store.FieldError
	if err := s.SaveApology(ctx, store.Apology{DelegateID: d.ID, Reason: "ốm", SubstituteName: "Người Khác"}); !errors.As(err, &fe) || fe.Field != "substitute" {
		t.Errorf("changing an arrived substitute: %v", err)
	}
	if err := s.WithdrawApology(ctx, d.ID); !errors.As(err, &fe) {
		t.Errorf("withdrawing with the substitute here: %v", err)
	}
	// the reason corrected keeps her
	if err := s.SaveApology(ctx, store.Apology{DelegateID: d.ID, Reason: "ốm, nằm viện", SubstituteName: "Đặng Thị Thay"}); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Apology(ctx, d.ID); a.SubstituteID != sub.ID || a.SubstituteTitle != "Hội viên" {
		t.Errorf("correcting the reason lost the substitute: %+v", a)
	}
	// undo at the desk: she leaves the list, the apology keeps her name
	if err := desk.UndoCheckIn(ctx, sub.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Delegate(ctx, sub.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("undone substitute still on the list: %v", err)
	}
	a, _ = s.Apology(ctx, d.ID)
	if a.SubstituteID != 0 || a.SubstituteName != "Đặng Thị Thay" {
		t.Errorf("apology after the undo: %+v", a)
	}
	h := auditOf(t, s, "apology", d.ID)
	if last := h[len(h)-1]; last.Action != "update" || last.Station != "checkin" {
		t.Errorf("unlink not audited by the desk: %+v", last)
	}
	if g, _ := groupTally(t, s, women); g.Arrived != before.Arrived || g.Substitutes != 0 || g.Apologised != before.Apologised+1 {
		t.Errorf("group after the undo: %+v", g)
	}
	// she comes back: registered anew, with a new id and code
	res2, err := desk.CheckInSubstitute(ctx, d.ID)
	if err != nil || !res2.Created || res2.Delegate.ID == sub.ID || res2.Delegate.Code == sub.Code {
		t.Errorf("substitute back: %+v, %v", res2, err)
	}
}

func TestSubstituteOnTheList(t *testing.T) {
	s, _ := ciOpen(t, "setup")
	ctx := context.Background()
	chief, deputy := ciByCode(t, s, "LD03"), ciByCode(t, s, "PN010")
	if err := s.SaveApology(ctx, store.Apology{DelegateID: chief.ID, Reason: "họp Tỉnh ủy", SubstituteID: deputy.ID}); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Apology(ctx, chief.ID)
	if a.SubstituteName != deputy.FullName || a.SubstituteTitle != deputy.Title {
		t.Errorf("substitute on the list named from it: %+v", a)
	}
	_, _, totBefore, _ := s.Tallies(ctx) // the demo's own apologies included
	res, err := s.CheckInSubstitute(ctx, chief.ID)
	if err != nil || res.Created || res.Delegate.ID != deputy.ID || !res.Delegate.Arrived() {
		t.Fatalf("listed substitute: %+v, %v", res, err)
	}
	_, _, tot, _ := s.Tallies(ctx)
	// she is invited in her own right: present once, not a substitute
	if tot.Arrived != totBefore.Arrived+1 || tot.Substitutes != 0 || tot.WalkIns != 0 || tot.Apologised != totBefore.Apologised {
		t.Errorf("total: %+v", tot)
	}
	if err := s.UndoCheckIn(ctx, deputy.ID); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Apology(ctx, chief.ID); a.SubstituteID != deputy.ID {
		t.Errorf("undoing a listed substitute unlinked her: %+v", a)
	}
	if _, err := s.Delegate(ctx, deputy.ID); err != nil {
		t.Errorf("listed substitute removed by the undo: %v", err)
	}
	// no substitute named: nothing to check in
	var fe *store.FieldError
	lone := ciByCode(t, s, "PN011")
	if err := s.SaveApology(ctx, store.Apology{DelegateID: lone.ID, Reason: "ốm"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CheckInSubstitute(ctx, lone.ID); !errors.As(err, &fe) {
		t.Errorf("substitute of an apology without one: %v", err)
	}
	if _, err := s.CheckInSubstitute(ctx, deputy.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("substitute of someone without an apology: %v", err)
	}
}

func TestApologyMovesListStamp(t *testing.T) {
	s, _ := ciOpen(t, "setup")
	ctx := context.Background()
	before, _ := s.ListStamp(ctx)
	if err := s.SaveApology(ctx, store.Apology{DelegateID: ciByCode(t, s, "PN005").ID, Reason: "ốm"}); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.ListStamp(ctx); after == before {
		t.Error("an apology does not change the list stamp: the desk would not show it")
	}
}

// BenchmarkTallies10k: the desk re-reads the tallies after every check-in.
// 10,000 delegates, 3,000 here, 200 apologies, 100 substitutes here;
// "bare" is the same counts without apologies (the query before them),
// on the same file in the same run.
func BenchmarkTallies10k(b *testing.B) {
	ctx := context.Background()
	s, path := newMeeting(b, 10_000, store.Options{NoWatch: true})
	ds, _ := s.Delegates(ctx)
	for i, d := range ds {
		switch {
		case i%10 < 3:
			if _, err := s.CheckIn(ctx, d.ID); err != nil {
				b.Fatal(err)
			}
		case i%50 == 5:
			if err := s.SaveApology(ctx, store.Apology{DelegateID: d.ID, Reason: "ốm", SubstituteName: "Người Thay " + d.Code}); err != nil {
				b.Fatal(err)
			}
			if i%100 == 5 {
				if _, err := s.CheckInSubstitute(ctx, d.ID); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.Run("tallies", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, _, err := s.Tallies(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	db, err := sql.Open("sqlite", path+"?_pragma=query_only(1)")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	const counts = `count(d.id) - coalesce(sum(d.walk_in), 0), count(c.delegate_id), count(CASE WHEN d.walk_in = 1 AND c.delegate_id IS NOT NULL THEN 1 END)`
	bare := []string{
		`SELECT g.id, ` + counts + ` FROM groups g LEFT JOIN delegates d ON d.group_id = g.id LEFT JOIN checkins c ON c.delegate_id = d.id GROUP BY g.id`,
		`SELECT u.id, ` + counts + ` FROM units u JOIN delegates d ON d.unit_id = u.id LEFT JOIN checkins c ON c.delegate_id = d.id GROUP BY u.id`,
		`SELECT 0, ` + counts + ` FROM delegates d LEFT JOIN checkins c ON c.delegate_id = d.id`,
	}
	b.Run("bare", func(b *testing.B) {
		for b.Loop() {
			for _, q := range bare {
				rows, err := db.QueryContext(ctx, q)
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
				}
				rows.Close()
			}
		}
	})
}
