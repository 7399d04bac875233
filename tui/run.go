package tui

import (
	"context"
	"io"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"doithoai/store"
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
}

// Run runs the TUI in the local terminal until the user quits or ctx ends.
func Run(ctx context.Context, o Options) error {
	c := NewCommon(ctx, o.Store, lipgloss.DefaultRenderer(), o.Lang, o.Path, o.Now)
	m := New(c, o.Station, false)
	defer m.Close()
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithContext(ctx)}
	if o.In != nil {
		opts = append(opts, tea.WithInput(o.In))
	}
	if o.Out != nil {
		opts = append(opts, tea.WithOutput(o.Out))
	}
	_, err := tea.NewProgram(m, opts...).Run()
	if err == tea.ErrProgramKilled && ctx.Err() != nil {
		return nil
	}
	return err
}
