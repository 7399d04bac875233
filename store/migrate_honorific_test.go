package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// A meeting file made before honorifics gets them proposed from the
// middle names when it is opened: "Thị" → Bà, "Văn" → Ông, else unknown.
func TestMigrationProposesHonorifics(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	before := -1 // the schema before the honorifics came
	for i, m := range migrations() {
		if strings.HasSuffix(m.name, "_honorific_addressing.sql") {
			before = i
		}
	}
	for _, m := range migrations()[:before] {
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", before, ApplicationID)); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"Nguyễn Thị Hoa", "Trần Văn Bình", "Hoàng Minh Tuấn", "Thị Mai", "Lê Văn"} {
		if _, err := db.Exec(`INSERT INTO delegates(code, full_name, folded, created_at) VALUES (?,?,?,0)`, fmt.Sprint("D", i), name, Fold(name)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(ctx, path, Options{NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ds, err := s.Delegates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Nguyễn Thị Hoa": "Bà", "Trần Văn Bình": "Ông", "Hoàng Minh Tuấn": "", "Thị Mai": "", "Lê Văn": ""}
	for _, d := range ds {
		if d.Honorific != want[d.FullName] || d.Honorific != GuessHonorific(d.FullName) {
			t.Errorf("%s: %q after the migration, want %q", d.FullName, d.Honorific, want[d.FullName])
		}
	}
}
