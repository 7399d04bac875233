// Package tui is the application shell: a root model that owns the window
// size, the header, the help bar and the home screen, and routes keys and
// messages to one station at a time.
package tui

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"doithoai/store"
	"doithoai/store/replica"
	"doithoai/store/textclean"
	"doithoai/tui/agenda"
	"doithoai/tui/checkin"
	"doithoai/tui/common"
	"doithoai/tui/followup"
	"doithoai/tui/i18n"
	"doithoai/tui/keys"
	"doithoai/tui/qa"
	"doithoai/tui/reports"
	"doithoai/tui/screen"
	"doithoai/tui/setup"
	"doithoai/tui/styles"
)

// StationID names a station; "" is the home screen.
type StationID string

const (
	Home     StationID = ""
	Checkin  StationID = "checkin"
	Agenda   StationID = "agenda"
	QA       StationID = "qa"
	Screen   StationID = "screen"
	Reports  StationID = "reports"
	Setup    StationID = "setup"
	Followup StationID = "followup"
)

// Stations lists the stations in home-screen order.
var Stations = []StationID{Checkin, Agenda, QA, Screen, Reports, Setup, Followup}

// ParseStation returns the station named s.
func ParseStation(s string) (StationID, bool) {
	for _, id := range Stations {
		if string(id) == s {
			return id, true
		}
	}
	return Home, s == "" || s == "home"
}

var constructors = map[StationID]func(*common.Common) common.Station{
	Checkin:  checkin.New,
	Agenda:   agenda.New,
	QA:       qa.New,
	Screen:   screen.New,
	Reports:  reports.New,
	Setup:    setup.New,
	Followup: followup.New,
}

// MinWidth and MinHeight are the smallest window the stations draw in.
const (
	MinWidth  = 60
	MinHeight = 16
)

// Model is the root model of one session.
type Model struct {
	c        *common.Common
	active   StationID
	stations map[StationID]common.Station
	help     help.Model
	showHelp bool
	width    int
	height   int
	cursor   int // home screen selection
	meeting  store.Meeting
	total    store.Tally
	now      time.Time
	changes  <-chan struct{}
	unsub    func()
	replica  replica.Status // the replica's state, read each second
	replOn   bool           // the meeting has a replica
	// only lets the session open this station (an SSH role); "" = any
	only StationID
	// notice replaces the header's file line until the next key (a paste
	// that was cut)
	notice string
}

// NewCommon builds the Common of a session.
func NewCommon(ctx context.Context, st *store.Store, r *lipgloss.Renderer, lang i18n.Lang, path string, now func() time.Time) *common.Common {
	if now == nil {
		now = time.Now
	}
	t := i18n.New(lang)
	return &common.Common{Ctx: ctx, Store: st, Styles: styles.New(r), Keys: keys.NewGlobal(t), T: t, Now: now, Path: path}
}

// New returns the root model opened on station first. With only set, the
// session is confined to that station (SSH roles).
func New(c *common.Common, first StationID, only bool) *Model {
	m := &Model{c: c, active: first, stations: map[StationID]common.Station{}, help: help.New(), now: c.Now()}
	if only {
		m.only = first
	}
	m.help.Styles.ShortKey = c.Styles.Key
	m.help.Styles.FullKey = c.Styles.Key
	m.help.Styles.ShortDesc = c.Styles.Help
	m.help.Styles.FullDesc = c.Styles.Help
	m.changes, m.unsub = c.Store.Subscribe()
	m.readReplica()
	return m
}

// readReplica copies the replica's state from the process's monitor (a
// read of memory, no I/O).
func (m *Model) readReplica() {
	if m.c.Replica != nil {
		m.replica, m.replOn = m.c.Replica()
	}
}

// Init starts the clock, the change watch, the header load and the first
// station.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tick(), waitChange(m.changes), m.loadHeader()}
	if m.active != Home {
		cmds = append(cmds, m.station(m.active).Init())
	}
	return tea.Batch(cmds...)
}

type headerMsg struct {
	meeting store.Meeting
	total   store.Tally
}

func (m *Model) loadHeader() tea.Cmd {
	c := m.c
	return func() tea.Msg {
		mt, _ := c.Store.Meeting(c.Ctx)
		_, _, total, _ := c.Store.Tallies(c.Ctx)
		return headerMsg{meeting: mt, total: total}
	}
}

func tick() tea.Cmd {
	return tea.Every(time.Second, func(t time.Time) tea.Msg { return common.TickMsg{Now: t} })
}

func waitChange(ch <-chan struct{}) tea.Cmd {
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		return common.ChangedMsg{}
	}
}

