package replica

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"doithoai/store"
)

// ErrRestart asks the spawning process to start the replicator again at
// once: the target changed, or Litestream's local files had to be reset
// (a fresh start re-reads the replica's position).
var ErrRestart = errors.New("replica: restart")

// RunOptions configure Run.
type RunOptions struct {
	Path    string // the meeting file
	DataDir string // where doithoai's SSH key lives (KeyFile)
	// Parent, when set, is read until EOF: the process that started the
	// replicator has ended (even by kill -9), and so does the replicator,
	// after a last sync.
	Parent io.Reader
	// PollEvery is how often PRAGMA data_version is asked (default 25 ms).
	PollEvery time.Duration
	// Stuck is how long one sync round may take before the replicator
	// gives up and exits, to be started again (default 60 s).
	Stuck time.Duration
	// Companions are files beside the meeting, named by their suffix
	// (".access": the SSH stations' passcodes and keys, ".hostkey"), copied
	// into the replica when they change, so the standby laptop serves the
	// devices with the same credentials.
	Companions []string
}

// Run replicates the meeting at o.Path for as long as it holds the
// replica lock. It returns nil at once when another process replicates,
// ErrRestart when it should be started again.
func Run(ctx context.Context, o RunOptions) error {
	if o.PollEvery <= 0 {
		o.PollEvery = 25 * time.Millisecond
	}
	if o.Stuck <= 0 {
		o.Stuck = time.Minute
	}
	lock, err := TryLock(LockPath(o.Path))
	if errors.Is(err, ErrLocked) {
		return nil
	}
	if err != nil {
		return err
	}
	defer lock.Unlock()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if o.Parent != nil {
		go func() { io.Copy(io.Discard, o.Parent); cancel() }()
	}
	s, err := store.Open(ctx, o.Path, store.Options{NoCheck: true, PollEvery: o.PollEvery,
		Actor: store.Actor{Station: "replica", Role: store.RoleAdmin}})
	if err != nil {
		return err
	}
	r := &runner{o: o, s: s, pub: make(chan struct{}, 1)}
	if old, err := ReadStatus(o.Path); err == nil {
		r.st.PendingSince = old.PendingSince // carried over a restart
		r.st.Lag = old.Lag
	}
	r.st.PendingSince = earliest(r.st.PendingSince, time.Now()) // anything may have changed while nobody replicated
	r.st.PID = os.Getpid()
	go r.publishLoop(ctx)
	err = r.loop(ctx)
	// our connections first: Litestream's close drops the process's locks
	s.Close()
	if r.eng != nil {
		cctx, ccancel := context.WithTimeout(context.Background(), 5*time.Second)
		r.eng.close(cctx)
		ccancel()
	}
	if r.rem != nil {
		r.rem.close()
	}
	r.mu.Lock()
	r.st.Updated = time.Time{} // the readers see at once that nobody replicates
	st := r.st
	r.mu.Unlock()
	writeStatus(o.Path, st)
	return err
}

type runner struct {
	o   RunOptions
	s   *store.Store
	rem remote
	id  Identity
	eng *engine

	mu       sync.Mutex
	st       Status
	roundAt  time.Time // start of the round in progress; zero when none
	pub      chan struct{}
	target   string
	changeAt time.Time // last change seen
	copied   map[string]time.Time
}

func baseName(p string) string { return filepath.Base(p) }

func earliest(a, b time.Time) time.Time {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}

// set changes the published status under the lock and publishes a change
// of state at once.
func (r *runner) set(fn func(*Status)) {
	r.mu.Lock()
	old := r.st.State
	fn(&r.st)
	changed := r.st.State != old
	r.mu.Unlock()
	if changed {
		select {
		case r.pub <- struct{}{}:
		default:
		}
	}
}

