package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order; file names start
// with their version number (0001_init.sql).
func migrations() []migration {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		panic(err)
	}
	var ms []migration
	for _, e := range entries {
		n, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			panic("migration without a number: " + e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: n, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			panic(fmt.Sprintf("migration %s out of sequence", m.name))
		}
	}
	return ms
}

// SchemaVersion is the number of migrations this program knows.
func SchemaVersion() int { return len(migrations()) }

// migrate applies pending migrations in one IMMEDIATE transaction that reads
// user_version inside it, so several processes opening a brand-new file at
// once serialise here and all but the first find nothing to do.
func migrate(ctx context.Context, w *sql.DB) error {
	// Fast path: an up-to-date meeting needs no write lock, so a station
	// opening while others write does not queue behind their commits.
	var v, id int
	if w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v) == nil &&
		w.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id) == nil &&
		v == len(migrations()) && id == ApplicationID {
		return nil
	}
	tx, err := w.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	defer tx.Rollback()
	var version, appID, tables int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return mapErr(err)
	}
	if err := tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return mapErr(err)
	}
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return mapErr(err)
	}
	if (appID != 0 && appID != ApplicationID) || (version == 0 && tables > 0) {
		return ErrNotMeeting
	}
	all := migrations()
	if version > len(all) {
		return fmt.Errorf("%w (schema %d, this program knows %d)", ErrNewerSchema, version, len(all))
	}
	if version == len(all) {
		return nil
	}
	for _, m := range all[version:] {
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, mapErr(err))
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(all))); err != nil {
		return mapErr(err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return mapErr(err)
	}
	return mapErr(tx.Commit())
}
