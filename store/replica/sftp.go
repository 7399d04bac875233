package replica

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"path"
	"sync"
	"time"

	"github.com/benbjohnson/litestream"
	"github.com/pkg/sftp"
	"github.com/superfly/ltx"
	"golang.org/x/crypto/ssh"
)

// The SFTP replica client. Litestream's own (litestream/sftp) dials with
// no timeout, ignores the context and keeps a connection that died without
// a "connection lost" error, so after the Wi-Fi drops a write can wait for
// the kernel's TCP timeout (a quarter of an hour) and the header would not
// say why. This one puts a deadline on every operation, drops the
// connection on any network error and dials again on the next round.
var (
	sftpDialTimeout = 5 * time.Second
	sftpOpTimeout   = 10 * time.Second // tests shorten it
)

// ErrUnreachable says the SFTP host did not answer.
var ErrUnreachable = errors.New("the replica host cannot be reached")

// ErrAuth says the host refused this laptop's key.
var ErrAuth = errors.New("the replica host refused this laptop's SSH key")

// ErrHostKey says the host answered with another key than the pinned one.
var ErrHostKey = errors.New("the replica host's key has changed")

type sftpRemote struct {
	guard
	t       Target
	hostKey string // pinned, authorized_keys form; "" accepts any and records it
	signers []ssh.Signer

	mu       sync.Mutex
	conn     net.Conn
	ssh      *ssh.Client
	sc       *sftp.Client
	inflight int
	seenKey  string // the key the host showed on the last dial
}

func dialSFTP(ctx context.Context, t Target, hostKey string, keys []string) (*sftpRemote, error) {
	r := &sftpRemote{t: t, hostKey: hostKey}
	for _, k := range keys {
		if s, err := loadSigner(k); err == nil {
			r.signers = append(r.signers, s)
		}
	}
	if len(r.signers) == 0 {
		return nil, fmt.Errorf("%w: no SSH key found (%v)", ErrAuth, keys)
	}
	return r, nil
}

// HostKey is the key the host showed on the last connection.
func (r *sftpRemote) HostKey() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.seenKey
}

// client returns the SFTP session, dialling if needed, and marks an
// operation in flight: the connection's deadline is pushed on while any
// operation runs and lifted when none does (an idle session has no
// deadline). done must be called with the operation's error.
func (r *sftpRemote) client(ctx context.Context) (*sftp.Client, func(error), error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.sc == nil {
		if err := r.dialLocked(ctx); err != nil {
			return nil, nil, err
		}
	}
	r.inflight++
	r.conn.SetDeadline(time.Now().Add(sftpOpTimeout))
	conn := r.conn
	var once sync.Once
	done := func(err error) {
		once.Do(func() {
			r.mu.Lock()
			defer r.mu.Unlock()
			r.inflight--
			if r.conn != conn {
				return
			}
			if err != nil && brokenConn(err) {
				r.resetLocked()
				return
			}
			if r.inflight == 0 {
				conn.SetDeadline(time.Time{})
			}
		})
	}
	return r.sc, done, nil
}

// touch pushes the deadline on while a long transfer makes progress.
func (r *sftpRemote) touch() {
	r.mu.Lock()
	if r.conn != nil {
		r.conn.SetDeadline(time.Now().Add(sftpOpTimeout))
	}
	r.mu.Unlock()
}

func (r *sftpRemote) dialLocked(ctx context.Context) error {
	d := net.Dialer{Timeout: sftpDialTimeout}
	conn, err := d.DialContext(ctx, "tcp", r.t.Host)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrUnreachable, r.t.Host, err)
	}
	conn.SetDeadline(time.Now().Add(sftpOpTimeout))
	var hostErr error
	cfg := &ssh.ClientConfig{
		User: r.t.User,
		Auth: []ssh.AuthMethod{ssh.PublicKeys(r.signers...)},
		HostKeyCallback: func(_ string, _ net.Addr, key ssh.PublicKey) error {
			r.seenKey = string(bytes.TrimSpace(ssh.MarshalAuthorizedKey(key)))
			if r.hostKey != "" && r.seenKey != r.hostKey {
				hostErr = fmt.Errorf("%w: %s now shows %s (pinned: %s)", ErrHostKey, r.t.Host, ssh.FingerprintSHA256(key), Fingerprint(r.hostKey))
				return hostErr
			}
			return nil
		},
		Timeout: sftpDialTimeout,
	}
	c, chans, reqs, err := ssh.NewClientConn(conn, r.t.Host, cfg)
	if err != nil {
		conn.Close()
		switch {
		case hostErr != nil:
			return hostErr
		case isAuthErr(err):
			return fmt.Errorf("%w: %s@%s: %v", ErrAuth, r.t.User, r.t.Host, err)
		}
		return fmt.Errorf("%w: %s: %v", ErrUnreachable, r.t.Host, err)
	}
	sc := ssh.NewClient(c, chans, reqs)
	s, err := sftp.NewClient(sc, sftp.UseConcurrentWrites(true))
	if err != nil {
		sc.Close()
		return fmt.Errorf("%w: %s: no SFTP: %v", ErrUnreachable, r.t.Host, err)
	}
	conn.SetDeadline(time.Time{})
	r.conn, r.ssh, r.sc = conn, sc, s
	return nil
}

