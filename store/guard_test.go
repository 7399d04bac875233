package store_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"doithoai/store"
)

func init() {
	if flag.Lookup("long") == nil {
		flag.Bool("long", false, "run the long forms of the soak tests (or DOITHOAI_LONG=1)")
	}
}

// longRun reports whether the long forms of the soak tests were asked for.
func longRun() bool {
	if os.Getenv("DOITHOAI_LONG") == "1" {
		return true
	}
	f := flag.Lookup("long")
	return f != nil && f.Value.String() == "true"
}

// TestPragmasOnEveryConnection holds every connection of both pools at
// once (so none is reused) and asks each for its settings: synchronous
// must be FULL (2) everywhere, or an acknowledged commit could be lost
// with the power.
func TestPragmasOnEveryConnection(t *testing.T) {
	ctx := context.Background()
	const readers = 6
	s, _ := newMeeting(t, 10, store.Options{NoWatch: true, Readers: readers})
	w, r := s.Pools()
	type want struct {
		pragma string
		value  string
	}
	common := []want{{"synchronous", "2"}, {"journal_mode", "wal"}, {"foreign_keys", "1"}, {"busy_timeout", "10000"}}
	var conns []string
	verify := func(name string, q func(string) (string, error), ws []want) {
		for _, x := range ws {
			got, err := q("PRAGMA " + x.pragma)
			if err != nil || got != x.value {
				t.Errorf("%s: PRAGMA %s = %q (%v), want %s", name, x.pragma, got, err, x.value)
			}
		}
		conns = append(conns, name)
	}
	wc, err := w.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer wc.Close()
	verify("writer", func(q string) (v string, err error) { err = wc.QueryRowContext(ctx, q).Scan(&v); return }, append(common, want{"query_only", "0"}))
	// the writer is the only connection of its pool
	ctx2, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	if c, err := w.Conn(ctx2); err == nil {
		c.Close()
		t.Error("the writer pool gave a second connection")
	}
	cancel()
	for i := 0; i < readers; i++ {
		rc, err := r.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		verify(fmt.Sprintf("reader %d", i), func(q string) (v string, err error) { err = rc.QueryRowContext(ctx, q).Scan(&v); return },
			append(common, want{"query_only", "1"}))
	}
	if len(conns) != readers+1 {
		t.Fatalf("checked %d connections", len(conns))
	}
}

// TestWritesAreImmediate: two stores on one file (two processes' worth of
// connections) add answers to one question at once. SaveAnswer reads the
// next position and then inserts; in a DEFERRED transaction the read takes
// a snapshot, the other side commits, and the upgrade to a write fails at
// once with SQLITE_BUSY_SNAPSHOT (the busy timeout cannot help) or two
// answers get one position. BEGIN IMMEDIATE takes the write lock first, so
// every call waits its turn and succeeds.
func TestWritesAreImmediate(t *testing.T) {
	ctx := context.Background()
	a, path := newMeeting(t, 50, store.Options{NoWatch: true})
	b, err := store.Open(ctx, path, store.Options{NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	q, err := a.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "Câu hỏi"})
	if err != nil {
		t.Fatal(err)
	}
	const each = 150
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for i, s := range []*store.Store{a, b, a.As(store.Actor{Station: "qa2", Role: store.RoleAdmin}), b.As(store.Actor{Station: "qa3", Role: store.RoleAdmin})} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < each; j++ {
				_, err := s.SaveAnswer(ctx, store.Answer{QuestionID: q, Person: fmt.Sprintf("P%d-%d", i, j), Outcome: store.OutcomeNoted})
				if err == nil {
					_, err = s.CheckIn(ctx, int64(j%50+1))
				}
				if err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		busy := 0
		for _, e := range errs {
			if errors.Is(e, store.ErrBusy) {
				busy++
			}
		}
		t.Fatalf("%d failed writes (%d busy), first: %v", len(errs), busy, errs[0])
	}
	qs, err := a.Questions(ctx, 0)
	if err != nil || len(qs) != 1 {
		t.Fatal(qs, err)
	}
	seen := map[int]bool{}
	for _, an := range qs[0].Answers {
		if seen[an.Position] {
			t.Fatalf("two answers at position %d", an.Position)
		}
		seen[an.Position] = true
	}
	if len(seen) != 4*each {
		t.Fatalf("%d answers, want %d", len(seen), 4*each)
	}
}

// TestOnlyWriteOpensTransactions scans the store's source: the writer
// connection is used only by the functions that own it, and no code opens
// a transaction or runs BEGIN except write() and its begin() (one IMMEDIATE transaction via
// the writer's _txlock=immediate) and migrate(). A new method that reached
// for s.w directly would bypass the audit row and the lock order.
func TestOnlyWriteOpensTransactions(t *testing.T) {
	allowedW := map[string]bool{"Open": true, "Close": true, "write": true, "begin": true, "Checkpoint": true, "Pools": true}
	// readSnapshot: a read-only transaction on the query_only read pool
	// (the register reads several tables as of one moment)
	allowedBegin := map[string]bool{"write": true, "begin": true, "migrate": true, "InUse": true, "readSnapshot": true}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	scanned := 0
	for _, fn := range files {
		if strings.HasSuffix(fn, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, fn, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		scanned++
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			name := fd.Name.Name
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.SelectorExpr:
					if x.Sel.Name == "w" && !allowedW[name] {
						t.Errorf("%s: %s uses the writer connection directly; go through s.write", fset.Position(x.Pos()), name)
					}
					if (x.Sel.Name == "BeginTx" || x.Sel.Name == "Begin") && !allowedBegin[name] {
						t.Errorf("%s: %s opens a transaction; go through s.write", fset.Position(x.Pos()), name)
					}
				case *ast.BasicLit:
					if x.Kind == token.STRING && strings.Contains(strings.ToUpper(x.Value), "BEGIN") && !allowedBegin[name] {
						t.Errorf("%s: %s runs BEGIN itself", fset.Position(x.Pos()), name)
					}
				}
				return true
			})
		}
	}
	if scanned < 10 {
		t.Fatalf("scanned only %d files", scanned)
	}
}

