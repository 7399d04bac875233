// Package setup is the setup station: the meeting's details, units,
// groups and quotas, delegates and petitions corrected one by one (a name
// misspelled at the last minute), and files imported after a dry run.
// Every change goes through the store API, in one audited transaction.
package setup

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// section is one tab of the station.
type section int

const (
	secMeeting section = iota
	secUnits
	secGroups
	secDelegates
	secPetitions
	secAnswers
	secApologies
	secImport
	nSections
)

var sectionKeys = [nSections]string{"setup.sec.meeting", "setup.sec.units", "setup.sec.groups", "setup.sec.delegates", "setup.sec.petitions", "prep.sec.answers", "apology.sec", "setup.sec.import"}

// Model is the setup station.
type Model struct {
	c    *common.Common
	keys keyMap
	w, h int

	sec     section
	snap    *snapshot
	req     int // last request number handed out
	loadReq int // the load whose result is awaited
	cursor  [nSections]int
	offset  [nSections]int
	picker  *components.DelegatePicker

	apoPicker *components.DelegatePicker // the apologies tab's search
	apoUndo   *apologyUndo

	form     *huh.Form
	formReq  int
	formSave func() tea.Cmd // what submitting the open form does

	imp    importState
	remove *removal // a deletion being checked or confirmed
	ans    answersState

	status    string
	statusErr bool
}

// New returns the setup station.
func New(c *common.Common) common.Station {
	m := &Model{c: c, keys: newKeyMap(c.T)}
	m.picker = components.NewDelegatePicker(c, c.T.T("setup.search"))
	m.picker.Limit = 200
	m.apoPicker = newApologyPicker(c)
	m.SetSize(c.Width, c.Height)
	return m
}

func (m *Model) next() int { m.req++; return m.req }

// Init loads the meeting.
func (m *Model) Init() tea.Cmd { return m.load() }

// SetSize is called by the root with the station area.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.picker.Input.Width = max(10, w-4)
	m.apoPicker.Input.Width = max(10, w-4)
	if m.form != nil {
		m.form = m.form.WithWidth(m.formWidth()).WithHeight(m.formHeight())
	}
}

func (m *Model) formWidth() int  { return max(20, min(m.w, 100)) }
func (m *Model) formHeight() int { return max(6, m.h-3) }

// Capturing: while a form is open, a search is typed or an import report
// waits for an answer, global keys (esc, ?, F-keys) stay here.
func (m *Model) Capturing() bool {
	return m.form != nil || m.remove != nil || (m.sec == secDelegates && m.picker.Query() != "") || (m.sec == secApologies && m.apoPicker.Query() != "") || m.imp.report != nil || m.imp.busy
}

// ShortHelp lists the keys of what is on screen.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.form != nil:
		return []key.Binding{k.FormNext, k.FormSubmit, k.Cancel}
	case m.remove != nil:
		return []key.Binding{k.Yes, k.No}
	case m.imp.report != nil:
		var bs []key.Binding
		if m.imp.canApply() {
			bs = append(bs, k.Apply)
		}
		if m.imp.report.Capitals > 0 {
			bs = append(bs, k.CaseToggle)
		}
		return append(bs, k.Up, k.Down, k.Cancel)
	case m.sec == secMeeting:
		return []key.Binding{k.Edit, k.Next}
	case m.sec == secImport:
		return []key.Binding{k.Import, k.Next}
	case m.sec == secPetitions:
		return []key.Binding{k.Up, k.Down, k.Edit, k.New, k.Next}
	case m.sec == secAnswers:
		return m.answersHelp()
	case m.sec == secApologies:
		return m.apologiesHelp()
	case m.sec == secDelegates && m.picker.Query() != "":
		// the root's esc (home) is off while the search has text
		return []key.Binding{k.ClearSearch, k.Up, k.Down, k.Edit, k.New, k.DeleteDel, k.Next}
	case m.sec == secDelegates:
		return []key.Binding{k.Up, k.Down, k.Edit, k.New, k.DeleteDel, k.Next}
	}
	return []key.Binding{k.Up, k.Down, k.Edit, k.New, k.Delete, k.Next}
}

// FullHelp groups every key.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Next, k.Prev, k.Up, k.Down}, {k.Edit, k.New, k.Delete, k.Import, k.Apply, k.Cancel},
		{k.Remind, k.MarkAsked, k.ImportAnswers}, {k.WithdrawApology, k.UndoApology, k.CaseToggle}}
}

// Update handles keys, form messages and store results.
func (m *Model) Update(msg tea.Msg) (common.Station, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.req == m.loadReq {
			m.loaded(msg)
		}
		return m, nil
	case savedMsg:
		return m, m.saved(msg)
	case formDoneMsg:
		if m.form == nil || msg.req != m.formReq {
			return m, nil
		}
		save := m.formSave
		m.form, m.formSave = nil, nil
		if !msg.ok {
			m.setStatus(m.c.T.T("ui.cancelled"), false)
			return m, nil
		}
		return m, save()
	case importMsg:
		return m, m.imported(msg)
	case remindedMsg:
		m.reminded(msg)
		return m, nil
	case usesMsg:
		m.gotUses(msg)
		return m, nil
	case common.ChangedMsg:
		return m, m.load()
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	if m.form != nil {
		return m, m.updateForm(msg)
	}
	return m, nil
}

