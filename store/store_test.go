package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"doithoai/assets"
	"doithoai/store"
)

// openTemp opens a new meeting file in t.TempDir().
func openTemp(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := store.Open(context.Background(), path, store.Options{Create: true, NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func openDemo(t *testing.T) (*store.Store, string) {
	t.Helper()
	s, path := openTemp(t)
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadSeed(context.Background(), seed); err != nil {
		t.Fatal(err)
	}
	return s, path
}

func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestOpenPragmas(t *testing.T) {
	_, path := openTemp(t)
	db := rawDB(t, path)
	var mode string
	var version, appID int
	db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	db.QueryRow("PRAGMA user_version").Scan(&version)
	db.QueryRow("PRAGMA application_id").Scan(&appID)
	if mode != "wal" || version != store.SchemaVersion() || appID != store.ApplicationID {
		t.Fatalf("journal_mode=%s user_version=%d application_id=%x", mode, version, appID)
	}
}

func TestMigrationsIdempotent(t *testing.T) {
	s, path := openDemo(t)
	ctx := context.Background()
	before, _ := s.Delegates(ctx)
	s.Close()
	for i := 0; i < 3; i++ {
		s2, err := store.Open(ctx, path, store.Options{NoWatch: true})
		if err != nil {
			t.Fatalf("reopen %d: %v", i, err)
		}
		after, err := s2.Delegates(ctx)
		if err != nil || len(after) != len(before) {
			t.Fatalf("reopen %d: %d delegates, want %d (%v)", i, len(after), len(before), err)
		}
		s2.Close()
	}
}

func TestOpenMissingFile(t *testing.T) {
	_, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "nope.db"), store.Options{})
	if !errors.Is(err, store.ErrNoFile) {
		t.Fatalf("got %v, want ErrNoFile", err)
	}
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("không phải cơ sở dữ liệu\n"), 0o644)
	foreign := filepath.Join(dir, "other.db")
	db, _ := sql.Open("sqlite", foreign)
	db.Exec("CREATE TABLE t(x)")
	db.Close()
	info, _ := os.Stat(foreign)
	for _, p := range []string{text, foreign, dir} {
		if _, err := store.Open(context.Background(), p, store.Options{Create: true, NoWatch: true}); !errors.Is(err, store.ErrNotMeeting) {
			t.Errorf("%s: got %v, want ErrNotMeeting", p, err)
		}
	}
	after, _ := os.Stat(foreign)
	if after.ModTime() != info.ModTime() || after.Size() != info.Size() {
		t.Error("a foreign SQLite file was changed")
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	s, path := openTemp(t)
	s.Close()
	db := rawDB(t, path)
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", store.SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	db.Close()
	before, _ := os.ReadFile(path)
	_, err := store.Open(context.Background(), path, store.Options{NoWatch: true})
	if !errors.Is(err, store.ErrNewerSchema) {
		t.Fatalf("got %v, want ErrNewerSchema", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("a newer file was changed")
	}
}

// TestConcurrentFirstOpen starts eight processes that open the same
// brand-new file at once; all must succeed and the schema be applied once.
func TestConcurrentFirstOpen(t *testing.T) {
	if p := os.Getenv("DOITHOAI_OPEN_CHILD"); p != "" {
		s, err := store.Open(context.Background(), p, store.Options{Create: true, NoWatch: true})
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(1)
		}
		s.Close()
		os.Exit(0)
	}
	path := filepath.Join(t.TempDir(), "new.db")
	var wg sync.WaitGroup
	errs := make([]error, 8)
	outs := make([][]byte, 8)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestConcurrentFirstOpen$")
			cmd.Env = append(os.Environ(), "DOITHOAI_OPEN_CHILD="+path)
			outs[i], errs[i] = cmd.CombinedOutput()
		}(i)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("process %d: %v: %s", i, err, outs[i])
		}
	}
	db := rawDB(t, path)
	var version, tables int
	db.QueryRow("PRAGMA user_version").Scan(&version)
	db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE type='table' AND name='delegates'").Scan(&tables)
	if version != store.SchemaVersion() || tables != 1 {
		t.Fatalf("user_version=%d delegates tables=%d", version, tables)
	}
}