// publishLoop writes the status file every second (and at once on a new
// state). A round that hangs shows as growing lag here, and past Stuck
// the process exits: the spawning process starts a fresh one.
func (r *runner) publishLoop(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-r.pub:
		}
		r.mu.Lock()
		now := time.Now()
		if !r.roundAt.IsZero() && now.Sub(r.roundAt) > r.o.Stuck {
			r.st.State, r.st.Detail = StateFailed, "a sync round hung; restarting"
			r.st.Updated = now
			writeStatus(r.o.Path, r.st)
			r.mu.Unlock()
			os.Exit(ExitRestart)
		}
		r.st.Updated = now
		st := r.st
		r.mu.Unlock()
		writeStatus(r.o.Path, st)
	}
}

// loop waits for the target to be set and reachable, starts Litestream and
// syncs on every change of the file, and at least every second.
func (r *runner) loop(ctx context.Context) error {
	changes, unsub := r.s.Subscribe()
	defer unsub()
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	var nextTry, lastRound time.Time
	backoff := time.Second
	for {
		now := time.Now()
		if err := r.readTarget(ctx); err != nil {
			return err
		}
		due := r.rem == nil || !r.pendingSince().IsZero() || now.Sub(lastRound) >= time.Second
		if r.target != "" && due && !now.Before(nextTry) {
			lastRound = now
			err := r.round(ctx)
			switch {
			case errors.Is(err, ErrRestart):
				return err
			case err != nil && ctx.Err() == nil:
				r.fail(err)
				nextTry = time.Now().Add(backoff)
				backoff = min(backoff*2, 2*time.Second)
			case err == nil:
				backoff = time.Second
				nextTry = time.Time{}
			}
		}
		select {
		case <-ctx.Done():
			if r.eng != nil {
				fctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
				r.round(fctx) // the last commits before the terminal closed
				cancel()
			}
			return nil
		case _, ok := <-changes:
			if !ok {
				return nil
			}
			r.mu.Lock()
			// noticed now, made at most one poll earlier
			r.changeAt = time.Now().Add(-r.o.PollEvery)
			if r.st.PendingSince.IsZero() {
				r.st.PendingSince = r.changeAt
			}
			r.mu.Unlock()
		case <-tick.C:
		}
	}
}

func (r *runner) pendingSince() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.st.PendingSince
}

// readTarget reads the replica setting; a change of target once
// replication has started restarts the process.
func (r *runner) readTarget(ctx context.Context) error {
	v, err := r.s.Setting(ctx, store.SettingReplica)
	if err != nil {
		return nil // the next pass reads it again
	}
	if v == r.target {
		return nil
	}
	if r.rem != nil {
		return ErrRestart
	}
	r.target = v
	if v == "" {
		return nil
	}
	t, err := ParseTarget(v)
	r.set(func(s *Status) {
		s.Target, s.Label, s.State, s.Detail = v, t.Label(), StateStarting, ""
		if err != nil {
			s.State, s.Detail = StateFailed, err.Error()
		}
	})
	return nil
}

// round connects if needed, checks the target still holds this meeting's
// replica, and syncs.
func (r *runner) round(ctx context.Context) error {
	r.mu.Lock()
	start := time.Now()
	r.roundAt = start
	r.mu.Unlock()
	defer func() { r.mu.Lock(); r.roundAt = time.Time{}; r.mu.Unlock() }()

	if r.rem == nil {
		if err := r.connect(ctx); err != nil {
			return err
		}
	}
	if _, err := r.rem.root(ctx); err != nil {
		return err
	}
	if err := r.checkIdentity(ctx); err != nil {
		return err
	}
	if r.eng == nil {
		eng, err := startEngine(ctx, r.o.Path, r.rem)
		if err != nil {
			return err
		}
		r.eng = eng
	}
	if err := r.copyCompanions(ctx); err != nil {
		return err
	}
	local, rem, err := r.eng.sync(ctx)
	if recoverable(err) {
		resetLocal(r.o.Path)
		return ErrRestart
	}
	if err != nil {
		return err
	}
	if rem > local {
		// the replica is ahead of the local files (they were lost):
		// a fresh start picks up from the replica's position
		return ErrRestart
	}
	now := time.Now()
	r.set(func(s *Status) {
		s.State, s.Detail = StateOK, ""
		if rem == local {
			s.Synced = now
			if !s.PendingSince.IsZero() && s.PendingSince.Before(start) {
				// the delay of a change made now: this round's, not the
				// wait of changes made while the target was away (the
				// header showed that growing until now)
				s.Lag = min(now.Sub(s.PendingSince), now.Sub(start)+r.o.PollEvery)
				s.PendingSince = time.Time{}
				if r.changeAt.After(start) { // a change came in during the round
					s.PendingSince = r.changeAt
				}
			}
		}
	})
	return nil
}

