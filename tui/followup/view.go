package followup

import (
	"github.com/charmbracelet/bubbles/key"

	"doithoai/tui/common"
)

// View draws what the mode shows; it only formats what Update stored and
// costs O(visible rows).
func (m *Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	s, t := m.c.Styles, m.c.T
	switch {
	case m.form != nil:
		title := "followup.form.receipt_title"
		if m.fs.Kind == formExtend {
			title = "followup.form.extend_title"
		}
		head := s.Title.Render(common.Trunc(t.F(title, m.fs.Label), m.w))
		if m.fs.restored != "" {
			head += "\n" + s.Subtle.Render(common.Trunc(t.F("followup.draft.restored", m.fs.restored), m.w))
		} else {
			head += "\n" + s.Subtle.Render(common.Trunc(m.formHint(), m.w))
		}
		if m.formErr != "" {
			head += "\n" + s.Err.Render(common.Trunc(m.formErr, m.w))
		}
		return common.Fit(head+"\n"+m.form.View(), m.w, m.h)
	case m.choose != nil:
		return common.Fit(m.chooserView(), m.w, m.h)
	}
	var body string
	switch m.mode {
	case modeDetail:
		body = m.detailView()
	case modeTable:
		body = m.tableView()
	default:
		body = m.listView()
	}
	if m.confirm != nil {
		body = s.WarnBanner.Render(common.Pad(" "+m.confirm.prompt+" "+t.T("followup.confirm.yn"), m.w)) + "\n" + body
	}
	return common.Fit(body, m.w, m.h)
}

// formHint says what the form records, under its title.
func (m *Model) formHint() string {
	if m.fs.Kind == formExtend {
		return m.c.T.F("followup.form.extend_hint", date(m.fs.due))
	}
	return m.c.T.T("followup.form.receipt_hint")
}

// ShortHelp lists the keys of what is on screen.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.form != nil:
		return []key.Binding{k.FormNext, k.FormPrev, k.FormPick, k.FormCancel}
	case m.confirm != nil:
		return []key.Binding{k.Yes, k.No}
	case m.choose != nil:
		return []key.Binding{k.Up, k.Pick, k.Cancel}
	case m.searching:
		return []key.Binding{k.Done, k.Cancel}
	case m.mode == modeDetail:
		return []key.Binding{k.Receipt, k.Extend, k.Scan, k.PrevRec, k.Void, k.Undo, k.Back}
	case m.mode == modeTable:
		return []key.Binding{k.Up, k.Open, k.Sort, k.Agency, k.Table}
	}
	return []key.Binding{k.Up, k.Open, k.Receipt, k.Extend, k.Search, k.Agency, k.Topic, k.Status, k.Table, k.Undo}
}

// FullHelp lists every key the station answers to (also what `doithoai
// followup --help` prints).
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	if m.form != nil || m.confirm != nil || m.choose != nil || m.searching {
		return [][]key.Binding{m.ShortHelp()}
	}
	// three columns, so the whole help fits 80 columns
	return [][]key.Binding{
		{k.Up, k.PgDown, k.Top, k.Open, k.Table, k.Sort},
		{k.Search, k.Agency, k.Topic, k.Status, k.Clear},
		{k.Receipt, k.Extend, k.Undo, k.PrevRec, k.Scan, k.Void, k.Accept, k.Back},
	}
}
