package setup

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/store/sheet"
	"doithoai/tui/components"
)

type formDoneMsg struct {
	req int
	ok  bool
}

// openForm shows a fresh huh form; save runs when it is submitted.
func (m *Model) openForm(f *huh.Form, save func() tea.Cmd) tea.Cmd {
	km := components.FormKeyMap(m.c.T)
	km.Quit = key.NewBinding(key.WithKeys("esc"))
	req := m.next()
	f = f.WithKeyMap(km).WithShowHelp(false).WithWidth(m.formWidth()).WithHeight(m.formHeight())
	f.SubmitCmd = func() tea.Msg { return formDoneMsg{req: req, ok: true} }
	f.CancelCmd = func() tea.Msg { return formDoneMsg{req: req} }
	m.form, m.formReq, m.formSave = f, req, save
	m.status = ""
	return f.Init()
}

func (m *Model) text(max int, required bool) func(string) error {
	t := m.c.T
	return func(s string) error {
		if required && strings.TrimSpace(s) == "" {
			return errors.New(t.T("err.required"))
		}
		if utf8.RuneCountInString(s) > max {
			return errors.New(t.T("err.too_long"))
		}
		return nil
	}
}

// phone accepts what sheet.Phone can read (empty included).
func (m *Model) phone() func(string) error {
	return func(s string) error {
		if _, err := sheet.Phone(s); err != nil {
			return errors.New(m.c.T.T("setup.bad_phone"))
		}
		return nil
	}
}

// dateField is a day typed dd/mm/yyyy (empty allowed unless required),
// shown the same way.
func (m *Model) dateField(title string, v *string, required bool) *huh.Input {
	return huh.NewInput().Title(title).Value(v).CharLimit(12).Validate(func(s string) error {
		if s = strings.TrimSpace(s); s == "" && required {
			return errors.New(m.c.T.T("err.required"))
		} else if s == "" {
			return nil
		}
		if _, ok := components.ParseDate(s); !ok {
			return errors.New(m.c.T.T("form.bad_date"))
		}
		return nil
	})
}

func (m *Model) openMeetingForm() tea.Cmd { return m.reopenMeeting(m.snap.meeting) }

func (m *Model) reopenMeeting(mt store.Meeting) tea.Cmd {
	t := m.c.T
	turn := strconv.Itoa(mt.TurnSeconds)
	// typed day first (18/10/2023) or as ISO; stored as ISO
	day := components.ShowDate(mt.Date)
	date := func(s string) error {
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		if _, ok := components.ParseDate(s); !ok {
			return errors.New(t.T("form.bad_date"))
		}
		return nil
	}
	clock := func(s string) error {
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		if _, err := time.Parse("15:04", s); err != nil {
			return errors.New(t.T("form.bad_time"))
		}
		return nil
	}
	seconds := func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 10 || n > 3600 {
			return errors.New(t.T("setup.bad_seconds"))
		}
		return nil
	}
	name := m.text(store.MaxName*2, false)
	f := huh.NewForm(
		huh.NewGroup(
			components.Limit(t, huh.NewInput().Title(t.T("meeting.title")).Value(&mt.Title).Validate(m.text(500, true)), 500),
			components.Limit(t, huh.NewInput().Title(t.T("meeting.theme")).Value(&mt.Theme).Validate(m.text(500, false)), 500),
			components.Limit(t, huh.NewInput().Title(t.T("meeting.organiser")).Value(&mt.Organiser).Validate(name), store.MaxName),
			components.Limit(t, huh.NewInput().Title(t.T("meeting.place")).Value(&mt.Place).Validate(name), store.MaxName),
			components.Limit(t, huh.NewInput().Title(t.T("meeting.venue")).Value(&mt.Venue).Validate(name), store.MaxName),
		).Title(t.T("setup.form.meeting")),
		huh.NewGroup(
			huh.NewInput().Title(t.T("meeting.date")).Placeholder("18/10/2023").Value(&day).Validate(date).CharLimit(20),
			huh.NewInput().Title(t.T("meeting.start")).Placeholder("07:30").Value(&mt.StartTime).Validate(clock).CharLimit(20),
			components.Limit(t, huh.NewInput().Title(t.T("meeting.chair")).Value(&mt.Chair).Validate(name), store.MaxName),
			components.Limit(t, huh.NewInput().Title(t.T("meeting.chair_title")).Value(&mt.ChairTitle).Validate(name), store.MaxName),
			huh.NewInput().Title(t.T("meeting.turn")).Value(&turn).Validate(seconds).CharLimit(4),
		).Title(t.T("setup.form.meeting")),
		m.signingGroup(&mt),
	)
	return m.openForm(f, func() tea.Cmd {
		mt.TurnSeconds, _ = strconv.Atoi(strings.TrimSpace(turn))
		mt.Date, _ = components.ParseDate(day)
		mt.StartTime = strings.TrimSpace(mt.StartTime)
		return m.act(m.c.T.T("ui.saved"), func() error { return m.c.Store.SaveMeeting(m.c.Ctx, mt) },
			func(error) tea.Cmd { return m.reopenMeeting(mt) })
	})
}