func auditCount(t *testing.T, s *store.Store) int {
	t.Helper()
	h, err := s.History(context.Background(), "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return len(h)
}

// TestEveryMutationAudited runs each mutating API once and expects exactly
// one new audit row from each, naming the station and user.
func TestEveryMutationAudited(t *testing.T) {
	base, _ := openDemo(t)
	s := base.As(store.Actor{Station: "test", User: "thu-ky", Role: store.RoleAdmin})
	ctx := context.Background()
	ds, _ := s.Delegates(ctx)
	units, _ := s.Units(ctx)
	items, _ := s.Agenda(ctx)
	var qid int64
	steps := []struct {
		name string
		fn   func() error
	}{
		{"SaveMeeting", func() error { m, _ := s.Meeting(ctx); m.Venue = "Hội trường B"; return s.SaveMeeting(ctx, m) }},
		{"SaveUnit", func() error {
			_, err := s.SaveUnit(ctx, store.Unit{Name: "Phòng Kinh tế", Kind: store.UnitAgency})
			return err
		}},
		{"SaveGroup", func() error {
			_, err := s.SaveGroup(ctx, store.Group{Name: "Khách mời đặc biệt", Quota: 5})
			return err
		}},
		{"SetTopics", func() error { return s.SetTopics(ctx, []string{"Việc làm", "Y tế"}) }},
		{"SaveDelegate", func() error {
			d := ds[0]
			d.Title = "Chủ tịch"
			_, err := s.SaveDelegate(ctx, d)
			return err
		}},
		{"CheckIn", func() error { _, err := s.CheckIn(ctx, ds[1].ID); return err }},
		{"UndoCheckIn", func() error { return s.UndoCheckIn(ctx, ds[1].ID) }},
		{"RegisterWalkIn", func() error {
			_, err := s.RegisterWalkIn(ctx, store.WalkIn{FullName: "Lê Thị Mới", UnitID: units[0].ID})
			return err
		}},
		{"SaveItem", func() error {
			_, err := s.SaveItem(ctx, store.AgendaItem{Kind: store.ItemOther, Title: "Chụp ảnh lưu niệm", PlannedMinutes: 5})
			return err
		}},
		{"AddSpeaker", func() error {
			_, err := s.AddSpeaker(ctx, store.Speaker{ItemID: items[0].ID, DelegateID: ds[2].ID})
			return err
		}},
		{"SavePetition", func() error {
			_, err := s.SavePetition(ctx, store.Petition{Topic: "Y tế", Text: "Khám sức khỏe định kỳ"})
			return err
		}},
		{"SaveQuestion", func() error {
			var err error
			qid, err = s.SaveQuestion(ctx, store.Question{AskerName: "Nguyễn Thị Hoa", Text: "Xin hỏi về vốn vay"})
			return err
		}},
		{"SaveAnswer", func() error {
			_, err := s.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Trần Minh Đức", Outcome: store.OutcomeSpot})
			return err
		}},
		{"RemoveUnit", func() error {
			return s.RemoveUnit(ctx, byName(s.Units, func(u store.Unit) (string, int64) { return u.Name, u.ID }, "Phòng Kinh tế"))
		}},
		{"RemoveGroup", func() error {
			return s.RemoveGroup(ctx, byName(s.Groups, func(g store.Group) (string, int64) { return g.Name, g.ID }, "Khách mời đặc biệt"))
		}},
		{"RemoveDelegate", func() error {
			return s.RemoveDelegate(ctx, byName(s.Delegates, func(d store.Delegate) (string, int64) { return d.FullName, d.ID }, "Lê Văn Xóa"))
		}},
	}
	if _, err := base.SaveDelegate(ctx, store.Delegate{FullName: "Lê Văn Xóa"}); err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		n := auditCount(t, s)
		if err := st.fn(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		h, _ := s.History(ctx, "", 0, 1)
		got := auditCount(t, s) - n
		// RegisterWalkIn writes the delegate and the check-in: two rows.
		want := 1
		if st.name == "RegisterWalkIn" {
			want = 2
		}
		if got != want || h[0].Station != "test" || h[0].User != "thu-ky" {
			t.Errorf("%s: %d audit rows (want %d), last %+v", st.name, got, want, h[0])
		}
	}
}

// byName is the id of the record called name in a list, 0 if none.
func byName[T any](list func(context.Context) ([]T, error), key func(T) (string, int64), name string) int64 {
	xs, _ := list(context.Background())
	for _, x := range xs {
		if n, id := key(x); n == name {
			return id
		}
	}
	return 0
}

func TestConstraintErrorsMapped(t *testing.T) {
	s, path := openDemo(t)
	ctx := context.Background()
	ds, _ := s.Delegates(ctx)
	_, err := s.SaveDelegate(ctx, store.Delegate{Code: ds[0].Code, FullName: "Trùng Mã"})
	if !errors.Is(err, store.ErrDuplicate) {
		t.Errorf("duplicate code: got %v", err)
	}
	_, err = s.SaveDelegate(ctx, store.Delegate{FullName: "   "})
	var fe *store.FieldError
	if !errors.As(err, &fe) || fe.Field != "name" || !errors.Is(err, store.ErrInvalid) {
		t.Errorf("empty name: got %v", err)
	}
	_, err = s.SaveUnit(ctx, store.Unit{Name: "X", Kind: "planet"})
	if !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad kind: got %v", err)
	}
	units, _ := s.Units(ctx)
	if err := s.DeleteUnit(ctx, units[0].ID); !errors.Is(err, store.ErrInUse) {
		t.Errorf("delete referenced unit: got %v", err)
	}
	if _, err := s.CheckIn(ctx, 999999); err == nil {
		t.Error("check-in of an unknown delegate succeeded")
	}
	// The schema itself refuses a written answer without agency or date,
	// whatever a client does.
	db := rawDB(t, path)
	_, err = db.Exec(`INSERT INTO questions(asked_at, asker_name, text) VALUES (1, 'A', 'B')`)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`INSERT INTO answers(question_id, position, person, outcome) VALUES (last_insert_rowid(), 1, 'C', 'written')`)
	if err == nil {
		t.Error("schema accepted a written answer without agency and due date")
	}
}

