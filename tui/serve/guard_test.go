package serve

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"doithoai/store"
	"doithoai/tui/i18n"
)

// fakeClock is the guard's clock, moved by the test.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// consoleLog keeps the server's lines with the fake time they were written.
type consoleLog struct {
	mu    sync.Mutex
	clock *fakeClock
	lines []string
	at    []time.Time
}

func (l *consoleLog) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, strings.TrimSpace(string(b)))
	l.at = append(l.at, l.clock.now())
	return len(b), nil
}

func (l *consoleLog) matching(s string) (times []time.Time, lines []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, line := range l.lines {
		if strings.Contains(line, s) {
			times, lines = append(times, l.at[i]), append(lines, line)
		}
	}
	return times, lines
}

func guardServer(t *testing.T, a *Access, max int) (*Server, *store.Store, *fakeClock, *consoleLog) {
	t.Helper()
	st := testMeeting(t)
	clock := &fakeClock{t: time.Date(2023, 10, 18, 7, 30, 0, 0, time.Local)}
	log := &consoleLog{clock: clock}
	srv := startWith(t, Options{Store: st, Path: st.Path(), Listen: "127.0.0.1:0", Access: a, Lang: i18n.EN, Log: log,
		Now: clock.now, MaxSessions: max})
	return srv, st, clock, log
}

// dialFrom logs in from the loopback address from (127.0.0.2 …), as a
// device on another address of the hall network would.
func dialFrom(srv *Server, from, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 5 * time.Second}
	conn, err := d.Dial("tcp", srv.Addr().String())
	if err != nil {
		return nil, err
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, srv.Addr().String(), &gossh.ClientConfig{
		User: user, Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second,
	})
	if err != nil {
		conn.Close()
		return nil, err
	}
	return gossh.NewClient(c, chans, reqs), nil
}

