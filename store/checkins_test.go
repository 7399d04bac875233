package store_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/store/fold"
)

var ciNow = time.Date(2023, 10, 18, 7, 42, 0, 0, time.UTC)

// ciOpen opens a new demo meeting written by station, with a fixed clock.
func ciOpen(t *testing.T, station string) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := store.Open(context.Background(), path, store.Options{Create: true, NoWatch: true,
		Now: func() time.Time { return ciNow }, Actor: store.Actor{Station: station, Role: store.RoleAdmin}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadSeed(context.Background(), seed); err != nil {
		t.Fatal(err)
	}
	return s, path
}

func ciByCode(t *testing.T, s *store.Store, code string) store.Delegate {
	t.Helper()
	d, err := s.DelegateByCode(context.Background(), code)
	if err != nil {
		t.Fatalf("%s: %v", code, err)
	}
	return d
}

// ciAudit counts audit rows of one action on check-ins of delegate id.
func ciAudit(t *testing.T, s *store.Store, action string, id int64) int {
	t.Helper()
	h, err := s.History(context.Background(), "checkin", id, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range h {
		if e.Action == action {
			n++
		}
	}
	return n
}

func TestCheckInThenAlreadyHere(t *testing.T) {
	ctx := context.Background()
	s, _ := ciOpen(t, "desk-1")
	d := ciByCode(t, s, "PN001")
	r, err := s.CheckIn(ctx, d.ID)
	if err != nil || r.Already || !r.Delegate.Arrived() || r.CheckIn.Station != "desk-1" || !r.CheckIn.At.Equal(ciNow) {
		t.Fatalf("first check-in: %+v, %v", r, err)
	}
	// a second desk, later: no second row, no error, the first arrival reported
	s2 := s.As(store.Actor{Station: "desk-2", Role: store.RoleCheckin})
	r2, err := s2.CheckIn(ctx, d.ID)
	if err != nil || !r2.Already || r2.CheckIn.Station != "desk-1" || !r2.CheckIn.At.Equal(ciNow) {
		t.Fatalf("second check-in: %+v, %v", r2, err)
	}
	if n := ciAudit(t, s, "create", d.ID); n != 1 {
		t.Fatalf("%d create audit rows, want 1", n)
	}
	if _, err := s.CheckIn(ctx, 999999); !errors.Is(err, store.ErrInUse) && !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown delegate: %v", err)
	}
	if _, err := s.As(store.Actor{Station: "scr", Role: store.RoleScreen}).CheckIn(ctx, d.ID); !errors.Is(err, store.ErrForbidden) {
		t.Fatalf("screen role checked in: %v", err)
	}
}

func TestUndoCheckInAudited(t *testing.T) {
	ctx := context.Background()
	s, _ := ciOpen(t, "desk-1")
	d := ciByCode(t, s, "PN002")
	if _, err := s.CheckIn(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.UndoCheckIn(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Delegate(ctx, d.ID); got.Arrived() {
		t.Fatal("still arrived after undo")
	}
	h, _ := s.History(ctx, "checkin", d.ID, 0)
	if len(h) != 2 || h[1].Action != "delete" || !strings.Contains(h[1].Before, `"station":"desk-1"`) || h[1].After != "" {
		t.Fatalf("history: %+v", h)
	}
	if err := s.UndoCheckIn(ctx, d.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("undo of a delegate not here: %v", err)
	}
	// checking in again after an undo is a fresh arrival
	if r, err := s.CheckIn(ctx, d.ID); err != nil || r.Already {
		t.Fatalf("re-check-in: %+v %v", r, err)
	}
}

func TestLastCheckInPerStation(t *testing.T) {
	ctx := context.Background()
	s, _ := ciOpen(t, "desk-1")
	other := s.As(store.Actor{Station: "desk-2", Role: store.RoleCheckin})
	if _, err := s.LastCheckIn(ctx); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("no check-in yet: %v", err)
	}
	a, b, c := ciByCode(t, s, "PN003"), ciByCode(t, s, "PN004"), ciByCode(t, s, "PN005")
	for _, x := range []struct {
		s  *store.Store
		id int64
	}{{s, a.ID}, {s, b.ID}, {other, c.ID}} {
		if _, err := x.s.CheckIn(ctx, x.id); err != nil {
			t.Fatal(err)
		}
	}
	// same millisecond (fixed clock): the audit order decides
	if d, err := s.LastCheckIn(ctx); err != nil || d.ID != b.ID {
		t.Fatalf("last of desk-1 = %d %v, want %d", d.ID, err, b.ID)
	}
	if d, err := other.LastCheckIn(ctx); err != nil || d.ID != c.ID {
		t.Fatalf("last of desk-2 = %d %v, want %d", d.ID, err, c.ID)
	}
	if err := s.UndoCheckIn(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if d, err := s.LastCheckIn(ctx); err != nil || d.ID != a.ID {
		t.Fatalf("after undo last = %d %v, want %d", d.ID, err, a.ID)
	}
	// b checked in again by the other desk is not desk-1's to undo
	if _, err := other.CheckIn(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.LastCheckIn(ctx); d.ID != a.ID {
		t.Fatalf("desk-1 would undo desk-2's check-in of %d", d.ID)
	}
}

func TestRegisterWalkIn(t *testing.T) {
	ctx := context.Background()
	s, _ := ciOpen(t, "desk-1")
	gs, _ := s.Groups(ctx)
	r, err := s.RegisterWalkIn(ctx, store.WalkIn{FullName: " Phan Thị  Mơ ", Title: "Hội viên", UnitName: "Tổ dân phố 3", GroupID: gs[len(gs)-1].ID})
	if err != nil {
		t.Fatal(err)
	}
	d := r.Delegate
	if !d.WalkIn || !d.Arrived() || r.Already || d.UnitName != "Tổ dân phố 3" || !strings.HasPrefix(d.Code, "VL") || d.GroupID != gs[len(gs)-1].ID {
		t.Fatalf("walk-in: %+v", d)
	}
	if _, err := s.RegisterWalkIn(ctx, store.WalkIn{FullName: "  "}); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("empty name: %v", err)
	}
	_, _, total, err := s.Tallies(ctx)
	if err != nil || total.WalkIns != 1 || total.Arrived != 1 {
		t.Fatalf("tally: %+v %v", total, err)
	}
}

// A walk-in with the name and unit of someone on the list is refused
// (the desk offers that person); with Namesake it is registered. Undoing a
// walk-in's check-in removes the walk-in, unless they have since spoken.
func TestWalkInOnListAndUndo(t *testing.T) {
	ctx := context.Background()
	s, _ := ciOpen(t, "desk-1")
	ds, _ := s.Delegates(ctx)
	var on store.Delegate
	for _, d := range ds {
		if d.UnitID != 0 && !d.WalkIn {
			on = d
			break
		}
	}
	_, err := s.RegisterWalkIn(ctx, store.WalkIn{FullName: strings.ToUpper(fold.Fold(on.FullName)), UnitID: on.UnitID})
	var onList *store.OnListError
	if !errors.As(err, &onList) || onList.Delegates[0].ID != on.ID || !errors.Is(err, store.ErrDuplicate) {
		t.Fatalf("walk-in already on the list: %v", err)
	}
	if _, err := s.RegisterWalkIn(ctx, store.WalkIn{FullName: on.FullName}); !errors.As(err, &onList) {
		t.Fatalf("same name, no unit: %v", err)
	}
	if d, _ := s.Delegate(ctx, on.ID); d.Arrived() {
		t.Fatal("a refused walk-in checked someone in")
	}
	// same name in another unit while she has not arrived: still offered
	// (a unit mistyped at the door); once she is here, a new person
	other := store.WalkIn{FullName: on.FullName, UnitName: "Tổ dân phố 9"}
	if _, err := s.RegisterWalkIn(ctx, other); !errors.As(err, &onList) {
		t.Fatalf("same name, other unit, not arrived: %v", err)
	}
	if _, err := s.CheckIn(ctx, on.ID); err != nil {
		t.Fatal(err)
	}
	r, err := s.RegisterWalkIn(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	desk2 := s.As(store.Actor{Station: "checkin", User: "root/ban-2", Role: store.RoleCheckin})
	twin, err := desk2.RegisterWalkIn(ctx, store.WalkIn{FullName: on.FullName, UnitID: on.UnitID, Namesake: true})
	if err != nil || twin.Delegate.ID == on.ID {
		t.Fatalf("namesake: %+v %v", twin, err)
	}
	if twin.CheckIn.User != "root/ban-2" || twin.Delegate.ArrivedBy != "root/ban-2" {
		t.Fatalf("check-in user %q", twin.CheckIn.User)
	}
	// undo removes the first walk-in altogether
	if err := s.UndoCheckIn(ctx, r.Delegate.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Delegate(ctx, r.Delegate.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("the undone walk-in is still on the list: %v", err)
	}
	h, _ := s.History(ctx, "delegate", r.Delegate.ID, 0)
	if len(h) < 2 || h[len(h)-1].Action != "delete" {
		t.Fatalf("removal not audited: %+v", h)
	}
	// the next walk-in never gets the removed one's id or code (a form
	// open at the secretary's may still hold them)
	next, err := s.RegisterWalkIn(ctx, store.WalkIn{FullName: "Võ Văn Khác"})
	if err != nil {
		t.Fatal(err)
	}
	if next.Delegate.ID <= r.Delegate.ID || next.Delegate.Code == r.Delegate.Code {
		t.Fatalf("reused: removed %d %s, new %d %s", r.Delegate.ID, r.Delegate.Code, next.Delegate.ID, next.Delegate.Code)
	}
	// a walk-in queued to speak stays (only the check-in goes)
	dlg := dialogueItem(t, s)
	if _, err := s.As(store.Actor{Station: "agenda", Role: store.RoleAgenda}).AddSpeaker(ctx, store.Speaker{ItemID: dlg.ID, DelegateID: twin.Delegate.ID, Name: twin.Delegate.FullName}); err != nil {
		t.Fatal(err)
	}
	if err := s.UndoCheckIn(ctx, twin.Delegate.ID); err != nil {
		t.Fatal(err)
	}
	if d, err := s.Delegate(ctx, twin.Delegate.ID); err != nil || d.Arrived() {
		t.Fatalf("walk-in with a speaker entry: %+v %v", d, err)
	}
}

func TestAssignSheetNumbers(t *testing.T) {
	ctx := context.Background()
	s, _ := ciOpen(t, "desk-1")
	// a new meeting is numbered from the start, in group order
	ds, _ := s.Delegates(ctx)
	gs, _ := s.Groups(ctx)
	pos := map[int64]int{}
	for _, g := range gs {
		pos[g.ID] = g.Position
	}
	byNo := map[int]store.Delegate{}
	for _, d := range ds {
		if d.SheetNo < 1 || d.SheetNo > len(ds) || byNo[d.SheetNo].ID != 0 {
			t.Fatalf("delegate %s has number %d", d.Code, d.SheetNo)
		}
		byNo[d.SheetNo] = d
	}
	for i := 2; i <= len(ds); i++ {
		if pos[byNo[i-1].GroupID] > pos[byNo[i].GroupID] {
			t.Fatalf("row %d (%s) before row %d (%s): groups out of order", i-1, byNo[i-1].GroupName, i, byNo[i].GroupName)
		}
	}
	if n, err := s.AssignSheetNumbers(ctx); err != nil || n != 0 {
		t.Fatalf("second run numbered %d, %v", n, err)
	}
	// a number given by hand (an earlier printed sheet) is kept; new people
	// continue after the highest
	kept, err := s.SaveDelegate(ctx, store.Delegate{FullName: "Võ Thị Sen", SheetNo: 500})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.RegisterWalkIn(ctx, store.WalkIn{FullName: "Đinh Thị Lài"})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := s.AssignSheetNumbers(ctx); n != 1 {
		t.Fatalf("walk-in not numbered: %d", n)
	}
	if d, err := s.DelegateBySheetNo(ctx, 500); err != nil || d.ID != kept {
		t.Fatalf("row 500: %+v %v", d, err)
	}
	if d, _ := s.DelegateBySheetNo(ctx, 501); d.ID != r.Delegate.ID {
		t.Fatalf("walk-in got row %d", d.SheetNo)
	}
	h, _ := s.History(ctx, "delegate", r.Delegate.ID, 0)
	if len(h) == 0 || !strings.Contains(h[len(h)-1].After, `"sheet_no":501`) {
		t.Fatalf("numbering not audited: %+v", h)
	}
}

func TestAssignSheetNumbersNameOrder(t *testing.T) {
	ctx := context.Background()
	s, _ := ciOpen(t, "desk-1")
	if _, err := s.AssignSheetNumbers(ctx); err != nil {
		t.Fatal(err)
	}
	ds, _ := s.Delegates(ctx)
	byNo := map[int]store.Delegate{}
	for _, d := range ds {
		byNo[d.SheetNo] = d
	}
	given := func(d store.Delegate) string { w := strings.Fields(store.Fold(d.FullName)); return w[len(w)-1] }
	for i := 2; i <= len(ds); i++ {
		a, b := byNo[i-1], byNo[i]
		if a.GroupID == b.GroupID && a.UnitID == b.UnitID && given(a) > given(b) {
			t.Fatalf("rows %d %q and %d %q: not in given-name order", i-1, a.FullName, i, b.FullName)
		}
	}
}

// TestCheckInTwoProcesses runs two processes that check in the same 40
// delegates at the same moments: every delegate must end up with exactly
// one check-in and one audit row, and each process must have seen either
// "done" or "already here", never an error.
func TestCheckInTwoProcesses(t *testing.T) {
	if path := os.Getenv("DOITHOAI_CI_CHILD"); path != "" {
		ciChild(path)
		return
	}
	s, path := ciOpen(t, "parent")
	ds, _ := s.Delegates(context.Background())
	ids := make([]string, 40)
	for i := range ids {
		ids[i] = strconv.FormatInt(ds[i].ID, 10)
	}
	start := time.Now().Add(700 * time.Millisecond)
	cmds := make([]*exec.Cmd, 2)
	outs := make([]bytes.Buffer, 2)
	for i := range cmds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCheckInTwoProcesses$")
		cmd.Env = append(os.Environ(), "DOITHOAI_CI_CHILD="+path, fmt.Sprintf("DOITHOAI_CI_STATION=desk-%d", i+1),
			"DOITHOAI_CI_IDS="+strings.Join(ids, ","), fmt.Sprintf("DOITHOAI_CI_START=%d", start.UnixNano()),
			fmt.Sprintf("DOITHOAI_CI_REVERSE=%d", i))
		cmd.Stdout, cmd.Stderr = &outs[i], &outs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds[i] = cmd
	}
	fresh := map[string]int{}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("child %d: %v\n%s", i, err, outs[i].String())
		}
		sc := bufio.NewScanner(&outs[i])
		n := 0
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) != 3 || f[0] != "CI" {
				continue
			}
			n++
			if f[2] == "new" {
				fresh[f[1]]++
			} else if f[2] != "already" {
				t.Fatalf("child %d: %s", i, sc.Text())
			}
		}
		if n != len(ids) {
			t.Fatalf("child %d reported %d check-ins, want %d:\n%s", i, n, len(ids), outs[i].String())
		}
	}
	for _, id := range ids {
		if fresh[id] != 1 {
			t.Errorf("delegate %s: %d processes saw a new check-in, want 1", id, fresh[id])
		}
	}
	db := rawDB(t, path)
	var rows, audits int
	db.QueryRow(`SELECT count(*) FROM checkins`).Scan(&rows)
	db.QueryRow(`SELECT count(*) FROM audit WHERE entity='checkin' AND action='create'`).Scan(&audits)
	if rows != len(ids) || audits != len(ids) {
		t.Fatalf("%d check-in rows and %d audit rows, want %d", rows, audits, len(ids))
	}
}

