// Package common is what every station is handed: size, styles, keys, the
// store, the clock and the language. Nothing in tui/ reads package-level
// mutable state, so SSH sessions in one process never share UI state.
package common

import (
	"context"
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/store/replica"
	"doithoai/store/sheet"
	"doithoai/tui/i18n"
	"doithoai/tui/keys"
	"doithoai/tui/styles"
)

// Common is shared by the root and its stations for one session.
type Common struct {
	Ctx    context.Context
	Store  *store.Store
	Styles *styles.Styles
	Keys   *keys.Global
	T      i18n.Catalog
	Now    func() time.Time
	Path   string // meeting file, shown in the header
	// Replica reports the meeting's replica for the header (nil or false:
	// none). It reads memory the process's replica monitor keeps fresh.
	Replica func() (replica.Status, bool)
	// Width and Height are the station area's size (set by the root).
	Width, Height int
}

// Station is what the root drives. Only the root reads tea.WindowSizeMsg;
// it calls SetSize on its children.
type Station interface {
	Init() tea.Cmd
	Update(tea.Msg) (Station, tea.Cmd)
	View() string
	SetSize(width, height int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Capturing is true while a text field or form has the keys: global
	// keys (?, esc, digits) then go to the station, not the root.
	Capturing() bool
}

// ChangedMsg says the meeting file changed (this process or another).
type ChangedMsg struct{}

// TickMsg is the root's one-second clock, forwarded to the active station.
type TickMsg struct{ Now time.Time }

// ErrText maps store errors to catalogued text.
func (c *Common) ErrText(err error) string {
	var fe *store.FieldError
	var limit *sheet.LimitError
	var file *store.FileError
	var docNo *store.DocNumberError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &file):
		if k := "fustore.file." + file.Reason; i18n.Has(k) {
			return c.T.F(k, file.Path)
		}
		return c.T.F("err.generic", err)
	case errors.As(err, &docNo):
		return c.T.F("fustore.docno.taken", docNo.Number, docNo.Agency)
	case errors.As(err, &fe):
		field, reason := fe.Field, fe.Reason
		if k := "field." + field; i18n.Has(k) {
			field = c.T.T(k)
		}
		if k := "reason." + reason; i18n.Has(k) {
			reason = c.T.T(k)
		}
		return c.T.F("err.invalid", field+": "+reason)
	case errors.Is(err, store.ErrForbidden):
		return c.T.T("err.forbidden")
	case errors.Is(err, store.ErrNotFound):
		return c.T.T("err.not_found")
	case errors.Is(err, store.ErrDuplicate):
		return c.T.T("err.duplicate")
	case errors.Is(err, store.ErrBusy):
		return c.T.T("err.busy")
	case errors.Is(err, store.ErrInUse):
		return c.T.T("err.in_use")
	case errors.As(err, &limit):
		return c.T.F("sec.limit."+limit.What, limit.Row, limit.Got, limit.Max, sheet.Size(limit.Got), sheet.Size(limit.Max), limit.Part)
	case errors.Is(err, store.ErrInvalid):
		return c.T.F("err.invalid", err)
	}
	return c.T.F("err.generic", err)
}