func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	f, cmd := m.form.Update(msg)
	if ff, ok := f.(*huh.Form); ok {
		m.form = ff
	}
	return cmd
}

func (m *Model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }

func (m *Model) key(k tea.KeyMsg) tea.Cmd {
	if m.form != nil {
		return m.updateForm(k)
	}
	if m.imp.report != nil || m.imp.busy {
		return m.importKey(k)
	}
	if m.remove != nil {
		return m.removeKey(k)
	}
	km := m.keys
	switch {
	case key.Matches(k, km.Next):
		m.sec = (m.sec + 1) % nSections
		m.status = ""
		return nil
	case key.Matches(k, km.Prev):
		m.sec = (m.sec + nSections - 1) % nSections
		m.status = ""
		return nil
	}
	if m.snap == nil {
		return nil
	}
	switch m.sec {
	case secMeeting:
		if key.Matches(k, km.Edit) {
			return m.openMeetingForm()
		}
	case secImport:
		if key.Matches(k, km.Import, km.Edit) {
			return m.openImportForm()
		}
	case secDelegates:
		return m.delegatesKey(k)
	case secAnswers:
		return m.answersKey(k)
	case secApologies:
		return m.apologiesKey(k)
	default:
		return m.listKey(k)
	}
	return nil
}

// listKey moves and opens records in the units, groups and petitions lists.
func (m *Model) listKey(k tea.KeyMsg) tea.Cmd {
	km := m.keys
	n := m.listLen()
	if m.moveKey(k) {
		return nil
	}
	switch {
	case key.Matches(k, km.New):
		return m.openNew()
	case key.Matches(k, km.Edit):
		if n > 0 {
			return m.openEdit()
		}
	case key.Matches(k, km.Delete):
		return m.askRemove()
	}
	return nil
}

// moveKey moves the cursor of the list on screen with the arrows and the
// page keys; it reports whether k was one of them.
func (m *Model) moveKey(k tea.KeyMsg) bool {
	km, n := m.keys, m.listLen()
	switch {
	case key.Matches(k, km.Up):
		m.move(-1, n)
	case key.Matches(k, km.Down):
		m.move(1, n)
	case key.Matches(k, km.PageUp):
		m.move(-m.listRows(), n)
	case key.Matches(k, km.PageDown):
		m.move(m.listRows(), n)
	default:
		return false
	}
	return true
}

func (m *Model) move(d, n int) {
	m.status = "" // it spoke of the row left behind
	c := m.cursor[m.sec] + d
	c = max(0, min(c, n-1))
	m.cursor[m.sec] = c
}

// delegatesKey: letters search (accent-free), arrows move, Enter edits.
func (m *Model) delegatesKey(k tea.KeyMsg) tea.Cmd {
	km := m.keys
	switch {
	case key.Matches(k, km.New):
		return m.openDelegateForm(store.Delegate{})
	case key.Matches(k, km.Edit):
		if d, ok := m.selectedDelegate(); ok {
			return m.openDelegateForm(d)
		}
		return nil
	case key.Matches(k, km.Cancel) && m.picker.Query() != "":
		m.picker.Reset()
		return nil
	case key.Matches(k, km.DeleteDel):
		return m.askRemove()
	}
	if m.picker.Query() == "" && m.moveKey(k) {
		return nil
	}
	return m.picker.Update(k)
}

func (m *Model) selectedDelegate() (store.Delegate, bool) {
	if m.picker.Query() != "" {
		return m.picker.Selected()
	}
	i := m.cursor[secDelegates]
	if i < 0 || i >= len(m.snap.delegates) {
		return store.Delegate{}, false
	}
	return m.snap.delegates[i], true
}

func (m *Model) listLen() int {
	if m.snap == nil {
		return 0
	}
	switch m.sec {
	case secUnits:
		return len(m.snap.units)
	case secGroups:
		return len(m.snap.groups)
	case secPetitions:
		return len(m.snap.petitions)
	case secAnswers:
		return len(m.snap.answers)
	case secDelegates:
		return len(m.snap.delegates)
	case secApologies:
		return len(m.snap.apologies)
	}
	return 0
}

func (m *Model) openNew() tea.Cmd {
	switch m.sec {
	case secUnits:
		return m.openUnitForm(store.Unit{Kind: store.UnitOther})
	case secGroups:
		return m.openGroupForm(store.Group{})
	case secPetitions:
		return m.openPetitionForm(store.Petition{})
	}
	return nil
}

func (m *Model) openEdit() tea.Cmd {
	i := m.cursor[m.sec]
	switch m.sec {
	case secUnits:
		return m.openUnitForm(m.snap.units[i])
	case secGroups:
		return m.openGroupForm(m.snap.groups[i])
	case secPetitions:
		return m.openPetitionForm(m.snap.petitions[i])
	}
	return nil
}
