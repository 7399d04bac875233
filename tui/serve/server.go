// Package serve serves the stations over SSH (charmbracelet/wish): a role
// is chosen by the SSH user name (ssh -p 2323 checkin@hall-laptop), opened
// by a passcode or an authorized key, and enforced by the store. Each
// session has its own renderer, styles, size and models; all sessions share
// the one *store.Store and so its one writer connection.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/activeterm"
	"github.com/charmbracelet/wish/logging"
	"github.com/charmbracelet/wish/recover"
	gossh "golang.org/x/crypto/ssh"

	"doithoai/store"
	"doithoai/store/replica"
	"doithoai/tui"
	"doithoai/tui/i18n"
)

// DefaultListen is loopback: serving the hall network must be asked for.
const DefaultListen = "127.0.0.1:2323"

// LangEnv lets a station choose its language: ssh -o SetEnv=DOITHOAI_LANG=en.
const LangEnv = "DOITHOAI_LANG"

// Options configure New.
type Options struct {
	Store *store.Store // shared by every session
	Path  string       // the meeting file (header; default access and host key paths)
	// Listen is host:port; DefaultListen when empty.
	Listen string
	// Access holds the roles' credentials; nil loads AccessPath(Path).
	Access *Access
	// HostKeyPath is created on first start; HostKeyPath(Path) when empty.
	HostKeyPath string
	Lang        i18n.Lang
	// Log receives connection and refusal lines, lockouts included; nil
	// discards them.
	Log io.Writer
	// MaxSessions bounds the sessions open at once (DefaultMaxSessions
	// when 0); connections still logging in count against twice that.
	MaxSessions int
	// Now is the guessing guard's clock (time.Now when nil).
	Now func() time.Time
	// Replica reports the meeting's replica for the sessions' header.
	Replica func() (replica.Status, bool)
}

// DefaultMaxSessions is more stations than a hall has devices.
const DefaultMaxSessions = 32

// loginTimeout bounds a connection's handshake and login: one that stalls
// there holds a slot of the connection limit for no longer.
const loginTimeout = 30 * time.Second

// Window sizes past these are clamped: a pty-req or window-change of
// 100000x100000 would have every frame padded to ten billion cells.
const (
	MaxCols = 1000
	MaxRows = 500
)

// Server is an SSH server of the stations.
type Server struct {
	o          Options
	srv        *ssh.Server
	ln         net.Listener
	log        *log.Logger
	sessions   sync.WaitGroup
	served     chan error
	mu         sync.Mutex
	programs   map[*tea.Program]struct{} // running sessions, quit on Shutdown
	amu        sync.Mutex                // guards o.Access and the access file's stamp
	accessMod  time.Time
	accessSize int64
	guard      *guard
	active     chan struct{} // one token per open session
	conns      chan struct{} // one token per open connection
}

type ctxKey string

const keyComment ctxKey = "doithoai.key-comment"

