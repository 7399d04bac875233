package serve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"doithoai/store"
	"doithoai/tui/i18n"
)

func TestAccessSaveLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db.access")
	a, err := LoadAccess(path)
	if err != nil || len(a.Open()) != 0 || len(a.Closed()) != len(store.Roles) {
		t.Fatalf("missing file: %v %v", a, err)
	}
	if err := a.SetPasscode(store.RoleCheckin, "123456"); err != nil {
		t.Fatal(err)
	}
	if err := a.SetPasscode(store.RoleCheckin, "123"); err == nil {
		t.Error("a 3-character passcode was accepted")
	}
	if err := a.SetPasscode(store.RoleAdmin, "123456"); err == nil {
		t.Error("admin got a passcode")
	}
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	k, _ := gossh.NewPublicKey(pub)
	if _, err := a.AddKeys(store.RoleQA, gossh.MarshalAuthorizedKey(k)); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddKeys(store.RoleQA, []byte("not a key\n")); err == nil {
		t.Error("garbage accepted as a key")
	}
	if err := a.Save(path); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if bytes.Contains(b, []byte("123456")) {
		t.Errorf("the passcode is stored in clear:\n%s", b)
	}
	if st, _ := os.Stat(path); st.Mode().Perm()&0o077 != 0 {
		t.Errorf("access file mode %v: others can read it", st.Mode())
	}
	b2, err := LoadAccess(path)
	if err != nil {
		t.Fatal(err)
	}
	if !b2.CheckPasscode(store.RoleCheckin, "123456") || b2.CheckPasscode(store.RoleCheckin, "12345") ||
		b2.CheckPasscode(store.RoleQA, "123456") || b2.CheckPasscode("admin", "123456") {
		t.Error("passcodes after reload")
	}
	if _, ok := b2.CheckKey(store.RoleQA, k); !ok {
		t.Error("key lost on reload")
	}
	if _, ok := b2.CheckKey(store.RoleCheckin, k); ok {
		t.Error("qa's key opens checkin")
	}
	b2.Revoke(store.RoleCheckin)
	if b2.CheckPasscode(store.RoleCheckin, "123456") {
		t.Error("revoked passcode still opens")
	}
	got := b2.Closed()
	if len(got) != 5 || got[0] != store.RoleCheckin || got[4] != store.RoleFollowup {
		t.Errorf("closed roles %v", got)
	}
}

func TestParseAccessRefuses(t *testing.T) {
	for _, s := range []string{
		``, `{`, `[]`,
		`{"roles":{"admin":{"passcode_bcrypt":"$2a$04$abcdefghijklmnopqrstuu5XyIGq0bGdBjZ2iK2HnS0ckXzPIHbQ1u"}}}`,
		`{"roles":{"checkin":{"passcode_bcrypt":"123456"}}}`,
		`{"roles":{"qa":{"authorized_keys":["ssh-ed25519 AAAA"]}}}`,
		`{"roles":{"qa":{}},"extra":1}`,
	} {
		if _, err := ParseAccess([]byte(s)); err == nil {
			t.Errorf("accepted %q", s)
		}
	}
}

// FuzzParseAccess: the access file is outside data; ParseAccess never
// panics, and what it accepts saves and parses again to the same roles.
func FuzzParseAccess(f *testing.F) {
	a := &Access{}
	a.SetPasscode(store.RoleCheckin, "123456")
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	k, _ := gossh.NewPublicKey(pub)
	a.AddKeys(store.RoleQA, gossh.MarshalAuthorizedKey(k))
	path := filepath.Join(f.TempDir(), "a")
	a.Save(path)
	good, _ := os.ReadFile(path)
	f.Add(good)
	f.Add([]byte(`{"roles":{}}`))
	f.Add([]byte(`{"roles":{"screen":null}}`))
	f.Add([]byte(`{"roles":{"checkin":{"passcode_bcrypt":"x"}}}`))
	// written before the length was kept (a four-digit passcode), and a length alone
	f.Add([]byte(`{"roles":{"agenda":{"passcode_bcrypt":"$2a$04$9ZVw0rK3Jf3d4mW0vYlCq.0Xq5mD6dFz0z1pTqQ4m1xJmV1o0m1Gy"}}}`))
	f.Add([]byte(`{"roles":{"agenda":{"passcode_length":-3}}}`))
	f.Add([]byte(`{"roles":{"qa":{"passcode_length":4,"authorized_keys":[]}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ParseAccess(b)
		if err != nil {
			return
		}
		p := filepath.Join(t.TempDir(), "a")
		if err := a.Save(p); err != nil {
			t.Fatal(err)
		}
		a2, err := LoadAccess(p)
		if err != nil {
			t.Fatalf("saved access does not load: %v", err)
		}
		if len(a2.Open()) != len(a.Open()) {
			t.Fatalf("roles changed on round trip")
		}
		if w1, w2 := a.Weak(), a2.Weak(); len(w1) != len(w2) {
			t.Fatalf("weak passcodes changed on round trip: %v, %v", w1, w2)
		}
	})
}

func TestHostsAndDescribe(t *testing.T) {
	if h := Hosts(&net.TCPAddr{IP: net.ParseIP("192.168.1.10"), Port: 2323}); len(h) != 1 || h[0] != "192.168.1.10" {
		t.Errorf("Hosts(192.168.1.10) = %v", h)
	}
	for _, h := range Hosts(&net.TCPAddr{IP: net.IPv4zero, Port: 2323}) {
		if ip := net.ParseIP(h); ip == nil || ip.IsLoopback() || ip.To4() == nil {
			t.Errorf("Hosts(0.0.0.0) lists %q", h)
		}
	}
	st := testMeeting(t)
	srv := startServer(t, st, passcodes(t, "checkin", "123456"))
	var out bytes.Buffer
	srv.Describe(&out)
	s := out.String()
	port := srv.Addr().(*net.TCPAddr).Port
	cat := i18n.New(i18n.EN)
	for _, want := range []string{
		"ssh -p " + strconv.Itoa(port) + " checkin@127.0.0.1",
		"--listen THIS-LAPTOP'S-ADDRESS:" + strconv.Itoa(port),
		cat.F("serve.closed", "agenda, qa, screen, reports"),
		"SHA256:",
		cat.F("sec.serve.host", "127.0.0.1", hostKeyFingerprint(srv.o.HostKeyPath)), // beside the commands of that address
	} {
		if !strings.Contains(s, want) {
			t.Errorf("start-up text lacks %q:\n%s", want, s)
		}
	}
}
