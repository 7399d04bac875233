// Package cleansql opens SQLite through a driver that cleans every text
// value a query returns.
//
// The store cleans text twice: when it saves, and when it reads. The
// second is for files written by hand with sqlite3 or by an older version:
// every text value passes textclean.Long on its way out of the SQLite
// driver, so no station, export or document receives an escape sequence
// or a bidi override from the file, whichever table or query it comes from
// (tables added later included). Long keeps line breaks; one-line fields
// are stored without them. Byte values (BLOBs) are left alone.
package cleansql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"sync"

	"doithoai/store/textclean"
	_ "modernc.org/sqlite"
)

// cleanDriverName is the SQLite driver the store's pools open.
const cleanDriverName = "doithoai-sqlite-clean"

var registerClean = sync.OnceFunc(func() {
	db, err := sql.Open("sqlite", "")
	if err != nil {
		panic(err) // modernc.org/sqlite registers "sqlite" in its init
	}
	inner := db.Driver()
	db.Close()
	sql.Register(cleanDriverName, cleanDriver{inner})
})

// Open opens the SQLite database dsn (modernc.org/sqlite's syntax)
// through the cleaning driver.
func Open(dsn string) (*sql.DB, error) {
	registerClean()
	return sql.Open(cleanDriverName, dsn)
}

type cleanDriver struct{ d driver.Driver }

func (d cleanDriver) Open(name string) (driver.Conn, error) {
	c, err := d.d.Open(name)
	if err != nil {
		return nil, err
	}
	return &cleanConn{c}, nil
}

// cleanConn forwards everything to the SQLite connection and wraps the
// rows it returns. The interfaces it implements are those of modernc's
// conn that database/sql uses.
type cleanConn struct{ driver.Conn }

// the SQLite connection implements these; the assertions run once per call
var (
	_ driver.ConnBeginTx        = (*cleanConn)(nil)
	_ driver.ConnPrepareContext = (*cleanConn)(nil)
	_ driver.ExecerContext      = (*cleanConn)(nil)
	_ driver.QueryerContext     = (*cleanConn)(nil)
	_ driver.Pinger             = (*cleanConn)(nil)
	_ driver.SessionResetter    = (*cleanConn)(nil)
	_ driver.Validator          = (*cleanConn)(nil)
)

func (c *cleanConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (c *cleanConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	s, err := c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return &cleanStmt{s}, nil
}

func (c *cleanConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *cleanConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, query, args)
}

func (c *cleanConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	r, err := c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
	if err != nil {
		return nil, err
	}
	return cleanRows{r}, nil
}

func (c *cleanConn) Ping(ctx context.Context) error { return c.Conn.(driver.Pinger).Ping(ctx) }

func (c *cleanConn) ResetSession(ctx context.Context) error {
	return c.Conn.(driver.SessionResetter).ResetSession(ctx)
}

func (c *cleanConn) IsValid() bool { return c.Conn.(driver.Validator).IsValid() }

type cleanStmt struct{ driver.Stmt }

func (s *cleanStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (s *cleanStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	r, err := s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	return cleanRows{r}, nil
}

type cleanRows struct{ driver.Rows }

func (r cleanRows) Next(dest []driver.Value) error {
	if err := r.Rows.Next(dest); err != nil {
		return err
	}
	for i, v := range dest {
		if s, ok := v.(string); ok && !textclean.Safe(s, true) {
			dest[i] = textclean.Long(s)
		}
	}
	return nil
}
