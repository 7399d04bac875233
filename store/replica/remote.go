package replica

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/benbjohnson/litestream"
	"github.com/benbjohnson/litestream/file"
	"github.com/superfly/ltx"

	"doithoai/store"
)

// remote is a replica target as Litestream sees it (a ReplicaClient) plus
// the few file operations the identity check needs.
type remote interface {
	litestream.ReplicaClient
	// root reports whether the target folder exists (ErrGone when not) and
	// whether it holds anything; any other error means it cannot be reached.
	root(ctx context.Context) (empty bool, err error)
	mkdirRoot(ctx context.Context) error
	readFile(ctx context.Context, name string) ([]byte, error) // fs.ErrNotExist when absent
	writeFile(ctx context.Context, name string, data []byte) error
	// expect makes every later write and delete check first that the
	// target still holds id's replica
	expect(id Identity)
	close() error
}

// guard checks the target's identity file against the one expected: a
// stick swapped for another meeting's is never written to, not even by
// Litestream's compactions running on their own timers.
type guard struct {
	mu sync.Mutex
	id *Identity
}

func (g *guard) expect(id Identity) { g.mu.Lock(); g.id = &id; g.mu.Unlock() }

func (g *guard) check(read func(name string) ([]byte, error), where string) error {
	g.mu.Lock()
	want := g.id
	g.mu.Unlock()
	if want == nil {
		return nil
	}
	b, err := read(IdentityFile)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: %s", ErrGone, where)
	}
	if err != nil {
		return err
	}
	got, err := parseIdentity(b)
	switch {
	case err != nil:
		return fmt.Errorf("%w: %s: %v", ErrGone, where, err)
	case got.MeetingID != want.MeetingID:
		return &ErrOtherMeeting{Title: got.Title}
	case got.FileID != want.FileID:
		return ErrOtherCopy
	}
	return nil
}

// ErrGone says the target folder is not there: the USB stick was pulled,
// or the folder was moved or replaced.
var ErrGone = errors.New("the replica folder is not there")

// folderRemote is a folder: Litestream's file client, guarded so that it
// never writes into a folder that has gone. Litestream creates missing
// folders before writing; a pulled stick would then be "replicated" onto
// the laptop's own disk under the stick's old mount point.
type folderRemote struct {
	*file.ReplicaClient
	guard
	dir string
}

func newFolderRemote(dir string) *folderRemote {
	return &folderRemote{ReplicaClient: file.NewReplicaClient(dir), dir: dir}
}

func (f *folderRemote) present() error {
	return f.check(func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(f.dir, name)) }, f.dir)
}

func (f *folderRemote) WriteLTXFile(ctx context.Context, level int, minTXID, maxTXID ltx.TXID, r io.Reader) (*ltx.FileInfo, error) {
	if err := f.present(); err != nil {
		return nil, err
	}
	return f.ReplicaClient.WriteLTXFile(ctx, level, minTXID, maxTXID, r)
}

func (f *folderRemote) DeleteLTXFiles(ctx context.Context, a []*ltx.FileInfo) error {
	if err := f.present(); err != nil {
		return err
	}
	return f.ReplicaClient.DeleteLTXFiles(ctx, a)
}

func (f *folderRemote) DeleteAll(ctx context.Context) error {
	return fmt.Errorf("replica: refusing to delete %s", f.dir)
}

func (f *folderRemote) root(ctx context.Context) (bool, error) {
	// a folder that cannot be read (missing, a file in its place, a
	// failing stick) is as good as gone
	fi, err := os.Stat(f.dir)
	if err == nil && !fi.IsDir() {
		err = errors.New("not a folder")
	}
	if err != nil {
		return false, fmt.Errorf("%w: %s: %v", ErrGone, f.dir, unwrapPath(err))
	}
	ents, err := os.ReadDir(f.dir)
	if err != nil {
		return false, fmt.Errorf("%w: %s: %v", ErrGone, f.dir, unwrapPath(err))
	}
	return len(ents) == 0, nil
}

// unwrapPath drops the path from an *fs.PathError (the message names it).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (f *folderRemote) mkdirRoot(ctx context.Context) error { return os.MkdirAll(f.dir, 0o755) }

func (f *folderRemote) readFile(ctx context.Context, name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(f.dir, name))
}

// writeFile writes through a temporary file and a rename, fsynced, so a
// pulled stick leaves either the old file or the new one.
func (f *folderRemote) writeFile(ctx context.Context, name string, data []byte) error {
	return store.WriteFileSynced(filepath.Join(f.dir, name), bytes.NewReader(data), 0o644)
}

func (f *folderRemote) close() error { return nil }

// open connects to the target t. For SFTP, hostKey is the pinned host key
// ("" accepts the host's key and reports it through pinned).
func open(ctx context.Context, t Target, hostKey string, keys []string) (remote, error) {
	switch t.Kind {
	case Folder:
		return newFolderRemote(t.Path), nil
	case SFTP:
		return dialSFTP(ctx, t, hostKey, keys)
	}
	return nil, fmt.Errorf("replica: unknown target %q", t.Kind)
}
