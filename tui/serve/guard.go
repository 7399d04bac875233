package serve

import (
	"io"
	"sync"
	"time"

	"doithoai/store"
	"doithoai/store/textclean"
)

// The guessing policy. A device on the hall's Wi-Fi shares it with every
// delegate's phone: passcodes must not be guessable by trying them.
const (
	// FailWindow is how far back failures are counted.
	FailWindow = 10 * time.Minute
	// AddrFailures wrong passcodes from one address within FailWindow
	// refuse that address's passcodes for AddrFirstLock, then twice as
	// long at each new lockout, up to AddrMaxLock.
	AddrFailures  = 5
	AddrFirstLock = time.Minute
	AddrMaxLock   = time.Hour
	// RoleFailures wrong passcodes for one role from any addresses within
	// FailWindow lock the role's passcode for RoleLock. Its authorized keys
	// still open it.
	RoleFailures = 30
	RoleLock     = 5 * time.Minute
)

// Lockout is one refusal the guard decided: an address (Role says which
// role it was guessing last) or a role's passcode (Addr empty).
type Lockout struct {
	Addr     string     `json:"address,omitempty"`
	Role     store.Role `json:"role"`
	Until    time.Time  `json:"until"`
	Failures int        `json:"failures"`
	Strike   int        `json:"strike,omitempty"` // the address's how-manieth lockout (1, 2, …)
}

// guard counts failed passcodes per source address and per role. Only
// passcodes count: a key cannot be guessed, and a client offering several
// keys is not an attack. An address's lockouts are forgotten once it has
// been quiet for AddrMaxLock after its last one, or after it logs in.
type guard struct {
	mu    sync.Mutex
	now   func() time.Time
	addrs map[string]*addrState
	roles map[store.Role]*roleState
}

type addrState struct {
	fails   []time.Time
	until   time.Time // refused until then
	strikes int
}

type roleState struct {
	fails []time.Time
	until time.Time
}

func newGuard(now func() time.Time) *guard {
	if now == nil {
		now = time.Now
	}
	return &guard{now: now, addrs: map[string]*addrState{}, roles: map[store.Role]*roleState{}}
}

// recent keeps the times within FailWindow of now.
func recent(ts []time.Time, now time.Time) []time.Time {
	i := 0
	for i < len(ts) && now.Sub(ts[i]) >= FailWindow {
		i++
	}
	return ts[i:]
}

// allow reports whether a passcode from addr for role may be checked at
// all, and if not until when it is refused.
func (g *guard) allow(addr string, role store.Role) (bool, time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	if a := g.addrs[addr]; a != nil && now.Before(a.until) {
		return false, a.until
	}
	if r := g.roles[role]; r != nil && now.Before(r.until) {
		return false, r.until
	}
	return true, time.Time{}
}

// fail records a wrong passcode (or an unknown role) from addr and
// returns the lockouts it starts.
func (g *guard) fail(addr string, role store.Role, known bool) []Lockout {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	g.forget(now)
	var out []Lockout
	a := g.addrs[addr]
	if a == nil {
		a = &addrState{}
		g.addrs[addr] = a
	}
	if a.strikes > 0 && now.Sub(a.until) > AddrMaxLock {
		a.strikes = 0 // quiet for an hour since its last lockout
	}
	a.fails = append(recent(a.fails, now), now)
	if len(a.fails) >= AddrFailures {
		d := AddrMaxLock
		if a.strikes < 6 { // 1, 2, 4 … 32 minutes, then the hour
			d = min(AddrFirstLock<<a.strikes, AddrMaxLock)
		}
		a.strikes++
		a.until = now.Add(d)
		out = append(out, Lockout{Addr: addr, Role: role, Until: a.until, Failures: len(a.fails), Strike: a.strikes})
		a.fails = nil
	}
	if !known {
		return out
	}
	r := g.roles[role]
	if r == nil {
		r = &roleState{}
		g.roles[role] = r
	}
	r.fails = append(recent(r.fails, now), now)
	if len(r.fails) >= RoleFailures && !now.Before(r.until) {
		r.until = now.Add(RoleLock)
		out = append(out, Lockout{Role: role, Until: r.until, Failures: len(r.fails)})
		r.fails = nil
	}
	return out
}

// succeed forgets addr's failures and lockouts: it knew the passcode.
func (g *guard) succeed(addr string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.addrs, addr)
}

// forget drops addresses quiet for long enough, so a long day's scans
// from many phones do not pile up.
func (g *guard) forget(now time.Time) {
	if len(g.addrs) < 1024 {
		return
	}
	for k, a := range g.addrs {
		if now.Sub(a.until) > AddrMaxLock && len(recent(a.fails, now)) == 0 {
			delete(g.addrs, k)
		}
	}
}

// cleanLog writes log lines without the controls or escape sequences a
// client may have put in them (its version string, a user name), so the
// serve console shows them as text.
type cleanLog struct{ w io.Writer }

func (c cleanLog) Write(p []byte) (int, error) {
	s := string(p)
	if !textclean.Safe(s, true) {
		s = textclean.Long(s) + "\n"
	}
	if _, err := io.WriteString(c.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}
