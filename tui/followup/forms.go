package followup

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/store/docno"
	"doithoai/tui/components"
)

// formKind says which form is open (0: none).
type formKind int

const (
	formReceipt formKind = iota + 1 // a written answer received
	formExtend                      // gia hạn
)

// formState is what a form edits (huh writes through pointers into it).
// It is also the draft saved every second while typing, so a crash or a
// dropped connection loses nothing typed.
type formState struct {
	Kind   formKind `json:"kind"`
	Key    string   `json:"key"` // the obligation
	Label  string   `json:"label"`
	DocNo  string   `json:"doc_no,omitempty"`
	Signer string   `json:"signer,omitempty"`
	Sum    string   `json:"summary,omitempty"`
	File   string   `json:"file,omitempty"`
	Result string   `json:"result,omitempty"`
	Next   string   `json:"next_due,omitempty"` // dd/mm/yyyy as typed
	To     string   `json:"forwarded_to,omitempty"`
	NewDue string   `json:"new_due,omitempty"` // dd/mm/yyyy as typed
	Reason string   `json:"reason,omitempty"`

	// the obligation's dates, for the checks made while typing
	held, today, due string
	referral         bool
	restored         string // the time of the draft it was filled from
}

// formDoneMsg and formCancelMsg end a form (request numbered).
type formDoneMsg struct{ req int }
type formCancelMsg struct{ req int }

// newState is a blank form for obligation o.
func (m *Model) newState(kind formKind, o store.Obligation) *formState {
	fs := &formState{Kind: kind, Key: o.Key, Label: ref(m.c.T, o) + " · " + m.agencyName(o), Result: string(store.ResultSettled),
		due: o.Due, referral: o.Kind == store.KindReferred}
	if m.reg != nil {
		fs.held, fs.today = m.reg.HeldOn, m.reg.Today
	}
	return fs
}

func (m *Model) agencyName(o store.Obligation) string {
	if s := m.short[o.AgencyID]; s != "" {
		return s
	}
	if o.Agency != "" {
		return o.Agency
	}
	return m.c.T.T("followup.agency.none")
}

func (m *Model) openReceipt(o store.Obligation) tea.Cmd {
	m.formErr = ""
	return m.openForm(m.fromDraft(m.newState(formReceipt, o)))
}

func (m *Model) openExtend(o store.Obligation) tea.Cmd {
	if !o.Status.Open() {
		m.setStatus(m.c.T.T("followup.extend.closed"), true)
		return nil
	}
	m.formErr = ""
	return m.openForm(m.fromDraft(m.newState(formExtend, o)))
}

// formHeader is the lines above the form (its title, a hint or a
// refusal) and the two below it that huh adds for a field's error: a
// form sized without them would push the error out of the window.
func (m *Model) formHeader() int {
	if m.formErr != "" {
		return 5
	}
	return 4
}

// openForm builds a fresh huh form on fs.
func (m *Model) openForm(fs *formState) tea.Cmd {
	t := m.c.T
	var groups []*huh.Group
	if fs.Kind == formReceipt {
		groups = m.receiptGroups(fs)
	} else {
		groups = []*huh.Group{huh.NewGroup(
			huh.NewInput().Title(t.T("followup.form.new_due")).Placeholder(t.T("followup.form.date_ph")).
				Value(&fs.NewDue).Validate(fs.checkNewDue(m)).CharLimit(20),
			components.Limit(t, huh.NewText().Title(t.T("followup.form.reason")).Value(&fs.Reason).Lines(3).
				Validate(components.Required(t, store.MaxReason)), store.MaxReason),
		)}
	}
	km := components.FormKeyMap(t)
	km.Quit = key.NewBinding(key.WithKeys("esc"))
	form := huh.NewForm(groups...).WithKeyMap(km).WithShowHelp(false).WithWidth(m.w).WithHeight(max(1, m.h-m.formHeader()))
	req := m.next()
	form.SubmitCmd = func() tea.Msg { return formDoneMsg{req: req} }
	form.CancelCmd = func() tea.Msg { return formCancelMsg{req: req} }
	m.form, m.formReq, m.fs = form, req, fs
	m.drafted = draftBody(fs)
	return form.Init()
}

func (m *Model) receiptGroups(fs *formState) []*huh.Group {
	t := m.c.T
	var opts []huh.Option[string]
	for _, r := range store.Results {
		if r == store.ResultForwarded && !fs.referral {
			continue
		}
		opts = append(opts, huh.NewOption(t.T("followup.result."+string(r)), string(r)))
	}
	result := huh.NewSelect[string]().Title(t.T("followup.form.result")).Options(opts...).Value(&fs.Result)
	if m.h < 30 {
		result = result.Inline(true)
	}
	fields := []huh.Field{
		huh.NewInput().Title(t.T("followup.form.docno")).Placeholder(t.T("followup.form.docno_ph")).Value(&fs.DocNo).
			DescriptionFunc(func() string { return fs.docPreview(m) }, &fs.DocNo).Validate(fs.checkDoc(m)).CharLimit(store.MaxName),
		components.Limit(t, huh.NewInput().Title(t.T("followup.form.signer")).Value(&fs.Signer), store.MaxName),
		components.Limit(t, huh.NewText().Title(t.T("followup.form.summary")).Value(&fs.Sum).Lines(2), store.MaxSummary),
	}
	// a path typed over SSH would name a file on the laptop, which the
	// device cannot browse (and could only probe): scans are attached there
	if !m.remote {
		fields = append(fields, huh.NewInput().Title(t.T("followup.form.file")).Placeholder(t.T("followup.form.file_ph")).Value(&fs.File).CharLimit(4096))
	} else {
		fs.File = ""
	}
	return []*huh.Group{
		huh.NewGroup(append(fields, result)...),
		huh.NewGroup(
			huh.NewInput().Title(t.T("followup.form.next_due")).Placeholder(t.T("followup.form.date_ph")).Value(&fs.Next).
				Validate(fs.checkNext(m)).CharLimit(20),
		).WithHideFunc(func() bool { return fs.Result != string(store.ResultFurther) }),
		huh.NewGroup(
			components.Limit(t, huh.NewInput().Title(t.T("followup.form.forwarded_to")).Value(&fs.To).
				Validate(components.Required(t, store.MaxName)), store.MaxName),
		).WithHideFunc(func() bool { return fs.Result != string(store.ResultForwarded) }),
	}
}

