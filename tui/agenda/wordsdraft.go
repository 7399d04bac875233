package agenda

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
)

// Drafts of the MC's words: the open editor is saved every second (and
// when the session ends) under "agenda/words/<item>", per terminal's
// station and user. A crash or a kill loses nothing typed: w on the same
// item opens the draft again, and the run-sheet says which items have one.
// Saving or leaving the editor drops the draft.

const wordsDraftPrefix = "agenda/words/"

func wordsDraftKey(item int64) string { return wordsDraftPrefix + strconv.FormatInt(item, 10) }

// loadWordsDrafts lists this terminal's unsaved words (the load's Cmd).
func loadWordsDrafts(c *common.Common) []store.DraftEntry {
	ds, _ := c.Store.Drafts(c.Ctx, wordsDraftPrefix)
	return ds
}

// wordsDraft is the draft of item from the last load, if any.
func (m *Model) wordsDraft(item int64) (store.DraftEntry, bool) {
	k := wordsDraftKey(item)
	i := slices.IndexFunc(m.drafts, func(d store.DraftEntry) bool { return d.Key == k })
	if i < 0 {
		return store.DraftEntry{}, false
	}
	return m.drafts[i], true
}

// saveWordsDraft saves the editor's text when it changed since the last
// save (always when the session ends, now).
func (m *Model) saveWordsDraft(now bool) tea.Cmd {
	e := m.editor
	if e == nil {
		return nil
	}
	body := e.ta.Value()
	if body == e.drafted && !now {
		return nil
	}
	e.drafted = body
	return m.dw.Save(m.c, wordsDraftKey(e.item.ID), body, e.gen)
}

// closeWords leaves the editor and drops its draft; done, when set, is
// the store change that must succeed first (the words saved).
func (m *Model) closeWords(status string, done func() error) tea.Cmd {
	e := m.editor
	m.editor = nil
	k := wordsDraftKey(e.item.ID)
	m.drafts = slices.DeleteFunc(m.drafts, func(d store.DraftEntry) bool { return d.Key == k })
	c, dw, gen := m.c, m.dw, e.gen
	return m.act(status, func() error {
		if done != nil {
			if err := done(); err != nil {
				return err
			}
		}
		return dw.Drop(c, k, gen)
	})
}

// draftsNotice names the items whose words were left unsaved.
func (m *Model) draftsNotice() string {
	var refs []string
	for _, d := range m.drafts {
		id, _ := strconv.ParseInt(strings.TrimPrefix(d.Key, wordsDraftPrefix), 10, 64)
		for _, it := range m.snap.items {
			if it.ID == id {
				refs = append(refs, fmt.Sprint(it.Position))
			}
		}
	}
	if len(refs) == 0 {
		return ""
	}
	return m.c.T.F("words.draft.pending", strings.Join(refs, ", "))
}
