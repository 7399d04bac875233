package replica

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/benbjohnson/litestream"
)

// engine is Litestream on the meeting file: a DB (the WAL copied into LTX
// files beside the meeting, in .NAME-litestream), a replica (those files
// uploaded to the target) and a store that compacts them (10 s and 5 min
// levels, an hourly snapshot) so a takeover reads a few files, not one
// per commit.
//
// Litestream's own timers are off: the replicator calls sync when PRAGMA
// data_version says the file changed (within 25 ms of a commit, by any
// process), and retries on its own schedule, never the library's backoff
// that grows to five minutes: a stick put back in is used within seconds.
type engine struct {
	db  *litestream.DB
	rep *litestream.Replica
	ls  *litestream.Store
}

// metaDir is where Litestream keeps its LTX files for the meeting at path.
func metaDir(path string) string {
	dir, name := filepath.Split(path)
	return filepath.Join(dir, "."+name+litestream.MetaDirSuffix)
}

// resetLocal removes Litestream's local files: the next sync starts from
// a snapshot. Used when the target holds nothing yet (a new or emptied
// folder), which would otherwise ask for LTX files long deleted here.
func resetLocal(path string) error { return os.RemoveAll(metaDir(path)) }

func startEngine(ctx context.Context, path string, client litestream.ReplicaClient) (*engine, error) {
	quiet := slog.New(slog.DiscardHandler) // errors come back from sync; the TUI owns the terminal
	db := litestream.NewDB(path)
	db.MonitorInterval = 0
	// our writers wait up to 10 s for the lock; so does Litestream for its
	// checkpoints and its first bookkeeping write
	db.BusyTimeout = 10 * time.Second
	rep := litestream.NewReplicaWithClient(db, client)
	rep.MonitorEnabled = false
	db.Replica = rep
	levels := litestream.CompactionLevels{
		{Level: 0},
		{Level: 1, Interval: 10 * time.Second},
		{Level: 2, Interval: 5 * time.Minute},
	}
	ls := litestream.NewStore([]*litestream.DB{db}, levels)
	ls.Logger = quiet
	ls.SnapshotInterval = time.Hour
	ls.SetShutdownSyncTimeout(3 * time.Second)
	ls.SetShutdownSyncInterval(500 * time.Millisecond)
	db.SetLogger(quiet)
	if err := ls.Open(ctx); err != nil {
		return nil, err
	}
	return &engine{db: db, rep: rep, ls: ls}, nil
}

// sync copies new WAL frames into an LTX file and uploads every LTX file
// the replica lacks. It returns the local and the replica's position.
func (e *engine) sync(ctx context.Context) (local, remote uint64, err error) {
	if err := e.db.Sync(ctx); err != nil {
		return 0, 0, err
	}
	if err := e.rep.Sync(ctx); err != nil {
		return 0, 0, err
	}
	pos, err := e.db.Pos()
	if err != nil {
		return 0, 0, err
	}
	return uint64(pos.TXID), uint64(e.rep.Pos().TXID), nil
}

// close ends replication. It must run after the process has closed its own
// connections to the meeting: Litestream closes a descriptor of the file,
// and on Linux and macOS that drops every SQLite lock the process holds on
// it.
func (e *engine) close(ctx context.Context) error {
	return e.ls.Close(ctx)
}

// recoverable reports an error of Litestream's local files (missing or
// damaged LTX files) that a fresh start from a snapshot cures.
func recoverable(err error) bool {
	var le *litestream.LTXError
	return errors.As(err, &le) && le.IsAutoRecoverable()
}
