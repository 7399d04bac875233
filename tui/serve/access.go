package serve

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/ssh"
	"golang.org/x/crypto/bcrypt"
	gossh "golang.org/x/crypto/ssh"

	"doithoai/store"
)

// AccessPath is the access file kept beside the meeting file.
func AccessPath(meeting string) string { return meeting + ".access" }

// HostKeyPath is the SSH host key kept beside the meeting file, so that
// the stations' "known hosts" stay valid from one start to the next.
func HostKeyPath(meeting string) string { return meeting + ".hostkey" }

// MinPasscode is the shortest passcode accepted. With the guessing limits
// (guard.go) an attacker on the hall's Wi-Fi gets about 70 tries a day
// from one address: a million six-digit codes hold.
const MinPasscode = 6

// bcryptCost keeps a wrong guess at ~50 ms, which also slows guessing over
// the network; DefaultCost (10) on a hall laptop.
var bcryptCost = bcrypt.DefaultCost

// Access says who may log in as which role. It is stored as JSON; passcodes
// only as bcrypt hashes (salted, compared in constant time by bcrypt).
type Access struct {
	Roles map[store.Role]*Credentials `json:"roles"`
}

// Credentials of one role: a passcode, authorized public keys, or both.
// PasscodeLen is the passcode's length in characters, kept so serve can
// warn about short ones (the hash cannot say); 0 in files written before
// it was kept.
type Credentials struct {
	Passcode    string   `json:"passcode_bcrypt,omitempty"`
	PasscodeLen int      `json:"passcode_length,omitempty"`
	Keys        []string `json:"authorized_keys,omitempty"` // authorized_keys lines
}

// roleOK is true for the roles a remote station may take: never admin.
func roleOK(r store.Role) bool {
	for _, x := range store.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// ParseRole returns the station role named s (the SSH user name).
func ParseRole(s string) (store.Role, error) {
	r := store.Role(strings.ToLower(strings.TrimSpace(s)))
	if !roleOK(r) {
		return "", fmt.Errorf("unknown role %q (roles: %s)", s, roleList())
	}
	return r, nil
}

func roleList() string {
	var b []string
	for _, r := range store.Roles {
		b = append(b, string(r))
	}
	return strings.Join(b, ", ")
}

// LoadAccess reads the access file; a missing file is an empty Access
// (every role refused).
func LoadAccess(path string) (*Access, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return &Access{Roles: map[store.Role]*Credentials{}}, nil
	}
	if err != nil {
		return nil, err
	}
	a, err := ParseAccess(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// ParseAccess decodes and checks an access file: known roles only, bcrypt
// hashes, parseable keys.
func ParseAccess(b []byte) (*Access, error) {
	var a Access
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return nil, fmt.Errorf("access file: %w", err)
	}
	if a.Roles == nil {
		a.Roles = map[store.Role]*Credentials{}
	}
	for r, c := range a.Roles {
		if !roleOK(r) {
			return nil, fmt.Errorf("access file: unknown role %q", r)
		}
		if c == nil {
			delete(a.Roles, r)
			continue
		}
		if c.PasscodeLen < 0 {
			return nil, fmt.Errorf("access file: role %s: negative passcode length", r)
		}
		if c.Passcode != "" {
			if _, err := bcrypt.Cost([]byte(c.Passcode)); err != nil {
				return nil, fmt.Errorf("access file: role %s: passcode is not a bcrypt hash", r)
			}
		}
		for _, k := range c.Keys {
			if _, _, _, _, err := gossh.ParseAuthorizedKey([]byte(k)); err != nil {
				return nil, fmt.Errorf("access file: role %s: bad key %q: %v", r, short(k), err)
			}
		}
	}
	return &a, nil
}

func short(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// Save writes the access file atomically, readable by its owner only.
func (a *Access) Save(path string) error {
	b, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func (a *Access) creds(r store.Role) *Credentials {
	if a.Roles == nil {
		a.Roles = map[store.Role]*Credentials{}
	}
	c := a.Roles[r]
	if c == nil {
		c = &Credentials{}
		a.Roles[r] = c
	}
	return c
}

// SetPasscode replaces the passcode of role r.
func (a *Access) SetPasscode(r store.Role, passcode string) error {
	if !roleOK(r) {
		return fmt.Errorf("unknown role %q (roles: %s)", r, roleList())
	}
	if len([]rune(passcode)) < MinPasscode {
		return fmt.Errorf("passcode of %s: at least %d characters", r, MinPasscode)
	}
	h, err := bcrypt.GenerateFromPassword([]byte(passcode), bcryptCost)
	if err != nil {
		return fmt.Errorf("passcode of %s: %w", r, err)
	}
	c := a.creds(r)
	c.Passcode, c.PasscodeLen = string(h), len([]rune(passcode))
	return nil
}

// GeneratePasscode is a random six-digit passcode (crypto/rand), for
// --passcode ROLE=auto.
func GeneratePasscode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

// Weak lists, in store.Roles order, the roles whose passcode is shorter
// than MinPasscode, or of unknown length (set by an earlier version, which
// took four characters).
func (a *Access) Weak() []store.Role {
	var out []store.Role
	for _, r := range store.Roles {
		if c := a.Roles[r]; c != nil && c.Passcode != "" && c.PasscodeLen < MinPasscode {
			out = append(out, r)
		}
	}
	return out
}

// AddKeys adds the public keys in data (authorized_keys or .pub format,
// one or more lines) to role r, skipping keys it has already. It returns
// how many were new.
func (a *Access) AddKeys(r store.Role, data []byte) (int, error) {
	if !roleOK(r) {
		return 0, fmt.Errorf("unknown role %q (roles: %s)", r, roleList())
	}
	c := a.creds(r)
	added, found := 0, 0
	for rest := data; len(bytes.TrimSpace(rest)) > 0; {
		k, comment, _, next, err := gossh.ParseAuthorizedKey(rest)
		if err != nil {
			if found == 0 {
				return 0, fmt.Errorf("no public key found: %v", err)
			}
			break
		}
		found++
		rest = next
		if _, ok := c.match(k); ok {
			continue
		}
		line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k)))
		if comment != "" {
			line += " " + comment
		}
		c.Keys = append(c.Keys, line)
		added++
	}
	return added, nil
}