func ciChild(path string) {
	ctx := context.Background()
	s, err := store.Open(ctx, path, store.Options{NoWatch: true, Actor: store.Actor{Station: os.Getenv("DOITHOAI_CI_STATION"), Role: store.RoleCheckin}})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(1)
	}
	defer s.Close()
	ns, _ := strconv.ParseInt(os.Getenv("DOITHOAI_CI_START"), 10, 64)
	time.Sleep(time.Until(time.Unix(0, ns)))
	ids := strings.Split(os.Getenv("DOITHOAI_CI_IDS"), ",")
	if os.Getenv("DOITHOAI_CI_REVERSE") == "1" {
		// the second desk walks the list backwards: even if it starts late,
		// the two meet on the same delegates somewhere in the middle
		slices.Reverse(ids)
	}
	for _, f := range ids {
		id, _ := strconv.ParseInt(f, 10, 64)
		r, err := s.CheckIn(ctx, id)
		switch {
		case err != nil:
			fmt.Println("CI", id, "error:", err)
		case r.Already:
			fmt.Println("CI", id, "already")
		default:
			fmt.Println("CI", id, "new")
		}
	}
	os.Exit(0)
}

func TestListStampIgnoresCheckIns(t *testing.T) {
	ctx := context.Background()
	s, _ := ciOpen(t, "desk-1")
	stamp := func() string {
		v, err := s.ListStamp(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	s0 := stamp()
	d := ciByCode(t, s, "PN001")
	if _, err := s.CheckIn(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if stamp() != s0 {
		t.Fatal("a check-in changed the list stamp")
	}
	cs, err := s.CheckIns(ctx)
	if err != nil || len(cs) != 1 || cs[0].DelegateID != d.ID || cs[0].Station != "desk-1" || !cs[0].At.Equal(ciNow) {
		t.Fatalf("check-ins: %+v %v", cs, err)
	}
	d.Title = "Chủ tịch Hội"
	if _, err := s.SaveDelegate(ctx, d); err != nil {
		t.Fatal(err)
	}
	s1 := stamp()
	if s1 == s0 {
		t.Fatal("an edited delegate kept the stamp")
	}
	if _, err := s.RegisterWalkIn(ctx, store.WalkIn{FullName: "Đinh Thị Lài"}); err != nil {
		t.Fatal(err)
	}
	s2 := stamp()
	if s2 == s1 {
		t.Fatal("a walk-in kept the stamp")
	}
	us, _ := s.Units(ctx)
	us[0].Short = "UB"
	if _, err := s.SaveUnit(ctx, us[0]); err != nil {
		t.Fatal(err)
	}
	if stamp() == s2 {
		t.Fatal("a renamed unit kept the stamp")
	}
}

// A phone typed in any usual way is kept in one form; a number that cannot
// be dialled in Vietnam is refused with the field named.
func TestDelegatePhoneNormalised(t *testing.T) {
	ctx := context.Background()
	s, _ := openDemo(t)
	id, err := s.SaveDelegate(ctx, store.Delegate{FullName: "Lê Thị Lan", Phone: "+84 912 345 678"})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := s.Delegate(ctx, id)
	if d.Phone != "0912345678" {
		t.Fatalf("phone stored as %q", d.Phone)
	}
	_, err = s.SaveDelegate(ctx, store.Delegate{FullName: "Lê Thị Mai", Phone: "091234560"})
	var fe *store.FieldError
	if !errors.As(err, &fe) || fe.Field != "phone" {
		t.Fatalf("a 9-digit number: %v", err)
	}
}

// A walk-in named like two people on the list is offered both, the one
// not yet arrived first.
func TestWalkInNamesakesOnList(t *testing.T) {
	ctx := context.Background()
	s, _ := ciOpen(t, "desk-1")
	var hoas []store.Delegate
	ds, _ := s.Delegates(ctx)
	for _, d := range ds {
		if d.FullName == "Nguyễn Thị Hoa" {
			hoas = append(hoas, d)
		}
	}
	if len(hoas) < 2 {
		t.Fatalf("the demo has %d Nguyễn Thị Hoa", len(hoas))
	}
	if _, err := s.CheckIn(ctx, hoas[0].ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.RegisterWalkIn(ctx, store.WalkIn{FullName: "nguyen thi hoa"})
	var onList *store.OnListError
	if !errors.As(err, &onList) || len(onList.Delegates) != len(hoas) {
		t.Fatalf("namesakes on the list: %v", err)
	}
	if onList.Delegates[0].Arrived() || !onList.Delegates[len(hoas)-1].Arrived() {
		t.Fatalf("the one not yet arrived should come first: %+v", onList.Delegates)
	}
}