// signingGroup asks who keeps and signs the documents: the secretary of
// the minutes, the notice's signer (the chair, or KT./TL. with a name and
// title), the office that drafts it and follows its tasks up.
func (m *Model) signingGroup(mt *store.Meeting) *huh.Group {
	t := m.c.T
	name := m.text(store.MaxName, false)
	var as []huh.Option[store.SignAs]
	for _, a := range store.SignAsValues {
		as = append(as, huh.NewOption(t.T("doc.sign_as."+cmpOr(string(a), "chair")), a))
	}
	signer := func(s string) error {
		if mt.SignAs != store.SignChair && strings.TrimSpace(s) == "" {
			return errors.New(t.T("doc.signer_required"))
		}
		return name(s)
	}
	return huh.NewGroup(
		components.Limit(t, huh.NewInput().Title(t.T("doc.secretary")).Value(&mt.Secretary).Validate(name), store.MaxName),
		components.Limit(t, huh.NewInput().Title(t.T("doc.secretary_title")).Value(&mt.SecretaryTitle).Validate(name), store.MaxName),
		huh.NewSelect[store.SignAs]().Title(t.T("doc.sign_as")).Options(as...).Value(&mt.SignAs).Height(len(as)+1),
		components.Limit(t, huh.NewInput().Title(t.T("doc.signer")).Value(&mt.Signer).Validate(signer), store.MaxName),
		components.Limit(t, huh.NewInput().Title(t.T("doc.signer_title")).Description(t.T("doc.signer_title_hint")).Value(&mt.SignerTitle).Validate(name), store.MaxName),
		components.Limit(t, huh.NewInput().Title(t.T("doc.office")).Description(t.T("doc.office_hint")).Value(&mt.Office).Validate(name), store.MaxName),
		huh.NewInput().Title(t.T("doc.office_code")).Description(t.T("doc.office_code_hint")).Value(&mt.OfficeCode).Validate(m.text(20, false)).CharLimit(20),
	).Title(t.T("doc.form.signing"))
}

// addressingField: "Giao" or "Đề nghị" for the unit in the conclusion
// notice, or as its kind says (shown with what that gives now).
func (m *Model) addressingField(u *store.Unit) *huh.Select[store.Addressing] {
	t := m.c.T
	byKind := *u
	byKind.Addressing = store.AddressByKind
	now := t.T(pick(byKind.Requested(), "doc.addressing.request", "doc.addressing.assign"))
	opts := []huh.Option[store.Addressing]{
		huh.NewOption(t.F("doc.addressing.kind", now), store.AddressByKind),
		huh.NewOption(t.T("doc.addressing.assign"), store.AddressAssign),
		huh.NewOption(t.T("doc.addressing.request"), store.AddressAsk),
	}
	return huh.NewSelect[store.Addressing]().Title(t.T("doc.addressing")).Options(opts...).Value(&u.Addressing).Inline(true)
}