// station returns (creating on first use) the station id.
func (m *Model) station(id StationID) common.Station {
	s, ok := m.stations[id]
	if !ok {
		s = constructors[id](m.c)
		m.stations[id] = s
		w, h := m.bodySize()
		s.SetSize(w, h)
	}
	return s
}

// chromeless is true on the projector: the hall sees only the screen
// station, without header or help bar, until someone presses ?.
func (m *Model) chromeless() bool { return m.active == Screen && !m.showHelp }

func (m *Model) headerHeight() int {
	if m.chromeless() {
		return 0
	}
	return 2
}

func (m *Model) helpView() string {
	m.help.Width = m.width
	m.help.ShowAll = m.showHelp
	return m.help.View(m)
}

func (m *Model) helpHeight() int {
	if m.chromeless() {
		return 0
	}
	return lipgloss.Height(m.helpView())
}

func (m *Model) bodySize() (int, int) {
	h := m.height - m.headerHeight() - m.helpHeight()
	if h < 0 {
		h = 0
	}
	return m.width, h
}

func (m *Model) resize() {
	w, h := m.bodySize()
	m.c.Width, m.c.Height = w, h
	for _, s := range m.stations {
		s.SetSize(w, h)
	}
}

func (m *Model) switchTo(id StationID) tea.Cmd {
	if m.only != "" && id != m.only {
		return nil
	}
	if id == m.active {
		return nil
	}
	// The station left behind is released: its data (10,000 delegates and
	// their search index) would otherwise stay in memory beside the next
	// one's. It saves any draft first; everything else it shows is in the
	// store and is read again on return.
	var save tea.Cmd
	if prev, ok := m.stations[m.active]; ok {
		_, save = prev.Update(common.SaveDraftsMsg{})
		delete(m.stations, m.active)
	}
	// back home, the highlight is on the station just left: Enter (often
	// pressed by habit) returns there, never into another station's work
	for i, s := range Stations {
		if s == m.active {
			m.cursor = i
		}
	}
	m.active = id
	m.showHelp = false
	m.resize()
	if id == Home {
		return tea.Batch(save, m.loadHeader())
	}
	return tea.Batch(save, m.station(id).Init())
}

// Update routes messages: keys to the root or the active station, data
// messages to every station that exists.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	case common.TickMsg:
		m.now = msg.Now
		m.readReplica()
		var cmd tea.Cmd
		if m.active != Home {
			cmd = m.updateStation(m.active, msg)
		}
		return m, tea.Batch(tick(), cmd)
	case common.ChangedMsg:
		return m, tea.Batch(waitChange(m.changes), m.loadHeader(), m.forward(msg))
	case headerMsg:
		m.meeting, m.total = msg.meeting, msg.total
		return m, nil
	case tea.QuitMsg:
		return m, nil
	case ShutdownMsg:
		return m, m.quit()
	}
	return m, m.forward(msg)
}

// forward hands msg to every station that exists; async results carry a
// request number, so stations drop what is not theirs or is stale.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for id := range m.stations {
		cmds = append(cmds, m.updateStation(id, msg))
	}
	return tea.Batch(cmds...)
}

func (m *Model) updateStation(id StationID, msg tea.Msg) tea.Cmd {
	s, cmd := m.stations[id].Update(msg)
	m.stations[id] = s
	return cmd
}

// handleKey routes a key. A paste longer than the longest text the store
// takes (a 5 MB clipboard) is cut here, so no station ever handles more
// than that in one message, and the header says so until the next key.
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	m.notice = ""
	if msg.Paste && len(msg.Runes) > store.MaxText {
		m.notice = m.c.T.F("sec.paste_cut", len(msg.Runes), store.MaxText)
		msg.Runes = msg.Runes[:store.MaxText:store.MaxText]
	}
	k := m.c.Keys
	if key.Matches(msg, k.Quit) {
		return m.quit()
	}
	capturing := m.active != Home && m.station(m.active).Capturing()
	if !capturing {
		for i, b := range k.Stations {
			if key.Matches(msg, b) {
				return m.switchTo(Stations[i])
			}
		}
		switch {
		case key.Matches(msg, k.Help):
			m.showHelp = !m.showHelp
			m.resize()
			return nil
		case key.Matches(msg, k.Home) && m.active != Home:
			if m.only != "" {
				return nil
			}
			return m.switchTo(Home)
		}
	}
	if m.active != Home {
		return m.updateStation(m.active, msg)
	}
	return m.homeKey(msg)
}

func (m *Model) homeKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	for i, b := range k.Digits {
		if key.Matches(msg, b) {
			return m.switchTo(Stations[i])
		}
	}
	switch {
	case key.Matches(msg, k.Up):
		if m.cursor > 0 {
			m.cursor--
		}
	case key.Matches(msg, k.Down):
		if m.cursor < len(Stations)-1 {
			m.cursor++
		}
	case key.Matches(msg, k.Open):
		return m.switchTo(Stations[m.cursor])
	case msg.String() == "q":
		return m.quit()
	}
	return nil
}