// connect opens the target and checks its identity; a target without any
// replica files makes Litestream start again from a snapshot.
func (r *runner) connect(ctx context.Context) error {
	t, err := ParseTarget(r.target)
	if err != nil {
		return err
	}
	hostKey, _ := r.s.Setting(ctx, store.SettingReplicaHostKey)
	rem, err := open(ctx, t, hostKey, Keys(r.o.DataDir))
	if err != nil {
		return err
	}
	id, err := meetingIdentity(ctx, r.s)
	if err != nil {
		rem.close()
		return err
	}
	if _, err := claim(ctx, rem, id, false); err != nil {
		rem.close()
		return err
	}
	if has, err := hasLTX(ctx, rem); err != nil {
		rem.close()
		return err
	} else if !has && r.eng == nil {
		resetLocal(r.o.Path)
	}
	rem.expect(id)
	r.rem, r.id = rem, id
	return nil
}

// checkIdentity makes sure the target still holds this meeting's replica
// (a stick swapped for another meeting's is refused, a folder emptied or
// replaced counts as gone).
func (r *runner) checkIdentity(ctx context.Context) error {
	got, err := readIdentity(ctx, r.rem)
	switch {
	case errors.Is(err, ErrNotReplica):
		return fmt.Errorf("%w: %v", ErrGone, err)
	case err != nil:
		return err
	case got.MeetingID != r.id.MeetingID:
		return &ErrOtherMeeting{Title: got.Title}
	case got.FileID != r.id.FileID:
		return ErrOtherCopy
	}
	return nil
}

// meetingIdentity is what a replica folder of this meeting file holds.
func meetingIdentity(ctx context.Context, s *store.Store) (Identity, error) {
	mid, err := s.MeetingID(ctx)
	if err != nil {
		return Identity{}, err
	}
	fid, err := s.FileID(ctx)
	if err != nil {
		return Identity{}, err
	}
	m, _ := s.Meeting(ctx)
	return Identity{Format: 1, MeetingID: mid, FileID: fid, Title: m.Title, File: baseName(s.Path()), Since: time.Now()}, nil
}

// fail publishes a failed round's state.
func (r *runner) fail(err error) {
	state := StateFailed
	var om *ErrOtherMeeting
	switch {
	case errors.Is(err, ErrGone):
		state = StateGone
	case errors.Is(err, ErrUnreachable):
		state = StateUnreachable
	case errors.Is(err, ErrAuth):
		state = StateAuth
	case errors.Is(err, ErrHostKey):
		state = StateHostKey
	case errors.As(err, &om), errors.Is(err, ErrOtherCopy), errors.Is(err, ErrForeign):
		state = StateRefused
	}
	r.set(func(s *Status) { s.State, s.Detail = state, err.Error() })
}

// companionName is a companion file's name in the replica folder.
func companionName(suffix string) string { return "meeting" + suffix }

// copyCompanions copies the companion files that changed since the last
// copy into the replica.
func (r *runner) copyCompanions(ctx context.Context) error {
	if r.copied == nil {
		r.copied = map[string]time.Time{}
	}
	for _, suf := range r.o.Companions {
		fi, err := os.Stat(r.o.Path + suf)
		if err != nil || fi.ModTime().Equal(r.copied[suf]) {
			continue
		}
		b, err := os.ReadFile(r.o.Path + suf)
		if err != nil {
			continue
		}
		if err := r.rem.writeFile(ctx, companionName(suf), b); err != nil {
			return err
		}
		r.copied[suf] = fi.ModTime()
	}
	return nil
}