// Revoke removes every credential of role r: it is refused from then on.
func (a *Access) Revoke(r store.Role) { delete(a.Roles, r) }

// dummyHash is compared against when a role has no passcode, so that a
// refusal takes as long whether or not the role exists.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("no passcode set"), bcrypt.MinCost)

// CheckPasscode reports whether passcode opens role r.
func (a *Access) CheckPasscode(r store.Role, passcode string) bool {
	c := a.Roles[r]
	if !roleOK(r) || c == nil || c.Passcode == "" {
		bcrypt.CompareHashAndPassword(dummyHash, []byte(passcode))
		return false
	}
	return bcrypt.CompareHashAndPassword([]byte(c.Passcode), []byte(passcode)) == nil
}

// CheckKey reports whether key is authorized for role r, and the key's
// comment from the access file.
func (a *Access) CheckKey(r store.Role, key ssh.PublicKey) (comment string, ok bool) {
	c := a.Roles[r]
	if !roleOK(r) || c == nil {
		return "", false
	}
	return c.match(key)
}

func (c *Credentials) match(key gossh.PublicKey) (string, bool) {
	for _, line := range c.Keys {
		k, comment, _, _, err := gossh.ParseAuthorizedKey([]byte(line))
		if err == nil && ssh.KeysEqual(k, key) {
			return comment, true
		}
	}
	return "", false
}

// How says how a role can log in.
type How struct {
	Passcode bool
	Keys     int
}

// Open lists the roles that can log in, and how.
func (a *Access) Open() map[store.Role]How {
	out := map[store.Role]How{}
	for r, c := range a.Roles {
		h := How{Passcode: c.Passcode != "", Keys: len(c.Keys)}
		if h.Passcode || h.Keys > 0 {
			out[r] = h
		}
	}
	return out
}

// Closed lists the roles with no credentials, in store.Roles order: they
// are refused.
func (a *Access) Closed() []store.Role {
	open := a.Open()
	var out []store.Role
	for _, r := range store.Roles {
		if _, ok := open[r]; !ok {
			out = append(out, r)
		}
	}
	return out
}
