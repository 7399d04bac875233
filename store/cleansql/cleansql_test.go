package cleansql

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func setup(t testing.TB, rows int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, unit TEXT, body BLOB)`); err != nil {
		t.Fatal(err)
	}
	tx, _ := db.Begin()
	for i := 0; i < rows; i++ {
		if _, err := tx.Exec(`INSERT INTO t(name, unit, body) VALUES (?,?,?)`,
			fmt.Sprintf("Nguyễn Thị Hoa %d", i), "Phường Quảng Thọ", []byte("\x1b[31m")); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return path
}

// A row written by hand with sqlite3 reads clean through every kind of
// query: a plain query, one row, a prepared statement, a transaction.
func TestReadsClean(t *testing.T) {
	path := setup(t, 1)
	raw, _ := sql.Open("sqlite", path)
	defer raw.Close()
	hostile := "\x1b]2;PWNED\x07\x1b]52;c;aGk=\x1b\\\x1b[31mLê\u202eThị\x1b[0m\u009b2J"
	if _, err := raw.Exec(`UPDATE t SET name = ?, unit = ? WHERE id = 1`, hostile, "a\r\nb"); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path + "?_pragma=busy_timeout(1000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	check := func(how, name, unit string) {
		t.Helper()
		if name != "LêThị" || unit != "a\nb" {
			t.Errorf("%s: %q %q", how, name, unit)
		}
	}
	var name, unit string
	var body []byte
	if err := db.QueryRow(`SELECT name, unit, body FROM t WHERE id = 1`).Scan(&name, &unit, &body); err != nil {
		t.Fatal(err)
	}
	check("QueryRow", name, unit)
	if string(body) != "\x1b[31m" {
		t.Errorf("blob changed: %q", body)
	}
	rows, err := db.Query(`SELECT name, unit FROM t`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		rows.Scan(&name, &unit)
		check("Query", name, unit)
	}
	rows.Close()
	st, err := db.Prepare(`SELECT name, unit FROM t WHERE id = ?`)
	if err != nil {
		t.Fatal(err)
	}
	st.QueryRow(1).Scan(&name, &unit)
	check("Prepare", name, unit)
	st.Close()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	tx.QueryRow(`SELECT name, unit FROM t WHERE id = 1`).Scan(&name, &unit)
	check("Tx", name, unit)
	if _, err := tx.Exec(`UPDATE t SET unit = 'x' WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	var raws string
	raw.QueryRow(`SELECT name FROM t WHERE id = 1`).Scan(&raws)
	if !strings.Contains(raws, "\x1b") {
		t.Fatal("the raw driver cleaned too: the test proves nothing")
	}
}

// BenchmarkRead10k reads 10,000 rows of two text columns through the
// plain and the cleaning driver, in the same run.
func BenchmarkRead10k(b *testing.B) {
	path := setup(b, 10000)
	for _, c := range []struct {
		name string
		open func(string) (*sql.DB, error)
	}{{"plain", func(p string) (*sql.DB, error) { return sql.Open("sqlite", p) }}, {"clean", Open}} {
		b.Run(c.name, func(b *testing.B) {
			db, err := c.open(path)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			b.ReportAllocs()
			for b.Loop() {
				rows, err := db.Query(`SELECT id, name, unit FROM t`)
				if err != nil {
					b.Fatal(err)
				}
				var id int64
				var name, unit string
				for rows.Next() {
					rows.Scan(&id, &name, &unit)
				}
				rows.Close()
			}
		})
	}
}
