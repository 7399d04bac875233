package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestPreparedStatements: a statement the writer ran is prepared after its
// commit and used by the next transaction; a schema changed by another
// connection meanwhile does not break it; DDL, PRAGMA and scripts are
// never kept.
func TestPreparedStatements(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := Open(ctx, path, Options{Create: true, NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const q = `INSERT INTO audit(at, station, action, entity) VALUES (?,?,?,?)`
	run := func() (prepared bool) {
		t.Helper()
		if err := s.write(ctx, PermSetup, func(tx *Tx) error {
			prepared = tx.stmt(ctx, q) != nil
			_, err := tx.exec(ctx, q, 1, "x", "test", "test")
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return prepared
	}
	if run() {
		t.Error("prepared before it ever ran")
	}
	if !run() {
		t.Error("not prepared after its first commit")
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, ddl := range []string{`ALTER TABLE audit ADD COLUMN extra TEXT`, `CREATE INDEX audit_at ON audit(at)`} {
		if _, err := db.Exec(ddl); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if !run() {
		t.Error("the prepared statement was dropped")
	}
	var n int
	if err := s.read().QueryRowContext(ctx, `SELECT count(*) FROM audit WHERE entity = 'test'`).Scan(&n); err != nil || n != 3 {
		t.Errorf("%d rows written, %v", n, err)
	}
	for q, want := range map[string]bool{
		q: true, "\n\t\tSELECT 1": true, "WITH x AS (SELECT 1) SELECT * FROM x": true, `UPDATE audit SET at = 1`: true, `DELETE FROM drafts`: true,
		`PRAGMA user_version`: false, `CREATE TABLE x(a)`: false, `DROP TABLE x`: false, `SELECT 1; SELECT 2`: false, "": false,
	} {
		if cacheable(q) != want {
			t.Errorf("cacheable(%q) = %v", q, !want)
		}
	}
}