func (r *sftpRemote) resetLocked() {
	if r.sc != nil {
		r.sc.Close()
	}
	if r.ssh != nil {
		r.ssh.Close()
	}
	if r.conn != nil {
		r.conn.Close()
	}
	r.conn, r.ssh, r.sc = nil, nil, nil
}

func (r *sftpRemote) close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.resetLocked()
	return nil
}

// brokenConn tells a dead or hung connection from an answer of the host
// (no such file, permission denied), which leaves the session usable.
func brokenConn(err error) bool {
	var se *sftp.StatusError
	if errors.As(err, &se) || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) || errors.Is(err, ErrGone) {
		return false
	}
	return true
}

// netErr turns a failure of a broken connection into ErrUnreachable.
func netErr(err error) error {
	if err == nil || !brokenConn(err) || errors.Is(err, ErrUnreachable) || errors.Is(err, ErrAuth) || errors.Is(err, ErrHostKey) {
		return err
	}
	return fmt.Errorf("%w: %v", ErrUnreachable, err)
}

func isAuthErr(err error) bool {
	return err != nil && bytes.Contains([]byte(err.Error()), []byte("unable to authenticate"))
}

func (r *sftpRemote) checkOn(sc *sftp.Client) error {
	return r.check(func(name string) ([]byte, error) {
		f, err := sc.Open(r.full(name))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return io.ReadAll(io.LimitReader(f, 1<<20))
	}, r.t.Host+":"+r.t.Path)
}

func (r *sftpRemote) full(p string) string { return path.Join(r.t.Path, p) }

func (r *sftpRemote) Type() string                   { return "sftp" }
func (r *sftpRemote) SetLogger(*slog.Logger)         {}
func (r *sftpRemote) Init(ctx context.Context) error { return nil }

func (r *sftpRemote) root(ctx context.Context) (empty bool, err error) {
	sc, done, err := r.client(ctx)
	if err != nil {
		return false, err
	}
	defer func() { done(err); err = netErr(err) }()
	fi, err := sc.Stat(r.t.Path)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && !fi.IsDir()) {
		return false, fmt.Errorf("%w: %s:%s", ErrGone, r.t.Host, r.t.Path)
	}
	if err != nil {
		return false, err
	}
	ents, err := sc.ReadDir(r.t.Path)
	return len(ents) == 0, err
}

func (r *sftpRemote) mkdirRoot(ctx context.Context) (err error) {
	sc, done, err := r.client(ctx)
	if err != nil {
		return err
	}
	defer func() { done(err); err = netErr(err) }()
	return sc.MkdirAll(r.t.Path)
}

func (r *sftpRemote) readFile(ctx context.Context, name string) (_ []byte, err error) {
	sc, done, err := r.client(ctx)
	if err != nil {
		return nil, err
	}
	defer func() { done(err); err = netErr(err) }()
	f, err := sc.Open(r.full(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, 1<<20))
}

func (r *sftpRemote) writeFile(ctx context.Context, name string, data []byte) (err error) {
	sc, done, err := r.client(ctx)
	if err != nil {
		return err
	}
	defer func() { done(err); err = netErr(err) }()
	p := r.full(name)
	tmp := p + ".tmp"
	if err := r.put(sc, tmp, bytes.NewReader(data), time.Time{}); err != nil {
		return err
	}
	if err := sc.PosixRename(tmp, p); err != nil {
		sc.Remove(p)
		return sc.Rename(tmp, p)
	}
	return nil
}

// put writes rd to p, fsynced when the server can.
func (r *sftpRemote) put(sc *sftp.Client, p string, rd io.Reader, mtime time.Time) error {
	f, err := sc.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, progress{rd, r.touch}); err != nil {
		f.Close()
		sc.Remove(p)
		return err
	}
	if _, ok := sc.HasExtension("fsync@openssh.com"); ok {
		if err := f.Sync(); err != nil {
			f.Close()
			sc.Remove(p)
			return err
		}
	}
	if err := f.Close(); err != nil {
		sc.Remove(p)
		return err
	}
	if !mtime.IsZero() {
		return sc.Chtimes(p, mtime, mtime)
	}
	return nil
}

type progress struct {
	r     io.Reader
	touch func()
}

func (p progress) Read(b []byte) (int, error) { p.touch(); return p.r.Read(b) }

