package serve

import (
	"context"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"

	"doithoai/store"
	"doithoai/tui"
	"doithoai/tui/i18n"
)

// dropGrace bounds how long a session whose connection dropped may take to
// save its drafts (the TUI's own bound is 3 s).
const dropGrace = 5 * time.Second

// teaMiddleware runs one session's TUI. Unlike wish's bubbletea middleware
// it does not quit the program the moment the connection drops: a tablet
// losing the Wi-Fi gets tui.ShutdownMsg, so its stations save their drafts
// (on a context that outlives the connection) before the program ends.
func (s *Server) teaMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		p, kill := s.program(sess)
		if p == nil {
			next(sess)
			return
		}
		_, winch, _ := sess.Pty()
		finished := make(chan struct{})
		go func() {
			for {
				select {
				case <-finished:
					return
				case <-sess.Context().Done():
					p.Send(tui.ShutdownMsg{})
					select {
					case <-finished:
					case <-time.After(dropGrace):
						kill()
					}
					return
				case w, ok := <-winch:
					if !ok {
						winch = nil // closed with the session's requests
						continue
					}
					p.Send(clampWindow(w))
				}
			}
		}()
		if _, err := p.Run(); err != nil && sess.Context().Err() == nil {
			s.log.Printf("%s: session ended: %v", sess.User(), err)
		}
		close(finished)
		kill()
		next(sess)
	}
}

// clampWindow is the size a device asks for, within MaxCols x MaxRows.
func clampWindow(w ssh.Window) tea.WindowSizeMsg {
	return tea.WindowSizeMsg{Width: min(max(w.Width, 0), MaxCols), Height: min(max(w.Height, 0), MaxRows)}
}

// program builds one session's TUI: its own renderer, styles, catalog,
// size and models, over the shared store seen as the session's role. The
// returned func ends the program and its store calls.
func (s *Server) program(sess ssh.Session) (*tea.Program, func()) {
	role := store.Role(sess.User())
	station, ok := tui.ParseStation(string(role))
	if !roleOK(role) || !ok {
		// auth already refused these; never fall through to a full TUI
		wish.Fatalln(sess, "unknown station "+sess.User())
		return nil, nil
	}
	lang := s.o.Lang
	for _, kv := range sess.Environ() {
		if v, ok := strings.CutPrefix(kv, LangEnv+"="); ok {
			if l, ok := i18n.Parse(v); ok {
				lang = l
			}
		}
	}
	actor := store.Actor{Station: string(role), User: Who(sess), Role: role}
	// The stations' store calls outlive the connection by the grace above,
	// so drafts are saved after a drop.
	ctx, kill := context.WithCancel(context.WithoutCancel(sess.Context()))
	in := newInput(sess)
	c := tui.NewCommon(ctx, s.o.Store.As(actor), sessionRenderer(sess, in), lang, s.o.Path, nil)
	c.Replica = s.o.Replica
	m := tui.New(c, station, true)
	// The server process's signals are not the session's: without
	// WithoutSignalHandler every session would take the operator's Ctrl+C.
	p := tea.NewProgram(m, tea.WithInput(in), tea.WithOutput(sess), tea.WithAltScreen(),
		tea.WithoutSignalHandler(), tea.WithContext(ctx))
	s.mu.Lock()
	s.programs[p] = struct{}{}
	s.mu.Unlock()
	s.log.Printf("%s opened the %s station", actor.User, station)
	return p, func() {
		kill()
		m.Close()
		s.mu.Lock()
		delete(s.programs, p)
		s.mu.Unlock()
	}
}
