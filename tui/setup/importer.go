package setup

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"doithoai/store"
)

// importState is the import tab: a form asks for the kind and the path,
// a dry run shows what would happen, and only a confirmed report is
// imported (again all or nothing, so a file changed in between is
// checked again).
type importState struct {
	kind   store.ImportKind
	path   string
	req    int
	busy   bool
	report *store.ImportReport
	lines  []string // the report's rows or problems, built once
	err    string
	done   *store.ImportReport // the last applied import
	scroll int
	// keepCase keeps names typed in capitals as typed: one choice for the
	// whole file, toggled in the preview (c)
	keepCase bool
}

func (s *importState) canApply() bool {
	return s.report != nil && !s.report.Applied && len(s.report.Problems) == 0 && s.report.New+s.report.Updated > 0
}

type importMsg struct {
	req int
	rep *store.ImportReport
	err error
}

func (m *Model) openImportForm() tea.Cmd {
	t := m.c.T
	if m.imp.kind == "" {
		m.imp.kind = store.ImportDelegates
	}
	var kinds []huh.Option[store.ImportKind]
	for _, k := range store.ImportKinds {
		kinds = append(kinds, huh.NewOption(t.T("setup.import."+string(k)), k))
	}
	exists := func(s string) error {
		s = cleanPath(s)
		if s == "" {
			return errors.New(t.T("err.required"))
		}
		if st, err := os.Stat(s); err != nil || st.IsDir() {
			return errors.New(t.T("setup.no_file"))
		}
		return nil
	}
	f := huh.NewForm(huh.NewGroup(
		huh.NewSelect[store.ImportKind]().Title(t.T("setup.f.import_kind")).Options(kinds...).Value(&m.imp.kind),
		huh.NewInput().Title(t.T("setup.f.path")).Description(t.T("setup.f.path_hint")).Value(&m.imp.path).Validate(exists).CharLimit(1000),
	).Title(t.T("setup.form.import")))
	return m.openForm(f, func() tea.Cmd { return m.runImport(true) })
}

// cleanPath accepts a path pasted with quotes (Windows "Copy as path") or
// dragged in with escaped spaces.
func cleanPath(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, `"'`)
	s = strings.ReplaceAll(s, `\ `, " ")
	if rest, ok := strings.CutPrefix(s, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			s = filepath.Join(home, rest)
		}
	}
	return s
}

func (m *Model) runImport(dry bool) tea.Cmd {
	req := m.next()
	m.imp.req, m.imp.busy, m.imp.err, m.imp.scroll = req, true, "", 0
	kind, path, c, keep := m.imp.kind, cleanPath(m.imp.path), m.c, m.imp.keepCase
	return func() tea.Msg {
		rep, err := c.Store.ImportFileWith(c.Ctx, kind, path, store.ImportOptions{DryRun: dry, KeepCase: keep})
		return importMsg{req: req, rep: rep, err: err}
	}
}

func (m *Model) imported(msg importMsg) tea.Cmd {
	if msg.req != m.imp.req {
		return nil
	}
	m.imp.busy = false
	if msg.err != nil {
		m.imp.report = nil
		m.imp.err = m.c.ErrText(msg.err)
		return nil
	}
	if msg.rep.Applied {
		m.imp.report, m.imp.done = nil, msg.rep
		m.setStatus(m.c.T.F("setup.import.done", msg.rep.New, msg.rep.Updated, msg.rep.Unchanged), false)
		return m.load()
	}
	m.imp.report = msg.rep
	m.imp.lines = m.reportLines(msg.rep)
	return nil
}

func (m *Model) importKey(k tea.KeyMsg) tea.Cmd {
	if m.imp.busy {
		return nil
	}
	km := m.keys
	switch {
	case key.Matches(k, km.Cancel):
		m.imp.report = nil
		m.setStatus(m.c.T.T("ui.cancelled"), false)
	case key.Matches(k, km.Apply) && m.imp.canApply():
		return m.runImport(false)
	case key.Matches(k, km.CaseToggle) && m.imp.report.Capitals > 0:
		// the other choice for every name in capitals: a new dry run
		m.imp.keepCase = !m.imp.keepCase
		return m.runImport(true)
	case key.Matches(k, km.Up):
		m.imp.scroll = max(0, m.imp.scroll-1)
	case key.Matches(k, km.Down):
		m.imp.scroll = min(m.imp.scroll+1, max(0, len(m.imp.lines)-1))
	case key.Matches(k, km.PageUp):
		m.imp.scroll = max(0, m.imp.scroll-m.listRows())
	case key.Matches(k, km.PageDown):
		m.imp.scroll = min(m.imp.scroll+m.listRows(), max(0, len(m.imp.lines)-1))
	}
	return nil
}