// LTXFiles lists a level's files; the file times are the LTX timestamps
// (set by WriteLTXFile), as Litestream's own clients do.
func (r *sftpRemote) LTXFiles(ctx context.Context, level int, seek ltx.TXID, _ bool) (_ ltx.FileIterator, err error) {
	sc, done, err := r.client(ctx)
	if err != nil {
		return nil, err
	}
	defer func() { done(err); err = netErr(err) }()
	fis, err := sc.ReadDir(litestream.LTXLevelDir(r.t.Path, level))
	if errors.Is(err, fs.ErrNotExist) {
		return ltx.NewFileInfoSliceIterator(nil), nil
	} else if err != nil {
		return nil, err
	}
	infos := make([]*ltx.FileInfo, 0, len(fis))
	for _, fi := range fis {
		minTXID, maxTXID, err := ltx.ParseFilename(path.Base(fi.Name()))
		if err != nil || minTXID < seek {
			continue
		}
		infos = append(infos, &ltx.FileInfo{Level: level, MinTXID: minTXID, MaxTXID: maxTXID, Size: fi.Size(), CreatedAt: fi.ModTime().UTC()})
	}
	return ltx.NewFileInfoSliceIterator(infos), nil
}

func (r *sftpRemote) WriteLTXFile(ctx context.Context, level int, minTXID, maxTXID ltx.TXID, rd io.Reader) (_ *ltx.FileInfo, err error) {
	sc, done, err := r.client(ctx)
	if err != nil {
		return nil, err
	}
	defer func() { done(err); err = netErr(err) }()
	// the folder must still hold this meeting's replica: never recreate a
	// folder someone removed, never write into another meeting's
	if err := r.checkOn(sc); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	hdr, _, err := ltx.PeekHeader(io.TeeReader(rd, &buf))
	if err != nil {
		return nil, fmt.Errorf("ltx header: %w", err)
	}
	ts := time.UnixMilli(hdr.Timestamp).UTC()
	name := litestream.LTXFilePath(r.t.Path, level, minTXID, maxTXID)
	if err := sc.MkdirAll(path.Dir(name)); err != nil {
		return nil, err
	}
	tmp := fmt.Sprintf("%s.%d.tmp", name, time.Now().UnixNano())
	cr := &countReader{r: io.MultiReader(&buf, rd)}
	if err := r.put(sc, tmp, cr, ts); err != nil {
		return nil, err
	}
	if err := sc.PosixRename(tmp, name); err != nil {
		if err := sc.Rename(tmp, name); err != nil {
			sc.Remove(tmp)
			return nil, err
		}
	}
	return &ltx.FileInfo{Level: level, MinTXID: minTXID, MaxTXID: maxTXID, Size: cr.n, CreatedAt: ts}, nil
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}

// OpenLTXFile returns a reader of the file; the operation (and the
// connection's deadline) lasts until it is closed.
func (r *sftpRemote) OpenLTXFile(ctx context.Context, level int, minTXID, maxTXID ltx.TXID, offset, size int64) (io.ReadCloser, error) {
	sc, done, err := r.client(ctx)
	if err != nil {
		return nil, err
	}
	f, err := sc.Open(litestream.LTXFilePath(r.t.Path, level, minTXID, maxTXID))
	if err != nil {
		done(err)
		return nil, netErr(err)
	}
	if offset > 0 {
		if _, err := f.Seek(offset, io.SeekStart); err != nil {
			f.Close()
			done(err)
			return nil, netErr(err)
		}
	}
	var rd io.Reader = f
	if size > 0 {
		rd = io.LimitReader(f, size)
	}
	return &remoteReader{r: progress{rd, r.touch}, f: f, done: done}, nil
}

type remoteReader struct {
	r    io.Reader
	f    *sftp.File
	done func(error)
	err  error
}

func (rr *remoteReader) Read(b []byte) (int, error) {
	n, err := rr.r.Read(b)
	if err != nil && err != io.EOF {
		rr.err = err
		err = netErr(err)
	}
	return n, err
}

func (rr *remoteReader) Close() error {
	err := rr.f.Close()
	rr.done(rr.err)
	return err
}

func (r *sftpRemote) DeleteLTXFiles(ctx context.Context, a []*ltx.FileInfo) (err error) {
	sc, done, err := r.client(ctx)
	if err != nil {
		return err
	}
	defer func() { done(err); err = netErr(err) }()
	if err := r.checkOn(sc); err != nil {
		return err
	}
	for _, info := range a {
		if err := sc.Remove(litestream.LTXFilePath(r.t.Path, info.Level, info.MinTXID, info.MaxTXID)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

func (r *sftpRemote) DeleteAll(ctx context.Context) error {
	return fmt.Errorf("replica: refusing to delete %s:%s", r.t.Host, r.t.Path)
}
