// Package store keeps one meeting in one SQLite file. Every mutation goes
// through this package, in one IMMEDIATE transaction together with its
// audit row, and is durable (WAL, synchronous FULL) before it returns.
package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"doithoai/store/cleansql"
)

// ApplicationID marks a SQLite file as a doithoai meeting ("DTHT").
const ApplicationID = 0x44544854

// Options tune Open.
type Options struct {
	// Create allows Open to create a new empty file.
	Create bool
	// Now is the clock used for timestamps; time.Now when nil.
	Now func() time.Time
	// Actor names who writes; audit rows carry it.
	Actor Actor
	// Readers is the size of the read pool (default 4).
	Readers int
	// BusyTimeout for both pools (default 10s).
	BusyTimeout time.Duration
	// NoWatch disables polling for other processes' commits.
	NoWatch bool
	// NoCheck skips the PRAGMA quick_check at open (tests that open a
	// file many times a second; the check costs ~40ms at 10,000 delegates).
	NoCheck bool
	// PollEvery is how often the watcher asks for PRAGMA data_version
	// (default 100ms).
	PollEvery time.Duration
}

// Store is an open meeting file. It is safe for concurrent use; copies made
// by As share the connections and the watcher.
type Store struct {
	*shared
	actor Actor
}

type shared struct {
	path   string
	w      *sql.DB // the one writer connection
	r      *sql.DB // read pool, query_only
	now    func() time.Time
	hub    *hub
	stmts  stmtCache // the writer's prepared statements
	closed sync.Once
	stop   context.CancelFunc
	done   chan struct{}
}

func dsn(path string, busy time.Duration, extra string) string {
	return fmt.Sprintf("%s?_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(ON)%s",
		path, busy.Milliseconds(), extra)
}

// Open opens (and, with Options.Create, creates) the meeting file at path,
// applying pending migrations. It refuses files that are not meetings and
// files made by a newer version without changing them.
func Open(ctx context.Context, path string, o Options) (*Store, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Readers <= 0 {
		o.Readers = 4
	}
	if o.BusyTimeout <= 0 {
		o.BusyTimeout = 10 * time.Second
	}
	if o.PollEvery <= 0 {
		o.PollEvery = 100 * time.Millisecond
	}
	if o.Actor.Station == "" {
		o.Actor = Actor{Station: "local", Role: RoleAdmin}
	}
	if err := probe(path, o.Create); err != nil {
		return nil, err
	}
	w, err := cleansql.Open(dsn(path, o.BusyTimeout, "&_txlock=immediate"))
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	if err := openCheck(ctx, w, path, o.NoCheck); err != nil {
		w.Close()
		return nil, err
	}
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, corrupt(ctx, path, err)
	}
	r, err := cleansql.Open(dsn(path, o.BusyTimeout, "&_pragma=query_only(1)"))
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(o.Readers)
	r.SetMaxIdleConns(o.Readers)
	sh := &shared{path: path, w: w, r: r, now: o.Now, hub: newHub(), done: make(chan struct{})}
	wctx, cancel := context.WithCancel(context.Background())
	sh.stop = cancel
	if o.NoWatch {
		close(sh.done)
	} else {
		go sh.watch(wctx, o.PollEvery)
	}
	return &Store{shared: sh, actor: o.Actor.clean()}, nil
}

// probe checks the file header before SQLite touches the file, so a foreign
// or newer file is refused unchanged.
func probe(path string, create bool) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		if create {
			return nil
		}
		return fmt.Errorf("%w: %s", ErrNoFile, path)
	}
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.IsDir() {
		return fmt.Errorf("%w: %s is a folder", ErrNotMeeting, path)
	}
	var h [100]byte
	n, err := io.ReadFull(f, h[:])
	if n == 0 && (err == io.EOF) {
		if create {
			return nil
		}
		return fmt.Errorf("%w: %s is empty", ErrNotMeeting, path)
	}
	if err != nil || string(h[:16]) != "SQLite format 3\x00" {
		return fmt.Errorf("%w: %s", ErrNotMeeting, path)
	}
	appID := binary.BigEndian.Uint32(h[68:72])
	version := int(binary.BigEndian.Uint32(h[60:64]))
	if appID != 0 && appID != ApplicationID {
		return fmt.Errorf("%w: %s", ErrNotMeeting, path)
	}
	// Our files are always in WAL mode (format bytes 2); a rollback-journal
	// file without our id is someone else's.
	if appID == 0 && (h[18] != 2 || h[19] != 2) {
		return fmt.Errorf("%w: %s", ErrNotMeeting, path)
	}
	if appID == ApplicationID && version > len(migrations()) {
		return fmt.Errorf("%w (schema %d, this program knows %d)", ErrNewerSchema, version, len(migrations()))
	}
	return nil
}

// Path is the meeting file.
func (s *Store) Path() string { return s.path }

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now() }

// Close stops the watcher and closes both pools. Copies made by As share
// the connections: close only the original.
func (s *Store) Close() error {
	var err error
	s.closed.Do(func() {
		s.stop()
		<-s.done
		s.hub.close()
		s.stmts.close()
		err = errors.Join(s.r.Close(), s.w.Close())
	})
	return err
}

// Tx is a write transaction. Helpers in this package take it so that a
// mutation and its audit row commit together.
type Tx struct {
	tx     *sql.Tx
	now    time.Time
	actor  Actor
	stmts  *stmtCache
	misses []string // statements to prepare after the commit
}

func (t *Tx) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	var r sql.Result
	var err error
	if st := t.stmt(ctx, q); st != nil {
		r, err = st.ExecContext(ctx, args...)
	} else {
		r, err = t.tx.ExecContext(ctx, q, args...)
	}
	return r, mapErr(err)
}

func (t *Tx) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if st := t.stmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, q, args...)
}

// QueryRowContext makes a Tx a rowQueryer that uses its prepared statements.
func (t *Tx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.queryRow(ctx, q, args...)
}

// write runs fn in one IMMEDIATE transaction (the writer DSN sets
// _txlock=immediate) after checking the actor may do perm. It returns only
// after COMMIT, which with synchronous FULL means the change is on disk.
func (s *Store) write(ctx context.Context, perm Perm, fn func(*Tx) error) error {
	if !s.actor.Role.Allows(perm) {
		return fmt.Errorf("%w: %s cannot %s", ErrForbidden, s.actor.Role, perm)
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	t := &Tx{tx: tx, now: s.now(), actor: s.actor, stmts: &s.stmts}
	if err := fn(t); err != nil {
		tx.Rollback()
		return mapErr(err)
	}
	if err := tx.Commit(); err != nil {
		return mapErr(err)
	}
	s.hub.publish()
	if len(t.misses) > 0 {
		s.stmts.prepare(ctx, s.w, t.misses) // for the next commit; the change is saved
	}
	return nil
}

// begin starts the IMMEDIATE transaction. SQLite's busy handler is not
// fair between processes: under three writers committing flat out one may
// wait past the busy timeout. Nothing has been done yet when BEGIN fails,
// so it is retried until ctx ends or a minute has passed: a desk waits,
// it never sees "database is locked".
func (s *Store) begin(ctx context.Context) (*sql.Tx, error) {
	deadline := time.Now().Add(time.Minute)
	for {
		tx, err := s.w.BeginTx(ctx, nil)
		if err == nil {
			return tx, nil
		}
		err = mapErr(err)
		if !errors.Is(err, ErrBusy) || time.Now().After(deadline) || ctx.Err() != nil {
			return nil, err
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// read runs fn on the read pool.
func (s *Store) read() *sql.DB { return s.r }

func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMS(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMilli(v.Int64)
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMilli()
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