// ShortHelp is the help bar: ? first (the bar is cut at narrow widths and
// ? shows everything), the station's keys, then the root's.
func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	b := []key.Binding{k.Help}
	if m.active != Home {
		st := m.station(m.active)
		b = append(b, st.ShortHelp()...)
		// while a station has the keys, esc is the station's (cancel, clear)
		if m.only == "" && !st.Capturing() {
			b = append(b, k.Home)
		}
	} else {
		b = append(b, k.Up, k.Down, k.Open)
	}
	return append(b, k.Quit)
}

// FullHelp adds the station switch keys.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	var groups [][]key.Binding
	if m.active != Home {
		groups = append(groups, m.station(m.active).FullHelp()...)
	}
	if m.only == "" {
		var sw []key.Binding
		for i, b := range k.Stations {
			sw = append(sw, key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, m.c.T.T("station."+string(Stations[i])))))
		}
		groups = append(groups, sw)
	}
	return append(groups, []key.Binding{k.Home, k.Help, k.Quit})
}

// View draws header, body and help bar within the window.
// View draws the frame, cleaned of any escape sequence but colour and
// style (textclean.Frame): the last defence, for every station and SSH
// session, against text that reached the screen without passing the store.
func (m *Model) View() string { return textclean.Frame(m.view()) }

func (m *Model) view() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.width < MinWidth || m.height < MinHeight {
		return common.Fit(lipgloss.NewStyle().Width(m.width).Render(
			m.c.T.F("ui.too_small", m.width, m.height, MinWidth, MinHeight)), m.width, m.height)
	}
	w, h := m.bodySize()
	var body string
	if m.active == Home {
		body = m.homeView(w, h)
	} else {
		body = m.station(m.active).View()
	}
	if m.chromeless() {
		return common.Fit(body, m.width, m.height)
	}
	out := m.headerView() + "\n" + common.Fit(body, w, h) + "\n" + m.helpView()
	return common.Fit(out, m.width, m.height)
}

func (m *Model) headerView() string {
	s := m.c.Styles
	name := m.c.T.T("app.name")
	if m.active != Home {
		name = m.c.T.T("station." + string(m.active))
	}
	clock := m.now.Format("15:04:05")
	left := " " + strings.ToUpper(name) + " │ "
	right := " " + clock + " "
	title := common.Trunc(m.meeting.Title, m.width-lipgloss.Width(left)-lipgloss.Width(right))
	line1 := common.Pad(left+title, m.width-lipgloss.Width(right)) + right
	line2 := common.Pad(" "+m.c.T.F("home.file", m.c.Path), m.width)
	if m.notice != "" {
		return s.Header.Render(line1) + "\n" + s.Warn.Render(common.Pad(" "+m.notice, m.width))
	}
	if m.replOn {
		return s.Header.Render(line1) + "\n" + m.replicaLine()
	}
	return s.Header.Render(line1) + "\n" + s.Subtle.Render(line2)
}

func (m *Model) homeView(w, h int) string {
	s := m.c.Styles
	var b strings.Builder
	b.WriteString(s.Title.Render(m.c.T.T("home.title")) + "\n")
	if m.meeting.Theme != "" {
		b.WriteString(s.Subtle.Render(common.Trunc("“"+m.meeting.Theme+"”", w)) + "\n")
	}
	people := m.c.T.F("home.delegates", m.total.Expected+m.total.WalkIns+m.total.Substitutes, m.total.Arrived)
	if m.total.Apologised > 0 {
		people += m.c.T.F("apology.home", m.total.Apologised)
	}
	b.WriteString(s.Subtle.Render(people) + "\n\n")
	for i, id := range Stations {
		line := "  " + s.Key.Render(string(rune('1'+i))) + "  " + common.Pad(m.c.T.T("station."+string(id)), 12) + " " +
			s.Subtle.Render(m.c.T.T("station."+string(id)+".desc"))
		if i == m.cursor {
			line = s.Selected.Render(common.Pad("› "+string(rune('1'+i))+"  "+common.Pad(m.c.T.T("station."+string(id)), 12)+" "+
				m.c.T.T("station."+string(id)+".desc"), w))
		}
		b.WriteString(common.Trunc(line, w) + "\n")
	}
	b.WriteString("\n" + s.Subtle.Render(common.Trunc(m.c.T.T("home.hint"), w)))
	return b.String()
}

// Close releases the session's subscription.
func (m *Model) Close() { m.unsub() }
