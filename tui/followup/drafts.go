package followup

import (
	"encoding/json"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
)

// Drafts: a form being typed is saved every second (and when the session
// ends) under "followup/<kind>/<obligation>", per terminal; opening the
// same form on the same obligation again fills it from the draft. A
// saved or cancelled form drops its draft.

const draftPrefix = "followup/"

func (fs *formState) draftKey() string {
	kind := "receipt"
	if fs.Kind == formExtend {
		kind = "extension"
	}
	return draftPrefix + kind + "/" + fs.Key
}

func draftBody(fs *formState) string {
	b, _ := json.Marshal(fs)
	return string(b)
}

// saveDraft saves the open form's values when they changed since the
// last save (always when the session ends, now).
func (m *Model) saveDraft(now bool) tea.Cmd {
	if m.fs == nil {
		return nil
	}
	body := draftBody(m.fs)
	if body == m.drafted && !now {
		return nil
	}
	m.drafted = body
	c, k := m.c, m.fs.draftKey()
	return func() tea.Msg {
		c.Store.SaveDraft(c.Ctx, k, body)
		return nil
	}
}

// fromDraft fills fs from this terminal's draft of the same form, if
// the last load found one.
func (m *Model) fromDraft(fs *formState) *formState {
	k := fs.draftKey()
	for _, d := range m.drafts {
		if d.Key != k {
			continue
		}
		var saved formState
		if json.Unmarshal([]byte(d.Body), &saved) != nil || saved.Kind != fs.Kind || saved.Key != fs.Key {
			break
		}
		saved.held, saved.today, saved.due, saved.referral = fs.held, fs.today, fs.due, fs.referral
		saved.Label = fs.Label
		saved.restored = d.At.Format("15:04")
		return &saved
	}
	return fs
}

// draftNotice names the obligations with a form left unsaved.
func (m *Model) draftNotice() string {
	var refs []string
	for _, d := range m.drafts {
		key := d.Key[strings.LastIndex(d.Key, "/")+1:]
		if o, ok := m.reg.Obligation(key); ok {
			refs = append(refs, ref(m.c.T, o))
		}
	}
	if len(refs) == 0 {
		return ""
	}
	return m.c.T.F("followup.draft.pending", strings.Join(refs, ", "))
}

// forgetDraft drops the draft of fs from what the last load found (the
// store's copy is deleted by the Cmd that saved or cancelled the form).
func (m *Model) forgetDraft(fs *formState) {
	k := fs.draftKey()
	m.drafts = slices.DeleteFunc(m.drafts, func(d store.DraftEntry) bool { return d.Key == k })
}