func lockouts(t *testing.T, st *store.Store) []Lockout {
	t.Helper()
	h, err := st.History(context.Background(), "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []Lockout
	for _, e := range h {
		if e.Action == "lockout" && e.Entity == "ssh" {
			var l Lockout
			if err := json.Unmarshal([]byte(e.After), &l); err != nil {
				t.Fatal(err)
			}
			if e.Station != st.Actor().Station || e.User != "" {
				t.Errorf("lockout written as %q %q, not as the serve process", e.Station, e.User)
			}
			out = append(out, l)
		}
	}
	return out
}

// 200 guesses of the agenda passcode from one address, three seconds
// apart on the guard's clock (ten minutes): no minute sees more than 5
// passcodes checked, the address is refused for 1, 2, 4 … minutes, each
// lockout is on the console and in the audit log; meanwhile the agenda
// desk on another address logs in with the right passcode.
func TestGuessingIsStopped(t *testing.T) {
	const right = "483920"
	srv, st, clock, log := guardServer(t, passcodes(t, "agenda", right), 0)
	start := clock.now()
	logins := 0
	for i := 0; i < 200; i++ {
		guess := fmt.Sprintf("%06d", i*37)
		if cl, err := dialFrom(srv, "127.0.0.2", "agenda", gossh.Password(guess)); err == nil {
			cl.Close()
			t.Fatalf("guess %s logged in", guess)
		}
		if i%40 == 39 { // the real desk, during the attack
			cl, err := dialFrom(srv, "127.0.0.3", "agenda", gossh.Password(right))
			if err != nil {
				t.Fatalf("the desk at 127.0.0.3 was refused during the attack (guess %d): %v", i, err)
			}
			cl.Close()
			logins++
		}
		clock.add(3 * time.Second)
	}
	checked, _ := log.matching(`from 127.0.0.2: wrong passcode`)
	refused, _ := log.matching(`from 127.0.0.2: passcodes refused until`)
	for i := range checked {
		n := 0
		for _, at := range checked[i:] {
			if at.Sub(checked[i]) < time.Minute {
				n++
			}
		}
		if n > AddrFailures {
			t.Fatalf("%d passcodes checked within the minute from %s", n, checked[i].Sub(start))
		}
	}
	if len(checked)+len(refused) != 200 || len(checked) > 25 || len(checked) < 15 {
		t.Errorf("%d guesses checked, %d refused unchecked", len(checked), len(refused))
	}
	t.Logf("200 guesses over %v: %d checked, %d refused; the desk logged in %d times", clock.now().Sub(start), len(checked), len(refused), logins)

	_, lines := log.matching("LOCKOUT: 127.0.0.2 (trying the agenda passcode) is refused until")
	ls := lockouts(t, st)
	if len(lines) < 3 || len(ls) != len(lines) {
		t.Fatalf("%d lockouts on the console, %d in the audit log:\n%s", len(lines), len(ls), strings.Join(lines, "\n"))
	}
	for i, l := range ls {
		want := AddrFirstLock << i
		if l.Addr != "127.0.0.2" || l.Role != store.RoleAgenda || l.Strike != i+1 || l.Failures != AddrFailures {
			t.Errorf("lockout %d: %+v", i, l)
		}
		if i > 0 && l.Until.Sub(ls[i-1].Until) < want {
			t.Errorf("lockout %d lasts less than %v: %+v after %+v", i, want, l, ls[i-1])
		}
	}
	t.Logf("console: %s", lines[len(lines)-1])
}

// The lock grows to an hour and stays there; an hour's quiet after it
// forgets the strikes.
func TestAddressLockGrows(t *testing.T) {
	clock := &fakeClock{t: time.Date(2023, 10, 18, 7, 30, 0, 0, time.Local)}
	g := newGuard(clock.now)
	var got []time.Duration
	for strike := 0; strike < 9; strike++ {
		var ls []Lockout
		for i := 0; i < AddrFailures; i++ {
			if ok, _ := g.allow("10.0.0.66", store.RoleQA); !ok {
				t.Fatalf("strike %d: refused before 5 failures", strike)
			}
			ls = append(ls, g.fail("10.0.0.66", store.RoleQA, false)...)
		}
		if len(ls) != 1 {
			t.Fatalf("strike %d: %v", strike, ls)
		}
		got = append(got, ls[0].Until.Sub(clock.now()))
		if ok, _ := g.allow("10.0.0.66", store.RoleQA); ok {
			t.Fatal("not refused after the lockout")
		}
		if ok, _ := g.allow("10.0.0.67", store.RoleQA); !ok {
			t.Fatal("another address refused")
		}
		clock.t = ls[0].Until
	}
	want := []time.Duration{1, 2, 4, 8, 16, 32, 60, 60, 60}
	for i := range want {
		if got[i] != want[i]*time.Minute {
			t.Fatalf("lockouts %v, want %v minutes", got, want)
		}
	}
	clock.add(AddrMaxLock + time.Second)
	for i := 0; i < AddrFailures-1; i++ {
		g.fail("10.0.0.66", store.RoleQA, false)
	}
	if ls := g.fail("10.0.0.66", store.RoleQA, false); len(ls) != 1 || ls[0].Until.Sub(clock.now()) != AddrFirstLock {
		t.Fatalf("after an hour's quiet: %v", ls)
	}
}

// 30 wrong agenda passcodes from ten addresses (the last at 07:34:50)
// lock the agenda passcode for 5 minutes: the right one from a clean address is refused, the
// desk's key still opens it; 5 minutes later the passcode works again.
func TestRoleLock(t *testing.T) {
	const right = "771204"
	a := passcodes(t, "agenda", right, "qa", "902113")
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	sshPub, _ := gossh.NewPublicKey(pub)
	signer, _ := gossh.NewSignerFromKey(priv)
	a.AddKeys(store.RoleAgenda, gossh.MarshalAuthorizedKey(sshPub))
	srv, st, clock, log := guardServer(t, a, 0)
	for i := 0; i < RoleFailures; i++ {
		from := fmt.Sprintf("127.0.0.%d", 10+i/3) // three each: no address is locked
		if cl, err := dialFrom(srv, from, "agenda", gossh.Password("000000")); err == nil {
			cl.Close()
			t.Fatal("a wrong passcode logged in")
		}
		clock.add(10 * time.Second)
	}
	if cl, err := dialFrom(srv, "127.0.0.40", "agenda", gossh.Password(right)); err == nil {
		cl.Close()
		t.Fatal("the agenda passcode was not locked")
	}
	cl, err := dialFrom(srv, "127.0.0.40", "agenda", gossh.PublicKeys(signer))
	if err != nil {
		t.Fatalf("the agenda key was refused during the lock: %v", err)
	}
	cl.Close()
	if cl, err := dialFrom(srv, "127.0.0.40", "qa", gossh.Password("902113")); err != nil {
		t.Fatalf("qa was refused during agenda's lock: %v", err)
	} else {
		cl.Close()
	}
	if _, lines := log.matching("LOCKOUT: the agenda passcode is locked until 07:39:50"); len(lines) != 1 {
		_, all := log.matching("LOCKOUT")
		t.Fatalf("console: %q", all)
	}
	if ls := lockouts(t, st); len(ls) != 1 || ls[0].Addr != "" || ls[0].Role != store.RoleAgenda || ls[0].Failures != RoleFailures {
		t.Fatalf("audit: %+v", ls)
	}
	clock.add(RoleLock)
	cl, err = dialFrom(srv, "127.0.0.40", "agenda", gossh.Password(right))
	if err != nil {
		t.Fatalf("the passcode still locked after %v: %v", RoleLock, err)
	}
	cl.Close()
}

// No station may write a lockout: only the serve process (admin) can.
func TestStationsCannotForgeLockouts(t *testing.T) {
	st := testMeeting(t)
	for _, r := range store.Roles {
		err := st.As(store.Actor{Station: string(r), User: "x@10.0.0.9", Role: r}).RecordSecurity(context.Background(), "lockout", Lockout{Addr: "10.0.0.1"})
		if err == nil {
			t.Errorf("%s wrote a lockout", r)
		}
	}
}

// At most MaxSessions sessions at once; a window of 100000x100000 is
// drawn as MaxCols x MaxRows.
func TestSessionLimitAndHugeWindow(t *testing.T) {
	srv, _, _, _ := guardServer(t, passcodes(t, "screen", "chieu-2023"), 2)
	var terms []*term
	for i := 0; i < 2; i++ {
		cl, err := dialFrom(srv, "127.0.0.5", "screen", gossh.Password("chieu-2023"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cl.Close() })
		w := 80
		if i == 1 {
			w = 100000
		}
		terms = append(terms, openTerm(t, cl, w, w))
	}
	for _, tm := range terms {
		tm.waitFor(t, "Ba Đồn", 10*time.Second)
	}
	cl, err := dialFrom(srv, "127.0.0.5", "screen", gossh.Password("chieu-2023"))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	third := openTerm(t, cl, 80, 24)
	third.waitFor(t, "2 sessions are open already", 5*time.Second)
	// the huge one drew at most a few frames of MaxCols x MaxRows, not
	// frames of ten billion cells
	if n := len(terms[1].text()); n > 4*MaxCols*MaxRows {
		t.Fatalf("%d bytes drawn", n)
	}
	if w := clampWindow(ssh.Window{Width: 100000, Height: 100000}); w.Width != MaxCols || w.Height != MaxRows {
		t.Fatalf("clamped to %dx%d", w.Width, w.Height)
	}
	if w := clampWindow(ssh.Window{Width: -5, Height: 30}); w.Width != 0 || w.Height != 30 {
		t.Fatalf("clamped to %dx%d", w.Width, w.Height)
	}
}

// Connections that never log in hold at most twice MaxSessions slots:
// the next one is closed at once, and a slot comes back when one closes.
func TestConnectionLimit(t *testing.T) {
	srv, _, _, _ := guardServer(t, passcodes(t, "screen", "chieu-2023"), 2)
	var idle []net.Conn
	for i := 0; i < 4; i++ {
		c, err := net.Dial("tcp", srv.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.SetReadDeadline(time.Now().Add(2 * time.Second))
		if _, err := c.Read(make([]byte, 64)); err != nil { // the server's version line
			t.Fatalf("connection %d: %v", i, err)
		}
		idle = append(idle, c)
	}
	c, err := net.Dial("tcp", srv.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	c.SetReadDeadline(time.Now().Add(2 * time.Second))
	if n, err := c.Read(make([]byte, 64)); err == nil {
		t.Fatalf("a fifth connection was served (%d bytes)", n)
	}
	c.Close()
	idle[0].Close()
	deadline := time.Now().Add(3 * time.Second)
	for {
		cl, err := dialFrom(srv, "127.0.0.6", "screen", gossh.Password("chieu-2023"))
		if err == nil {
			cl.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no slot came back: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// serve warns at start about a passcode shorter than six characters, or
// of unknown length (an access file from an earlier version).
func TestWeakPasscodeWarning(t *testing.T) {
	a := passcodes(t, "checkin", "hoa-2023", "agenda", "123456")
	a.Roles[store.RoleAgenda].PasscodeLen = 0 // as an earlier version wrote it
	st := testMeeting(t)
	srv := startServer(t, st, a)
	var out strings.Builder
	srv.Describe(&out)
	cat := i18n.New(i18n.EN)
	if want := cat.F("sec.serve.weak", "agenda", MinPasscode); !strings.Contains(out.String(), want) {
		t.Fatalf("no warning %q in:\n%s", want, out.String())
	}
	if err := a.SetPasscode(store.RoleQA, "12345"); err == nil {
		t.Fatal("a five-character passcode was taken")
	}
}