// TestOverlongAndEmptyFieldsRefused: every entity refuses a required field
// left empty and a 10,000-character paste (or a name one rune over
// MaxName) with a FieldError naming the field, and writes nothing.
func TestOverlongAndEmptyFieldsRefused(t *testing.T) {
	ctx := context.Background()
	s, path := newMeeting(t, 5, store.Options{NoWatch: true})
	paste := strings.Repeat("Nguyễn Thị Hoa ", 700)[:10_000]
	name := strings.Repeat("ầ", store.MaxName+1)
	items, err := s.Agenda(ctx)
	if err != nil || len(items) == 0 {
		t.Fatal(items, err)
	}
	q, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "Câu hỏi"})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.Meeting(ctx)
	withM := func(f func(*store.Meeting)) store.Meeting { x := m; f(&x); return x }
	cases := []struct {
		field string
		do    func() error
	}{
		{"title", func() error { return s.SaveMeeting(ctx, withM(func(x *store.Meeting) { x.Title = "" })) }},
		{"title", func() error { return s.SaveMeeting(ctx, withM(func(x *store.Meeting) { x.Title = paste })) }},
		{"theme", func() error { return s.SaveMeeting(ctx, withM(func(x *store.Meeting) { x.Theme = paste })) }},
		{"venue", func() error { return s.SaveMeeting(ctx, withM(func(x *store.Meeting) { x.Venue = name })) }},
		{"chair", func() error { return s.SaveMeeting(ctx, withM(func(x *store.Meeting) { x.Chair = paste })) }},
		{"name", func() error { _, err := s.SaveUnit(ctx, store.Unit{Name: " ", Kind: store.UnitAgency}); return err }},
		{"name", func() error { _, err := s.SaveUnit(ctx, store.Unit{Name: name, Kind: store.UnitAgency}); return err }},
		{"name", func() error { _, err := s.SaveGroup(ctx, store.Group{Name: paste}); return err }},
		{"name", func() error { _, err := s.SaveDelegate(ctx, store.Delegate{FullName: ""}); return err }},
		{"name", func() error { _, err := s.SaveDelegate(ctx, store.Delegate{FullName: paste}); return err }},
		{"title", func() error {
			_, err := s.SaveDelegate(ctx, store.Delegate{FullName: "Lê Thị Hoa", Title: paste})
			return err
		}},
		{"phone", func() error {
			_, err := s.SaveDelegate(ctx, store.Delegate{FullName: "Lê Thị Hoa", Phone: paste})
			return err
		}},
		{"name", func() error { _, err := s.RegisterWalkIn(ctx, store.WalkIn{FullName: paste}); return err }},
		{"unit", func() error {
			_, err := s.RegisterWalkIn(ctx, store.WalkIn{FullName: "Lê Thị Hoa", UnitName: paste})
			return err
		}},
		{"title", func() error {
			_, err := s.SaveItem(ctx, store.AgendaItem{Kind: store.ItemOther, Title: paste, PlannedMinutes: 5})
			return err
		}},
		{"presenter", func() error {
			_, err := s.SaveItem(ctx, store.AgendaItem{Kind: store.ItemOther, Title: "Mục", Presenter: paste, PlannedMinutes: 5})
			return err
		}},
		{"name", func() error { _, err := s.AddSpeaker(ctx, store.Speaker{ItemID: items[0].ID, Name: paste}); return err }},
		{"unit", func() error {
			_, err := s.AddSpeaker(ctx, store.Speaker{ItemID: items[0].ID, Name: "Lê Thị Hoa", UnitName: paste})
			return err
		}},
		{"text", func() error { _, err := s.SavePetition(ctx, store.Petition{Text: ""}); return err }},
		{"text", func() error { _, err := s.SavePetition(ctx, store.Petition{Text: paste}); return err }},
		{"prepared_answer", func() error {
			_, err := s.SavePetition(ctx, store.Petition{Text: "Kiến nghị", PreparedAnswer: paste})
			return err
		}},
		{"asker", func() error {
			_, err := s.SaveQuestion(ctx, store.Question{AskerName: paste, Text: "Câu hỏi"})
			return err
		}},
		{"text", func() error {
			_, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: paste})
			return err
		}},
		{"text", func() error {
			_, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "  "})
			return err
		}},
		{"topic", func() error {
			_, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "Câu hỏi", Topic: name})
			return err
		}},
		{"person", func() error {
			_, err := s.SaveAnswer(ctx, store.Answer{QuestionID: q, Person: paste, Outcome: store.OutcomeSpot})
			return err
		}},
		{"summary", func() error {
			_, err := s.SaveAnswer(ctx, store.Answer{QuestionID: q, Person: "Chủ tịch", Summary: paste, Outcome: store.OutcomeSpot})
			return err
		}},
		{"topic", func() error { return s.SetTopics(ctx, []string{"Việc làm", paste}) }},
	}
	before, _ := store.Check(ctx, path)
	for i, c := range cases {
		err := c.do()
		var fe *store.FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || !errors.Is(err, store.ErrInvalid) {
			t.Errorf("case %d (%s): got %v, want a FieldError for %s", i, c.field, err, c.field)
		}
	}
	after, _ := store.Check(ctx, path)
	if after.AuditRows != before.AuditRows {
		t.Errorf("refused writes left %d audit rows", after.AuditRows-before.AuditRows)
	}
}
