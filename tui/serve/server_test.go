package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/crypto/bcrypt"
	gossh "golang.org/x/crypto/ssh"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/tui/i18n"
)

func init() { bcryptCost = bcrypt.MinCost } // keep the tests fast

// testMeeting opens the demo meeting in a temp dir.
func testMeeting(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "meeting.db")
	st, err := store.Open(ctx, path, store.Options{Create: true, PollEvery: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.LoadSeed(ctx, seed); err != nil {
		t.Fatal(err)
	}
	return st
}

// startServer serves st on a free loopback port; the server is shut down
// before the store closes.
func startServer(t *testing.T, st *store.Store, a *Access) *Server {
	t.Helper()
	return startWith(t, Options{Store: st, Path: st.Path(), Listen: "127.0.0.1:0", Access: a, Lang: i18n.EN, Log: testLog{t}})
}

// startWith serves with options o (a free loopback port, say).
func startWith(t *testing.T, o Options) *Server {
	t.Helper()
	srv, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return srv
}

type testLog struct{ t *testing.T }

func (l testLog) Write(b []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

func passcodes(t *testing.T, kv ...string) *Access {
	t.Helper()
	a := &Access{}
	for i := 0; i+1 < len(kv); i += 2 {
		if err := a.SetPasscode(store.Role(kv[i]), kv[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// dial logs in as user with the given auth methods, remembering the host key.
func dial(srv *Server, user string, hostKey *gossh.PublicKey, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", srv.Addr().String(), &gossh.ClientConfig{
		User: user,
		Auth: auth,
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error {
			if hostKey != nil {
				*hostKey = k
			}
			return nil
		},
		Timeout: 5 * time.Second,
	})
}

// A device that can never log in is told why before it is asked for a
// passcode; a station that is open gets no banner.
func TestRefusalBanner(t *testing.T) {
	st := testMeeting(t)
	srv := startServer(t, st, passcodes(t, "checkin", "123456"))
	for user, want := range map[string]string{
		"agenda":  "the agenda station is not open to other devices yet",
		"mallory": `"mallory" is not a station`,
		"checkin": "",
	} {
		var got string
		cl, _ := gossh.Dial("tcp", srv.Addr().String(), &gossh.ClientConfig{
			User: user, Auth: []gossh.AuthMethod{gossh.Password("123456")},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(),
			BannerCallback:  func(m string) error { got = m; return nil },
			Timeout:         5 * time.Second,
		})
		if cl != nil {
			cl.Close()
		}
		if want == "" && got != "" || !strings.Contains(got, want) {
			t.Errorf("%s: banner %q, want %q", user, got, want)
		}
	}
}

func TestLoginAndRefusal(t *testing.T) {
	st := testMeeting(t)
	srv := startServer(t, st, passcodes(t, "checkin", "123456", "qa", "s3cret-qa"))
	cases := []struct {
		user, pass string
		ok         bool
	}{
		{"checkin", "123456", true},
		{"qa", "s3cret-qa", true},
		{"checkin", "654321", false},     // wrong passcode
		{"checkin", "", false},           // empty passcode
		{"qa", "123456", false},          // another role's passcode
		{"agenda", "123456", false},      // role without credentials
		{"admin", "123456", false},       // admin is never remote
		{"setup", "123456", false},       // not a station role
		{"mallory", "123456", false},     // unknown user
		{"CHECKIN", "123456", false},     // user names are exact
		{"checkin ", "123456", false},    // no trimming either
		{"checkin\x00", "123456", false}, // nor NULs
		{"../checkin", "123456", false},  // nor paths
		{"screen", "s3cret-qa", false},   // role without credentials
		{"reports", "s3cret-qa", false},  // role without credentials
	}
	for _, c := range cases {
		cl, err := dial(srv, c.user, nil, gossh.Password(c.pass))
		if c.ok != (err == nil) {
			t.Errorf("%q / %q: login err = %v, want ok=%v", c.user, c.pass, err, c.ok)
		}
		if cl != nil {
			cl.Close()
		}
	}
}

func TestPublicKeyLogin(t *testing.T) {
	st := testMeeting(t)
	a := &Access{}
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	sshPub, _ := gossh.NewPublicKey(pub)
	signer, _ := gossh.NewSignerFromKey(priv)
	line := append(bytes.TrimSpace(gossh.MarshalAuthorizedKey(sshPub)), " lan@tablet\n"...)
	if n, err := a.AddKeys(store.RoleQA, line); n != 1 || err != nil {
		t.Fatalf("AddKeys: %d %v", n, err)
	}
	if n, _ := a.AddKeys(store.RoleQA, line); n != 0 {
		t.Errorf("the same key was added twice")
	}
	_, otherPriv, _ := ed25519.GenerateKey(rand.Reader)
	other, _ := gossh.NewSignerFromKey(otherPriv)
	srv := startServer(t, st, a)

	cl, err := dial(srv, "qa", nil, gossh.PublicKeys(signer))
	if err != nil {
		t.Fatalf("key login as qa: %v", err)
	}
	cl.Close()
	if cl, err := dial(srv, "checkin", nil, gossh.PublicKeys(signer)); err == nil {
		cl.Close()
		t.Error("qa's key opened checkin")
	}
	if cl, err := dial(srv, "qa", nil, gossh.PublicKeys(other)); err == nil {
		cl.Close()
		t.Error("an unknown key opened qa")
	}
}

// TestHostKeyKept: the host key is created beside the meeting on the first
// start and the same key is served after a restart.
func TestHostKeyKept(t *testing.T) {
	st := testMeeting(t)
	a := passcodes(t, "screen", "chieu-2023")
	var k1, k2 gossh.PublicKey
	for i, k := range []*gossh.PublicKey{&k1, &k2} {
		srv, err := New(Options{Store: st, Path: st.Path(), Listen: "127.0.0.1:0", Access: a})
		if err != nil {
			t.Fatal(err)
		}
		if err := srv.Start(); err != nil {
			t.Fatal(err)
		}
		cl, err := dial(srv, "screen", k, gossh.Password("chieu-2023"))
		if err != nil {
			t.Fatalf("start %d: %v", i, err)
		}
		cl.Close()
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		srv.Shutdown(ctx)
		cancel()
	}
	if k1 == nil || !bytes.Equal(k1.Marshal(), k2.Marshal()) {
		t.Errorf("host key changed across restarts")
	}
	if _, err := LoadAccess(AccessPath(st.Path())); err != nil {
		t.Error(err)
	}
	if b, err := os.ReadFile(HostKeyPath(st.Path())); err != nil || !bytes.Contains(b, []byte("PRIVATE KEY")) {
		t.Errorf("host key file: %v", err)
	}
}

// term is one PTY session: what the server wrote, ANSI stripped.
type term struct {
	// silent: do not answer terminal queries, as some SSH apps don't
	silent bool
	sess   *gossh.Session
	in     io.WriteCloser
	mu     sync.Mutex
	out    bytes.Buffer
	ended  chan error
}

func openTerm(t *testing.T, cl *gossh.Client, w, h int) *term {
	t.Helper()
	return openTermWith(t, cl, w, h, false)
}

func openTermWith(t *testing.T, cl *gossh.Client, w, h int, silent bool) *term {
	t.Helper()
	sess, err := cl.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	tm := &term{sess: sess, ended: make(chan error, 1), silent: silent}
	tm.in, _ = sess.StdinPipe()
	sess.Stdout = tm
	sess.Stderr = tm
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { tm.ended <- sess.Wait() }()
	t.Cleanup(func() { sess.Close() })
	return tm
}

// Write collects the output and answers the terminal queries a terminal
// emulator answers: wish asks for the background colour and then for the
// device attributes (DA1) and waits for the answer before the first frame.
func (tm *term) Write(b []byte) (int, error) {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	if !tm.silent && bytes.Contains(b, []byte("\x1b[c")) {
		go io.WriteString(tm.in, "\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c")
	}
	return tm.out.Write(b)
}

// text is everything drawn so far, escape codes removed.
func (tm *term) text() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.Strip(tm.out.String())
}

// waitFor waits until the screen output contains s.
func (tm *term) waitFor(t *testing.T, s string, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if strings.Contains(tm.text(), s) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	out := tm.text()
	if len(out) > 3000 {
		out = out[len(out)-3000:]
	}
	t.Fatalf("%q did not appear within %v; screen output ends with:\n%s", s, d, out)
}

func (tm *term) send(t *testing.T, s string) {
	t.Helper()
	if _, err := io.WriteString(tm.in, s); err != nil {
		t.Fatal(err)
	}
}

func TestNoPTYRefused(t *testing.T) {
	st := testMeeting(t)
	srv := startServer(t, st, passcodes(t, "checkin", "123456"))
	cl, err := dial(srv, "checkin", nil, gossh.Password("123456"))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	sess, err := cl.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.CombinedOutput("")
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 || !strings.Contains(string(out), "PTY") {
		t.Errorf("session without a terminal: %v %q", err, out)
	}
}

// TestSessionIsConfinedToItsStation: a checkin session shows the check-in
// station and the station keys do not leave it.
func TestSessionIsConfinedToItsStation(t *testing.T) {
	st := testMeeting(t)
	srv := startServer(t, st, passcodes(t, "screen", "chieu-2023"))
	cl, err := dial(srv, "screen", nil, gossh.Password("chieu-2023"))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	tm := openTerm(t, cl, 80, 24)
	cat := i18n.New(i18n.EN)
	// the projector has no header: wait for the meeting's title instead
	title := meetingWords(t, st)
	tm.waitFor(t, title, 10*time.Second)
	// F2 (check-in), 1 and Esc would leave the station in a local session
	tm.send(t, "\x1bOQ")
	tm.send(t, "1")
	tm.send(t, "\x1b")
	time.Sleep(300 * time.Millisecond)
	if s := tm.text(); strings.Contains(s, strings.ToUpper(cat.T("station.checkin"))) || strings.Contains(s, cat.T("home.title")) {
		t.Errorf("the screen session left its station:\n%s", s)
	}
	tm.send(t, "\x03") // ctrl+c ends the session
	select {
	case <-tm.ended:
	case <-time.After(5 * time.Second):
		t.Error("ctrl+c did not end the session")
	}
}

// typeText sends s one rune at a time, as a person types.
func (tm *term) typeText(t *testing.T, s string) {
	t.Helper()
	for _, r := range s {
		tm.send(t, string(r))
		time.Sleep(15 * time.Millisecond)
	}
}

// TestCheckInOverSSH logs in to the check-in desk with its passcode, finds a
// delegate by typing part of the name without accents, presses Enter, and
// expects the check-in in the store, written as station "checkin" by the
// SSH user. A second desk, in its own session and size, sees the arrival.
func TestCheckInOverSSH(t *testing.T) {
	st := testMeeting(t)
	ctx := context.Background()
	srv := startServer(t, st, passcodes(t, "checkin", "123456"))
	ds, err := st.Delegates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var target store.Delegate
	for _, d := range ds {
		if d.FullName == "Trần Minh Đức" {
			target = d
		}
	}
	if target.ID == 0 {
		t.Fatal("demo delegate Trần Minh Đức not found")
	}
	cat := i18n.New(i18n.EN)

	open := func(w, h int) *term {
		cl, err := dial(srv, "checkin", nil, gossh.Password("123456"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cl.Close() })
		tm := openTerm(t, cl, w, h)
		tm.waitFor(t, strings.ToUpper(cat.T("station.checkin")), 10*time.Second)
		return tm
	}
	desk := open(80, 24)
	other := open(120, 30)

	desk.typeText(t, "tran minh")
	desk.waitFor(t, target.FullName, 5*time.Second)
	desk.send(t, "\r")
	entered := time.Now()

	deadline := time.Now().Add(5 * time.Second)
	for {
		d, err := st.Delegate(ctx, target.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Arrived() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no check-in after Enter; the desk shows:\n%s", tail(desk.text(), 2000))
		}
		time.Sleep(20 * time.Millisecond)
	}
	h, err := st.History(ctx, "checkin", target.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 1 || h[0].Station != "checkin" || h[0].User != "checkin@127.0.0.1" {
		t.Errorf("audit of the check-in: %+v", h)
	}
	// The other desk is told through the store's watch, within the
	// design's half second (plus its reload and redraw).
	if i18n.Has("checkin.tally.line") {
		_, _, total, _ := st.Tallies(ctx)
		other.waitFor(t, cat.F("checkin.tally.line", 1, total.Expected+total.WalkIns), 3*time.Second)
		t.Logf("the other desk showed the arrival %v after Enter at the first", time.Since(entered).Round(time.Millisecond))
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// TestShutdownEndsSessions: stopping the server quits each session's
// program (its terminal leaves the alternate screen) and closes it cleanly.
func TestShutdownEndsSessions(t *testing.T) {
	st := testMeeting(t)
	srv, err := New(Options{Store: st, Path: st.Path(), Listen: "127.0.0.1:0", Access: passcodes(t, "screen", "chieu-2023"), Lang: i18n.EN})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	cl, err := dial(srv, "screen", nil, gossh.Password("chieu-2023"))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	tm := openTerm(t, cl, 80, 24)
	tm.waitFor(t, meetingWords(t, st), 10*time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	start := time.Now()
	if err := srv.Shutdown(ctx); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	select {
	case err := <-tm.ended:
		if err != nil {
			t.Errorf("session ended with %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("session still open after shutdown")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("shutdown took %v: sessions were cut, not quit", d)
	}
	if !strings.Contains(tm.out.String(), "\x1b[?1049l") {
		t.Error("the session did not leave the alternate screen")
	}
}

// TestAccessFileReloaded: credentials changed in the access file (by
// `doithoai serve --set-only …` in another terminal) apply at the next
// login, without restarting the server.
func TestAccessFileReloaded(t *testing.T) {
	st := testMeeting(t)
	path := AccessPath(st.Path())
	a := passcodes(t, "checkin", "123456")
	if err := a.Save(path); err != nil {
		t.Fatal(err)
	}
	srv, err := New(Options{Store: st, Path: st.Path(), Listen: "127.0.0.1:0", Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}()
	login := func(user, pass string) bool {
		cl, err := dial(srv, user, nil, gossh.Password(pass))
		if cl != nil {
			cl.Close()
		}
		return err == nil
	}
	if !login("checkin", "123456") {
		t.Fatal("login with the saved passcode failed")
	}
	a.Revoke(store.RoleCheckin)
	if err := a.SetPasscode(store.RoleAgenda, "dieu-hanh"); err != nil {
		t.Fatal(err)
	}
	if err := a.Save(path); err != nil {
		t.Fatal(err)
	}
	if login("checkin", "123456") {
		t.Error("a revoked passcode still opens checkin")
	}
	if !login("agenda", "dieu-hanh") {
		t.Error("a new passcode was not picked up")
	}
	if err := os.WriteFile(path, []byte("{broken"), 0o600); err != nil {
		t.Fatal(err)
	}
	if !login("agenda", "dieu-hanh") {
		t.Error("a broken access file dropped the last good credentials")
	}
}

// TestSilentTerminal: a terminal that answers no queries still gets its
// screen promptly, and what the person typed before the first frame is not
// lost.
func TestSilentTerminal(t *testing.T) {
	st := testMeeting(t)
	srv := startServer(t, st, passcodes(t, "checkin", "123456"))
	cl, err := dial(srv, "checkin", nil, gossh.Password("123456"))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	start := time.Now()
	tm := openTermWith(t, cl, 80, 24, true)
	tm.send(t, "tran minh") // before the first frame
	tm.waitFor(t, strings.ToUpper(i18n.New(i18n.EN).T("station.checkin")), 3*time.Second)
	t.Logf("first frame after %v without answers", time.Since(start).Round(time.Millisecond))
	tm.waitFor(t, "Trần Minh Đức", 3*time.Second)
}

// meetingWords is the start of the meeting's title, which every station
// shows (the projector has no header with the station's name).
func meetingWords(t *testing.T, st *store.Store) string {
	t.Helper()
	m, err := st.Meeting(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	w := strings.Fields(m.Title)
	if len(w) > 3 {
		w = w[:3]
	}
	return strings.Join(w, " ")
}

// TestDroppedConnectionEndsSession: when a device's connection drops, its
// session gets the clean shutdown (drafts saved) and then ends, leaving
// nothing running on the server.
func TestDroppedConnectionEndsSession(t *testing.T) {
	st := testMeeting(t)
	srv := startServer(t, st, passcodes(t, "qa", "thu-ky-2023"))
	cl, err := dial(srv, "qa", nil, gossh.Password("thu-ky-2023"))
	if err != nil {
		t.Fatal(err)
	}
	tm := openTerm(t, cl, 80, 24)
	tm.waitFor(t, meetingWords(t, st), 10*time.Second)
	running := func() int {
		srv.mu.Lock()
		defer srv.mu.Unlock()
		return len(srv.programs)
	}
	if n := running(); n != 1 {
		t.Fatalf("%d programs running, want 1", n)
	}
	cl.Close() // the Wi-Fi goes
	deadline := time.Now().Add(dropGrace + 2*time.Second)
	for running() > 0 {
		if time.Now().After(deadline) {
			t.Fatal("the session of a dropped connection is still running")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