// honorificField chooses Ông or Bà; a new delegate left "not known" gets
// the store's proposal from the name ("Thị" → Bà).
func (m *Model) honorificField(d *store.Delegate) *huh.Select[string] {
	t := m.c.T
	unknown := "doc.honorific.unknown"
	if d.ID == 0 {
		unknown = "doc.honorific.guess"
	}
	opts := []huh.Option[string]{huh.NewOption(t.T(unknown), "")}
	for _, h := range store.Honorifics[1:] {
		opts = append(opts, huh.NewOption(h, h))
	}
	return huh.NewSelect[string]().Title(t.T("doc.honorific")).Options(opts...).Value(&d.Honorific).Inline(true)
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func (m *Model) openUnitForm(u store.Unit) tea.Cmd {
	t := m.c.T
	var kinds []huh.Option[store.UnitKind]
	for _, k := range store.UnitKinds {
		kinds = append(kinds, huh.NewOption(t.T("setup.unitkind."+string(k)), k))
	}
	f := huh.NewForm(huh.NewGroup(
		components.Limit(t, huh.NewInput().Title(t.T("setup.f.unit_name")).Value(&u.Name).Validate(m.text(store.MaxName, true)), store.MaxName),
		components.Limit(t, huh.NewInput().Title(t.T("setup.f.unit_short")).Value(&u.Short).Validate(m.text(store.MaxName, false)), store.MaxName),
		huh.NewSelect[store.UnitKind]().Title(t.T("setup.f.unit_kind")).Options(kinds...).Value(&u.Kind).Height(len(kinds)+1),
		m.addressingField(&u),
	).Title(t.T(pick(u.ID == 0, "setup.form.unit_new", "setup.form.unit"))),
		// who the office calls about the unit's prepared answers
		huh.NewGroup(
			components.Limit(t, huh.NewInput().Title(t.T("prep.f.contact")).Description(t.T("prep.f.contact_hint")).Value(&u.Contact).Validate(m.text(store.MaxName, false)), store.MaxName),
			huh.NewInput().Title(t.T("setup.f.phone")).Value(&u.Phone).Validate(m.phone()).CharLimit(40),
		).Title(t.T(pick(u.ID == 0, "setup.form.unit_new", "setup.form.unit"))),
	)
	return m.openForm(f, func() tea.Cmd {
		u.Phone, _ = sheet.Phone(u.Phone)
		return m.act(m.c.T.T("ui.saved"), func() error { _, err := m.c.Store.SaveUnit(m.c.Ctx, u); return err },
			func(error) tea.Cmd { return m.openUnitForm(u) })
	})
}

func (m *Model) openGroupForm(g store.Group) tea.Cmd {
	t := m.c.T
	quota := strconv.Itoa(g.Quota)
	f := huh.NewForm(huh.NewGroup(
		components.Limit(t, huh.NewInput().Title(t.T("setup.f.group_name")).Value(&g.Name).Validate(m.text(store.MaxName, true)), store.MaxName),
		huh.NewInput().Title(t.T("setup.f.quota")).Description(t.T("setup.f.quota_hint")).Value(&quota).CharLimit(6).
			Validate(func(s string) error {
				if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 0 {
					return errors.New(t.T("setup.bad_quota"))
				}
				return nil
			}),
	).Title(t.T(pick(g.ID == 0, "setup.form.group_new", "setup.form.group"))))
	return m.openForm(f, func() tea.Cmd {
		g.Quota, _ = strconv.Atoi(strings.TrimSpace(quota))
		return m.act(m.c.T.T("ui.saved"), func() error { _, err := m.c.Store.SaveGroup(m.c.Ctx, g); return err },
			func(error) tea.Cmd { return m.openGroupForm(g) })
	})
}

// unitInput is a unit typed without accents, like a name at the desk, and
// resolved to one of the meeting's units when the form is saved.
type unitInput struct {
	text string
	id   *int64
}

// unitField is the input for u; the line under it names the unit the typed
// words match. Empty means no unit; a name that matches none is refused
// (units are added in their own tab).
func (m *Model) unitField(title string, u *unitInput) huh.Field {
	for _, x := range m.snap.units {
		if x.ID == *u.id {
			u.text = x.Name
		}
	}
	return components.UnitField(m.c.T, title, m.snap.units, &u.text, false)
}

// resolve sets the unit id from the typed text (validated already).
func (m *Model) resolve(us ...*unitInput) {
	for _, u := range us {
		*u.id = 0
		if x, n := components.MatchUnit(m.snap.units, strings.TrimSpace(u.text)); n == 1 {
			*u.id = x.ID
		}
	}
}

func (m *Model) openDelegateForm(d store.Delegate) tea.Cmd {
	t := m.c.T
	groups := []huh.Option[int64]{huh.NewOption(t.T("ui.none"), int64(0))}
	for _, g := range m.snap.groups {
		groups = append(groups, huh.NewOption(g.Name, g.ID))
	}
	phone := m.phone()
	text := m.text(64, d.ID != 0)
	// a code another delegate holds is refused at the field, naming them,
	// so the user stays where the mistake is
	code := func(s string) error {
		if err := text(s); err != nil {
			return err
		}
		if x, ok := m.codeHolder(s, d.ID); ok {
			return errors.New(t.F("setup.code_taken", x.Code, x.FullName))
		}
		return nil
	}
	rows := max(3, min(8, m.formHeight()-8))
	unit := &unitInput{id: &d.UnitID}
	protocol := ""
	if d.Protocol > 0 {
		protocol = strconv.Itoa(d.Protocol)
	}
	f := huh.NewForm(
		huh.NewGroup(
			components.Limit(t, huh.NewInput().Title(t.T("setup.f.name")).Value(&d.FullName).Validate(m.text(store.MaxName, true)), store.MaxName),
			components.Limit(t, huh.NewInput().Title(t.T("setup.f.title")).Value(&d.Title).Validate(m.text(store.MaxName, false)), store.MaxName),
			huh.NewInput().Title(t.T("setup.f.phone")).Value(&d.Phone).Validate(phone).CharLimit(40),
			huh.NewInput().Title(t.T("setup.f.code")).Description(t.T(pick(d.ID == 0, "setup.f.code_hint", ""))).Value(&d.Code).Validate(code).CharLimit(64),
			m.honorificField(&d),
		).Title(t.T(pick(d.ID == 0, "setup.form.delegate_new", "setup.form.delegate"))),
		huh.NewGroup(
			m.unitField(t.T("setup.f.unit"), unit),
		).Title(t.T(pick(d.ID == 0, "setup.form.delegate_new", "setup.form.delegate"))),
		huh.NewGroup(
			huh.NewSelect[int64]().Title(t.T("setup.f.group")).Options(groups...).Value(&d.GroupID).Height(min(rows, len(groups)+1)),
			// the order the MC introduces an official in (the script)
			huh.NewInput().Title(t.T("prep.f.protocol")).Description(t.T("prep.f.protocol_hint")).Value(&protocol).CharLimit(4).
				Validate(func(s string) error {
					if n, err := strconv.Atoi(strings.TrimSpace(cmpOr(strings.TrimSpace(s), "0"))); err != nil || n < 0 {
						return errors.New(t.T("prep.f.protocol_bad"))
					}
					return nil
				}),
		).Title(t.T(pick(d.ID == 0, "setup.form.delegate_new", "setup.form.delegate"))),
	)
	return m.openForm(f, func() tea.Cmd {
		m.resolve(unit)
		d.Protocol, _ = strconv.Atoi(strings.TrimSpace(cmpOr(strings.TrimSpace(protocol), "0")))
		d.Phone, _ = sheet.Phone(d.Phone)
		name := strings.TrimSpace(d.FullName)
		st, ctx := m.c.Store, m.c.Ctx
		return m.act(m.c.T.F("setup.saved_delegate", name), func() error {
			_, err := st.SaveDelegate(ctx, d)
			if errors.Is(err, store.ErrDuplicate) {
				// taken since the form opened (another desk): say by whom
				if x, e := st.DelegateByCode(ctx, d.Code); e == nil && x.ID != d.ID {
					return &codeTaken{code: x.Code, name: x.FullName, err: err}
				}
			}
			return err
		}, func(err error) tea.Cmd {
			cmd := m.openDelegateForm(d)
			var codeErr *codeTaken
			if errors.As(err, &codeErr) {
				// back on the code field: name, title, phone, then code
				for range 3 {
					m.form.NextField()
				}
			}
			return cmd
		})
	})
}

func (m *Model) openPetitionForm(p store.Petition) tea.Cmd {
	t := m.c.T
	topics := []huh.Option[string]{huh.NewOption(t.T("ui.none"), "")}
	known := false
	for _, tp := range m.snap.topics {
		topics = append(topics, huh.NewOption(tp, tp))
		known = known || tp == p.Topic
	}
	if p.Topic != "" && !known {
		topics = append(topics, huh.NewOption(p.Topic, p.Topic))
	}
	who := ""
	if p.DelegateID != 0 {
		for _, d := range m.snap.delegates {
			if d.ID == p.DelegateID {
				who = d.Code
			}
		}
	}
	byCode := func(s string) (store.Delegate, bool) {
		s = strings.TrimSpace(s)
		for _, d := range m.snap.delegates {
			if strings.EqualFold(d.Code, s) {
				return d, true
			}
		}
		return store.Delegate{}, false
	}
	rows := max(3, min(8, m.formHeight()-6))
	source, agency := &unitInput{id: &p.SourceUnitID}, &unitInput{id: &p.AgencyID}
	asked, due, received := components.ShowDate(p.AskedOn), components.ShowDate(p.DueOn), components.ShowDate(p.ReceivedOn)
	before := p.PreparedAnswer
	f := huh.NewForm(
		huh.NewGroup(
			huh.NewSelect[string]().Title(t.T("setup.f.topic")).Options(topics...).Value(&p.Topic).Height(min(rows, len(topics)+1)),
			components.Limit(t, huh.NewText().Title(t.T("setup.f.text")).Value(&p.Text).Validate(m.text(store.MaxText, true)).Lines(4), store.MaxText),
		).Title(t.T(pick(p.ID == 0, "setup.form.petition_new", "setup.form.petition"))),
		huh.NewGroup(
			huh.NewInput().Title(t.T("setup.f.delegate_code")).Description(t.T("setup.f.delegate_code_hint")).Value(&who).CharLimit(64).
				Validate(func(s string) error {
					if strings.TrimSpace(s) == "" {
						return nil
					}
					if _, ok := byCode(s); !ok {
						return errors.New(t.T("setup.no_code"))
					}
					return nil
				}),
			m.unitField(t.T("setup.f.source_unit"), source),
		).Title(t.T(pick(p.ID == 0, "setup.form.petition_new", "setup.form.petition"))),
		huh.NewGroup(
			m.unitField(t.T("setup.f.agency"), agency),
			m.dateField(t.T("prep.f.asked"), &asked, false),
			m.dateField(t.T("prep.f.due"), &due, false),
		).Title(t.T(pick(p.ID == 0, "setup.form.petition_new", "setup.form.petition"))),
		huh.NewGroup(
			components.Limit(t, huh.NewText().Title(t.T("setup.f.answer")).Value(&p.PreparedAnswer).Validate(m.text(store.MaxText, false)).Lines(6), store.MaxText),
			m.dateField(t.T("prep.f.received"), &received, false).Description(t.T("prep.f.received_hint")),
		).Title(t.T(pick(p.ID == 0, "setup.form.petition_new", "setup.form.petition"))),
	)
	return m.openForm(f, func() tea.Cmd {
		m.resolve(source, agency)
		p.AskedOn, _ = components.ParseDate(asked)
		p.DueOn, _ = components.ParseDate(due)
		p.ReceivedOn, _ = components.ParseDate(received)
		// an answer typed in now arrived today unless a day is given
		if p.ReceivedOn == "" && strings.TrimSpace(p.PreparedAnswer) != "" && p.PreparedAnswer != before {
			p.ReceivedOn = m.c.Now().Format("2006-01-02")
		}
		p.DelegateID = 0
		if d, ok := byCode(who); ok {
			p.DelegateID = d.ID
		}
		return m.act(m.c.T.T("ui.saved"), func() error { _, err := m.c.Store.SavePetition(m.c.Ctx, p); return err },
			func(error) tea.Cmd { return m.openPetitionForm(p) })
	})
}

// codeHolder is the other delegate (not id) whose code is s, ignoring
// case and surrounding space as the check-in desk does.
func (m *Model) codeHolder(s string, id int64) (store.Delegate, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return store.Delegate{}, false
	}
	for _, x := range m.snap.delegates {
		if x.ID != id && strings.EqualFold(x.Code, s) {
			return x, true
		}
	}
	return store.Delegate{}, false
}

// codeTaken is the store's refusal of a duplicate code with the holder's
// name looked up.
type codeTaken struct {
	code, name string
	err        error
}

func (e *codeTaken) Error() string { return e.err.Error() }
func (e *codeTaken) Unwrap() error { return e.err }

func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}