// docPreview shows the number line as it was read: "→ số 123/LĐTBXH-VL,
// ngày 20/11/2023", so a mistyped date is seen before saving.
func (fs *formState) docPreview(m *Model) string {
	t := m.c.T
	if strings.TrimSpace(fs.DocNo) == "" {
		return t.T("followup.form.docno_desc")
	}
	r, err := docno.Parse(fs.DocNo)
	switch {
	case err != nil:
		return t.T("followup.form.docno_unread")
	case r.Date == "":
		return t.F("followup.form.docno_nodate", r.Number)
	}
	return t.F("followup.form.docno_read", r.Number, date(r.Date))
}

// checkDoc refuses, while typing, what the store would refuse: no
// number, no date, a date before the meeting or after today.
func (fs *formState) checkDoc(m *Model) func(string) error {
	t := m.c.T
	return func(s string) error {
		r, err := docno.Parse(s)
		switch {
		case errors.Is(err, docno.ErrBadDate):
			return errors.New(t.T("followup.form.bad_date"))
		case err != nil:
			return errors.New(t.T("followup.form.docno_unread"))
		case r.Date == "":
			return errors.New(t.F("followup.form.docno_nodate", r.Number))
		case fs.held != "" && r.Date < fs.held:
			return errors.New(t.F("followup.form.before_meeting", date(fs.held)))
		case fs.today != "" && r.Date > fs.today:
			return errors.New(t.F("followup.form.in_future", date(fs.today)))
		}
		return nil
	}
}

// checkNext wants today or a later day for a further follow-up.
func (fs *formState) checkNext(m *Model) func(string) error {
	return checkDay(m, fs.today, false, "followup.form.not_past")
}

// checkNewDue wants a day later than the due date in force.
func (fs *formState) checkNewDue(m *Model) func(string) error {
	return checkDay(m, fs.due, true, "followup.form.after_due")
}

// checkDay reads a day typed dd/mm/yyyy and wants it on or after from
// (strictly after with later), else says msg with from.
func checkDay(m *Model, from string, later bool, msg string) func(string) error {
	t := m.c.T
	return func(s string) error {
		d, ok := components.ParseDate(s)
		switch {
		case !ok:
			return errors.New(t.T("followup.form.bad_date"))
		case from != "" && (d < from || later && d == from):
			return errors.New(t.F(msg, date(from)))
		}
		return nil
	}
}

func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	f, cmd := m.form.Update(msg)
	if ff, ok := f.(*huh.Form); ok {
		m.form = ff
	}
	return cmd
}

// submitForm closes the form and saves it in a Cmd; a refusal brings it
// back with what was typed (see done).
func (m *Model) submitForm() tea.Cmd {
	fs := *m.fs
	m.forgetDraft(m.fs)
	m.form, m.fs, m.formErr = nil, nil, ""
	c := m.c
	req := m.next()
	return func() tea.Msg {
		var status string
		var err error
		if fs.Kind == formReceipt {
			var rc store.Receipt
			rc, err = c.Store.RecordReceipt(c.Ctx, fs.receiptInput())
			status = c.T.F("followup.saved.receipt", rc.DocNo, fs.Label)
		} else {
			due, _ := components.ParseDate(fs.NewDue)
			_, err = c.Store.Extend(c.Ctx, fs.Key, due, fs.Reason)
			status = c.T.F("followup.saved.extension", fs.Label, date(due))
		}
		if err == nil {
			c.Store.DeleteDraft(c.Ctx, fs.draftKey())
		}
		return doneMsg{req: req, status: status, err: err, form: fs}
	}
}

func (fs formState) receiptInput() store.ReceiptInput {
	in := store.ReceiptInput{Obligation: fs.Key, DocNo: fs.DocNo, Signer: fs.Signer, Summary: fs.Sum,
		Result: store.Result(fs.Result), File: scanPath(fs.File)}
	switch in.Result {
	case store.ResultFurther:
		in.NextDue, _ = components.ParseDate(fs.Next)
	case store.ResultForwarded:
		in.ForwardedTo = fs.To
	}
	return in
}

// scanPath reads a path as it comes from a file manager dropped into the
// terminal: quoted, with ~ for the home folder.
func scanPath(p string) string {
	p = strings.TrimSpace(p)
	if len(p) >= 2 && (p[0] == '\'' || p[0] == '"') && p[len(p)-1] == p[0] {
		p = p[1 : len(p)-1]
	}
	if rest, ok := strings.CutPrefix(p, "~"); ok && (rest == "" || rest[0] == '/' || rest[0] == '\\') {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, rest)
		}
	}
	return p
}

// cancelForm closes the form; its draft goes with it.
func (m *Model) cancelForm() tea.Cmd {
	fs := m.fs
	m.form, m.fs, m.formErr = nil, nil, ""
	m.setStatus(m.c.T.T("ui.cancelled"), false)
	if fs == nil {
		return nil
	}
	m.forgetDraft(fs)
	c, k := m.c, fs.draftKey()
	return func() tea.Msg { c.Store.DeleteDraft(c.Ctx, k); return nil }
}
