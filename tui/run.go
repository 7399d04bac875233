package tui

import (
	"context"
	"errors"
	"io"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"doithoai/store"
	"doithoai/store/replica"
	"doithoai/tui/i18n"
)

// Options configure Run.
type Options struct {
	Store   *store.Store
	Path    string
	Station StationID
	Lang    i18n.Lang
	In      io.Reader // nil: stdin
	Out     io.Writer // nil: stdout
	Now     func() time.Time
	// Replica reports the meeting's replica for the header (nil: none).
	Replica func() (replica.Status, bool)
}

// Run runs the TUI in the local terminal until the user quits or ctx ends.
func Run(ctx context.Context, o Options) error {
	// The program and the stations' store calls get a context of their
	// own, and the program no signal handler: the end of ctx (SIGTERM,
	// SIGHUP) becomes a ShutdownMsg, so drafts are saved before it quits.
	pctx, kill := context.WithCancel(context.WithoutCancel(ctx))
	defer kill()
	c := NewCommon(pctx, o.Store, lipgloss.DefaultRenderer(), o.Lang, o.Path, o.Now)
	c.Replica = o.Replica
	m := New(c, o.Station, false)
	defer m.Close()
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithContext(pctx), tea.WithoutSignalHandler()}
	if o.In != nil {
		opts = append(opts, tea.WithInput(o.In))
	}
	if o.Out != nil {
		opts = append(opts, tea.WithOutput(o.Out))
	}
	p := tea.NewProgram(m, opts...)
	defer graceful(ctx, p, kill)()
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}