func TestForbiddenByRole(t *testing.T) {
	base, _ := openDemo(t)
	ctx := context.Background()
	ds, _ := base.Delegates(ctx)
	screen := base.As(store.Actor{Station: "screen", Role: store.RoleScreen})
	if _, err := screen.CheckIn(ctx, ds[0].ID); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("screen check-in: %v", err)
	}
	desk := base.As(store.Actor{Station: "checkin", Role: store.RoleCheckin})
	if _, err := desk.SaveAnswer(ctx, store.Answer{QuestionID: 1, Person: "X", Outcome: store.OutcomeSpot}); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("checkin answer: %v", err)
	}
	if _, err := desk.CheckIn(ctx, ds[0].ID); err != nil {
		t.Errorf("checkin check-in: %v", err)
	}
}

// TestWatchSeesOtherProcessCommit uses a second Store on the same file (a
// separate connection set, as another process has) and measures how soon
// the first one is told.
func TestWatchSeesOtherConnectionCommit(t *testing.T) {
	_, path := openDemo(t)
	ctx := context.Background()
	a, err := store.Open(ctx, path, store.Options{PollEvery: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := store.Open(ctx, path, store.Options{NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ch, cancel := a.Subscribe()
	defer cancel()
	time.Sleep(150 * time.Millisecond) // let the watcher read its first version
	ds, _ := b.Delegates(ctx)
	start := time.Now()
	if _, err := b.CheckIn(ctx, ds[5].ID); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ch:
		t.Logf("seen after %v", time.Since(start))
	case <-time.After(2 * time.Second):
		t.Fatal("change not seen within 2s")
	}
}

// TestSpeakerQueuedOnce: a delegate waiting or speaking cannot be queued a
// second time for the same item; after the turn ends they may queue again.
func TestSpeakerQueuedOnce(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	items, _ := s.Agenda(ctx)
	ds, _ := s.Delegates(ctx)
	item := items[0].ID
	if _, err := s.AddSpeaker(ctx, store.Speaker{ItemID: item, DelegateID: ds[0].ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSpeaker(ctx, store.Speaker{ItemID: item, DelegateID: ds[0].ID}); !errors.Is(err, store.ErrDuplicate) {
		t.Fatalf("queued twice: %v", err)
	}
	// after their turn they may queue again
	if _, err := s.CallNext(ctx, item); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSpeaker(ctx, store.Speaker{ItemID: item, DelegateID: ds[0].ID}); !errors.Is(err, store.ErrDuplicate) {
		t.Fatalf("queued while speaking: %v", err)
	}
	if err := s.EndTurn(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSpeaker(ctx, store.Speaker{ItemID: item, DelegateID: ds[0].ID}); err != nil {
		t.Fatalf("not queued again after the turn: %v", err)
	}
	// free-typed names are not checked (two people may share one)
	for i := 0; i < 2; i++ {
		if _, err := s.AddSpeaker(ctx, store.Speaker{ItemID: item, Name: "Bà Lan"}); err != nil {
			t.Fatal(err)
		}
	}
}