// New prepares the server (host key, access) without listening yet.
func New(o Options) (*Server, error) {
	if o.Store == nil {
		return nil, errors.New("serve: no store")
	}
	if o.Listen == "" {
		o.Listen = DefaultListen
	}
	if o.HostKeyPath == "" {
		o.HostKeyPath = HostKeyPath(o.Path)
	}
	var stamp os.FileInfo
	if st, err := os.Stat(AccessPath(o.Path)); err == nil {
		stamp = st // what o.Access reflects, if it came from this file
	}
	if o.Access == nil {
		a, err := LoadAccess(AccessPath(o.Path))
		if err != nil {
			return nil, err
		}
		o.Access = a
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.MaxSessions <= 0 {
		o.MaxSessions = DefaultMaxSessions
	}
	// What a client sends (its version, a user name) reaches these lines:
	// they are cleaned like any other outside text.
	s := &Server{o: o, log: log.New(cleanLog{o.Log}, "", log.LstdFlags), served: make(chan error, 1), programs: map[*tea.Program]struct{}{},
		guard: newGuard(o.Now), active: make(chan struct{}, o.MaxSessions), conns: make(chan struct{}, 2*o.MaxSessions)}
	if stamp != nil {
		s.accessMod, s.accessSize = stamp.ModTime(), stamp.Size()
	}
	srv, err := wish.NewServer(
		wish.WithAddress(o.Listen),
		wish.WithHostKeyPath(o.HostKeyPath),
		wish.WithPasswordAuth(s.passwordAuth),
		wish.WithPublicKeyAuth(s.publicKeyAuth),
		wish.WithBannerHandler(s.banner),
		wish.WithMiddleware(
			// the last runs first: log, count, require a terminal, then the
			// TUI (session.go). A panic ends one session, not the server.
			recover.MiddlewareWithLogger(s.log,
				s.teaMiddleware,
				activeterm.Middleware(),
			),
			s.track,
			logging.MiddlewareWithLogger(s.log),
		),
	)
	if err != nil {
		return nil, fmt.Errorf("serve: host key %s: %w", o.HostKeyPath, err)
	}
	srv.ConnectionFailedCallback = func(c net.Conn, err error) {
		s.log.Printf("connection from %s failed: %v", c.RemoteAddr(), err)
	}
	srv.ConnCallback = s.admit
	s.srv = srv
	return s, nil
}

// Start listens and serves in the background. Addr is known afterwards.
func (s *Server) Start() error {
	ln, err := net.Listen("tcp", s.o.Listen)
	if err != nil {
		return err
	}
	s.ln = ln
	go func() { s.served <- s.srv.Serve(ln) }()
	return nil
}

// Addr is the address listened on (after Start).
func (s *Server) Addr() net.Addr {
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// Done yields the error that stopped serving (ssh.ErrServerClosed after
// Shutdown).
func (s *Server) Done() <-chan error { return s.served }

// Shutdown stops listening, asks every session's program to save its
// drafts and quit (so each terminal leaves the alternate screen cleanly),
// waits for the sessions to
// end until ctx is done, then cuts what is left. It returns once every
// session's program has stopped, so the store may be closed after it.
func (s *Server) Shutdown(ctx context.Context) error {
	if s.ln != nil {
		s.ln.Close() // no new sessions
	}
	s.mu.Lock()
	for p := range s.programs {
		// stations save their drafts, then the program quits; Send
		// blocks until that program's loop reads it
		go p.Send(tui.ShutdownMsg{})
	}
	s.mu.Unlock()
	ended := make(chan struct{})
	go func() { s.sessions.Wait(); close(ended) }()
	select {
	case <-ended:
	case <-ctx.Done():
	}
	err := s.srv.Close() // connections left open by clients, and stragglers
	<-ended
	if errors.Is(err, ssh.ErrServerClosed) || errors.Is(err, net.ErrClosed) {
		err = nil
	}
	return err
}

// Access is the credentials the server checks. The access file is read
// again when it changes, so `doithoai serve --set-only --revoke qa` (or a new
// passcode) takes effect at the next login without a restart; a file that
// no longer parses is logged and the last good credentials stay.
func (s *Server) Access() *Access {
	s.amu.Lock()
	defer s.amu.Unlock()
	path := AccessPath(s.o.Path)
	st, err := os.Stat(path)
	if err != nil || (st.ModTime().Equal(s.accessMod) && st.Size() == s.accessSize) {
		return s.o.Access
	}
	s.accessMod, s.accessSize = st.ModTime(), st.Size()
	a, err := LoadAccess(path)
	if err != nil {
		s.log.Printf("access file not reloaded: %v", err)
		return s.o.Access
	}
	s.o.Access = a
	return a
}

// passwordAuth checks a passcode, unless the guard refuses the address or
// the role's passcode for now; every wrong one is counted (guard.go).
func (s *Server) passwordAuth(ctx ssh.Context, pass string) bool {
	r := store.Role(ctx.User())
	host := hostOf(ctx.RemoteAddr())
	if ok, until := s.guard.allow(host, r); !ok {
		s.log.Printf("refused %q from %s: passcodes refused until %s (too many wrong ones)", ctx.User(), host, until.Format("15:04:05"))
		return false
	}
	a := s.Access()
	if a.CheckPasscode(r, pass) {
		s.guard.succeed(host)
		return true
	}
	s.log.Printf("refused %q from %s: %s", ctx.User(), host, refusal(a, r, "passcode"))
	for _, l := range s.guard.fail(host, r, roleOK(r)) {
		s.lockout(l)
	}
	return false
}

// lockout says on the console who is locked out until when, and keeps it
// in the meeting's audit log. The row is written as the serve process
// itself (admin): no station's role may write one.
func (s *Server) lockout(l Lockout) {
	t := i18n.New(s.o.Lang)
	if l.Addr != "" {
		s.log.Print(t.F("sec.lockout.addr", l.Addr, l.Role, l.Until.Format("15:04:05"), l.Failures, int(FailWindow.Minutes())))
	} else {
		s.log.Print(t.F("sec.lockout.role", l.Role, l.Until.Format("15:04:05"), l.Failures, int(FailWindow.Minutes())))
	}
	if err := s.o.Store.RecordSecurity(context.Background(), "lockout", l); err != nil {
		s.log.Printf("lockout not audited: %v", err)
	}
}

// hostOf is the address without its port: a device reconnects from a new
// port each time.
func hostOf(a net.Addr) string {
	h, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return h
}

// admit takes a connection slot, or refuses the connection when every
// slot is taken; the connection must log in within loginTimeout.
func (s *Server) admit(ctx ssh.Context, c net.Conn) net.Conn {
	select {
	case s.conns <- struct{}{}:
	default:
		s.log.Printf("refused a connection from %s: %d connections open", hostOf(c.RemoteAddr()), cap(s.conns))
		c.Close()
		return nil
	}
	c.SetDeadline(time.Now().Add(loginTimeout))
	sc := &slotConn{Conn: c, free: func() { <-s.conns }}
	ctx.SetValue(connKey, sc)
	return sc
}

const connKey ctxKey = "doithoai.conn"

// slotConn gives its connection slot back when closed.
type slotConn struct {
	net.Conn
	once sync.Once
	free func()
}

func (c *slotConn) Close() error {
	c.once.Do(c.free)
	return c.Conn.Close()
}

func (s *Server) publicKeyAuth(ctx ssh.Context, key ssh.PublicKey) bool {
	r := store.Role(ctx.User())
	comment, ok := s.Access().CheckKey(r, key)
	if ok {
		// The key checked here may not be the one finally proven; the
		// session reads the proven key from sess.PublicKey and only uses
		// this comment if the keys match.
		ctx.SetValue(keyComment, commentFor{key: key, comment: comment})
	}
	return ok
}

type commentFor struct {
	key     ssh.PublicKey
	comment string
}

// banner tells a device that cannot log in why, before it asks for a
// passcode it could never give: the client prints it, where a refusal
// only says "Permission denied". A station that can be opened gets no
// banner. Both languages: the device's choice is known only after login.
func (s *Server) banner(ctx ssh.Context) string {
	r := store.Role(ctx.User())
	a := s.Access()
	switch {
	case !roleOK(r):
		return fmt.Sprintf("doithoai: «%s» không phải tên vị trí. Dùng một trong: %s.\r\n"+
			"doithoai: %q is not a station. Use one of: %s.\r\n", ctx.User(), roleList(), ctx.User(), roleList())
	case a.Roles[r] == nil:
		return fmt.Sprintf("doithoai: vị trí %s chưa mở cho máy khác (chưa có mật mã hay khóa). Nhờ thư ký chạy: doithoai serve --passcode %s=MẬT-MÃ\r\n"+
			"doithoai: the %s station is not open to other devices yet (no passcode or key). Ask the secretariat to run: doithoai serve --passcode %s=CODE\r\n", r, r, r, r)
	}
	return ""
}

func refusal(a *Access, r store.Role, method string) string {
	switch {
	case !roleOK(r):
		return "unknown role"
	case a.Roles[r] == nil:
		return "role has no credentials"
	}
	return "wrong " + method
}

// track counts live sessions so Shutdown can wait for them, and refuses
// one past MaxSessions. A session is logged in: its connection loses the
// login deadline.
func (s *Server) track(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.sessions.Add(1)
		defer s.sessions.Done()
		if c, ok := sess.Context().Value(connKey).(*slotConn); ok {
			c.SetDeadline(time.Time{})
		}
		select {
		case s.active <- struct{}{}:
			defer func() { <-s.active }()
		default:
			s.log.Printf("refused a session of %s: %d sessions open", Who(sess), cap(s.active))
			wish.Fatalln(sess, fmt.Sprintf("doithoai: đã đủ %d phiên, hãy thử lại sau. / %d sessions are open already: try again later.", cap(s.active), cap(s.active)))
			return
		}
		next(sess)
		// Send the exit status before Shutdown, which waits for this, closes
		// the connection: the library would only send it after we return.
		// (A handler that exited already makes this a no-op error.)
		_ = sess.Exit(0)
	}
}

// Who names the person behind a session for the audit log: the SSH user
// (the role), the device's address and, with a key, its comment and
// fingerprint. The port is left out so a reconnecting device keeps its
// drafts.
func Who(sess ssh.Session) string {
	host := sess.RemoteAddr().String()
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	who := sess.User() + "@" + host
	if k := sess.PublicKey(); k != nil {
		who += " key " + gossh.FingerprintSHA256(k)
		if c, ok := sess.Context().Value(keyComment).(commentFor); ok && ssh.KeysEqual(c.key, k) && c.comment != "" {
			who += " (" + c.comment + ")"
		}
	}
	return who
}
