package store

import (
	"context"
	"database/sql"
	"strings"
	"sync"
)

// The writer keeps the statements it runs prepared. SQLite parses and
// plans a small statement in about the time it takes to run it, and every
// commit of the day runs the same few dozen: before this a receipt spent a
// quarter of its CPU in the parser. A statement is prepared after the
// first commit that ran it: preparing inside the transaction would wait
// for the one writer connection the transaction holds. Only single
// SELECT/INSERT/UPDATE/DELETE/WITH statements are kept, at most maxStmts.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt // nil: could not be prepared, run it plain
}

// maxStmts bounds the cache; the store's writes use fewer than a hundred.
const maxStmts = 256

// get returns q's prepared statement, or nil if it is not (yet) kept.
func (c *stmtCache) get(q string) (st *sql.Stmt, known bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	st, known = c.m[q]
	return st, known
}

// prepare prepares on db the statements in qs not kept yet. Called with no
// transaction open on db.
func (c *stmtCache) prepare(ctx context.Context, db *sql.DB, qs []string) {
	for _, q := range qs {
		c.mu.Lock()
		_, known := c.m[q]
		full := len(c.m) >= maxStmts
		c.mu.Unlock()
		if known || full {
			continue
		}
		st, err := db.PrepareContext(ctx, q)
		if err != nil && ctx.Err() != nil {
			return // try again another time
		}
		c.mu.Lock()
		if c.m == nil {
			c.m = map[string]*sql.Stmt{}
		}
		if _, known := c.m[q]; known || err != nil {
			if st != nil {
				st.Close()
			}
			if !known {
				c.m[q] = nil
			}
		} else {
			c.m[q] = st
		}
		c.mu.Unlock()
	}
}

// close closes every kept statement.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		if st != nil {
			st.Close()
		}
	}
	c.m = nil
}

// cacheable: one plain statement (no DDL, PRAGMA or script).
func cacheable(q string) bool {
	if len(q) > 4000 || strings.Contains(q, ";") {
		return false
	}
	q = strings.TrimLeft(q, " \t\r\n")
	if len(q) < 6 {
		return false
	}
	switch strings.ToUpper(q[:4]) {
	case "SELE", "INSE", "UPDA", "DELE", "WITH":
		return true
	}
	return false
}

// stmt returns q prepared for this transaction, or nil to run it plain
// (then q is prepared after the commit).
func (t *Tx) stmt(ctx context.Context, q string) *sql.Stmt {
	if t.stmts == nil {
		return nil
	}
	st, known := t.stmts.get(q)
	if st != nil {
		return t.tx.StmtContext(ctx, st)
	}
	if !known && cacheable(q) {
		t.misses = append(t.misses, q)
	}
	return nil
}
