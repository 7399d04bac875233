package replica

import (
	"context"
	"os"
	"os/exec"
	"sync"
	"time"

	"doithoai/store"
)

// Monitor is what every process on a meeting file (each terminal, the SSH
// server) knows of its replica. It reads the replicating process's status
// file every second and, when the file has a replica target and no process
// replicates it, starts one (spawn). The replicator ends when the process
// that started it ends; another terminal's monitor then starts the next.
type Monitor struct {
	path  string
	s     *store.Store
	spawn func() *exec.Cmd

	mu        sync.Mutex
	target    string
	st        Status
	child     *exec.Cmd
	childIn   interface{ Close() error }
	exited    chan struct{} // closed when the child has ended
	spawnedAt time.Time

	stop chan struct{}
	done chan struct{}
}

// freshFor is how old the status file may be before the readers conclude
// that no process replicates.
const freshFor = 3 * time.Second

// NewMonitor starts watching the replica of the meeting at path. spawn
// returns the command that runs Run for this file (nil: never start one).
func NewMonitor(s *store.Store, path string, spawn func() *exec.Cmd) *Monitor {
	m := &Monitor{path: path, s: s, spawn: spawn, stop: make(chan struct{}), done: make(chan struct{})}
	m.readTarget()
	m.check()
	go m.loop()
	return m
}

// Status is the replica's state for the header; ok is false when the
// meeting has no replica.
func (m *Monitor) Status() (Status, bool) {
	if m == nil {
		return Status{}, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.st, m.target != ""
}

// Close stops watching and lets the replicator this process started end
// (it syncs once more, on its own, and exits).
func (m *Monitor) Close() {
	if m == nil {
		return
	}
	select {
	case <-m.stop:
		return
	default:
	}
	close(m.stop)
	<-m.done
	m.mu.Lock()
	in, exited := m.childIn, m.exited
	m.mu.Unlock()
	if in == nil {
		return
	}
	in.Close()
	// it syncs once more and exits, in milliseconds when the target is
	// there; the terminal does not wait longer than this for it
	select {
	case <-exited:
	case <-time.After(2 * time.Second):
	}
}

func (m *Monitor) loop() {
	defer close(m.done)
	changes, unsub := m.s.Subscribe()
	defer unsub()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case _, ok := <-changes:
			if !ok {
				return
			}
			m.readTarget()
		case <-t.C:
		}
		m.check()
	}
}

func (m *Monitor) readTarget() {
	v, err := m.s.Setting(context.Background(), store.SettingReplica)
	if err != nil {
		return
	}
	m.mu.Lock()
	m.target = v
	m.mu.Unlock()
}

// check reads the status file, starts a replicator when none runs, and
// works out what the header shows.
func (m *Monitor) check() {
	now := time.Now()
	st, err := ReadStatus(m.path)
	m.mu.Lock()
	target := m.target
	m.mu.Unlock()
	if target == "" {
		m.set(Status{})
		return
	}
	fresh := err == nil && now.Sub(st.Updated) < freshFor && st.Target == target
	if fresh {
		m.set(st)
		return
	}
	m.mu.Lock()
	running, recent := m.child != nil, now.Sub(m.spawnedAt) < 2*freshFor
	m.mu.Unlock()
	if !running && !recent && m.spawn != nil && !Held(LockPath(m.path)) {
		m.start(now)
		recent = true
	}
	t, _ := ParseTarget(target)
	out := Status{Target: target, Label: t.Label(), State: StateStopped, Lag: st.Lag, PendingSince: st.PendingSince, Synced: st.Synced}
	if recent || (err == nil && st.Target == target && st.State == StateStarting) {
		out.State = StateStarting
	}
	m.set(out)
}

func (m *Monitor) set(st Status) {
	m.mu.Lock()
	m.st = st
	m.mu.Unlock()
}

// start runs the replicator with a pipe on its stdin: when this process
// ends, however it ends, the pipe closes and the replicator follows. Its
// output goes to a log beside the meeting, never to the terminal.
func (m *Monitor) start(now time.Time) {
	cmd := m.spawn()
	in, err := cmd.StdinPipe()
	if err != nil {
		return
	}
	if fi, err := os.Stat(LogPath(m.path)); err == nil && fi.Size() > 1<<20 {
		os.Remove(LogPath(m.path))
	}
	if log, err := os.OpenFile(LogPath(m.path), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644); err == nil {
		cmd.Stdout, cmd.Stderr = log, log
		defer log.Close() // the child has its own copy
	}
	if err := cmd.Start(); err != nil {
		in.Close()
		return
	}
	exited := make(chan struct{})
	m.mu.Lock()
	m.child, m.childIn, m.spawnedAt, m.exited = cmd, in, now, exited
	m.mu.Unlock()
	go func() {
		err := cmd.Wait()
		close(exited)
		m.mu.Lock()
		if m.child == cmd {
			m.child, m.childIn = nil, nil
		}
		m.mu.Unlock()
		in.Close()
		// it asked to be started again (new target, local files reset)
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == ExitRestart {
			m.mu.Lock()
			m.spawnedAt = time.Time{}
			m.mu.Unlock()
		}
	}()
}

// ExitRestart is the exit status of a replicator asking to be started
// again at once (Run returned ErrRestart).
const ExitRestart = 4
