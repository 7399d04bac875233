package store

import (
	"context"
	"sync"
	"time"
)

// hub fans out "something changed" to subscribers. Each subscriber has a
// one-slot channel: a burst of commits becomes one wake-up, and a slow
// subscriber never blocks a writer.
type hub struct {
	mu     sync.Mutex
	subs   map[chan struct{}]struct{}
	closed bool
}

func newHub() *hub { return &hub{subs: map[chan struct{}]struct{}{}} }

func (h *hub) publish() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- struct{}{}:
		default:
		}
	}
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.subs {
		close(c)
		delete(h.subs, c)
	}
}

// Subscribe returns a channel that receives a value after any commit to the
// file, by this process or another, and a cancel func. The channel is
// closed when the store closes.
func (s *Store) Subscribe() (<-chan struct{}, func()) {
	c := make(chan struct{}, 1)
	h := s.hub
	h.mu.Lock()
	if h.closed {
		close(c)
	} else {
		h.subs[c] = struct{}{}
	}
	h.mu.Unlock()
	return c, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if _, ok := h.subs[c]; ok {
			delete(h.subs, c)
			close(c)
		}
	}
}

// watch polls PRAGMA data_version on a connection of its own: the value
// changes when any other connection (another process, or this process's
// writer) commits. Polling every 100ms keeps other stations under 500ms.
func (sh *shared) watch(ctx context.Context, every time.Duration) {
	defer close(sh.done)
	// A panic here would end the process with the terminal still in raw
	// mode; better that the stations stop hearing other processes' commits.
	defer func() { _ = recover() }()
	conn, err := sh.r.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	var last int64 = -1
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		var v int64
		if err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err == nil {
			if last >= 0 && v != last {
				sh.hub.publish()
			}
			last = v
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
