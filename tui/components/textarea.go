package components

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textarea"

	"doithoai/store"
	"doithoai/tui/common"
)

// TextArea is an editor for a long text the store keeps (an MC's words,
// the notice's assessment): no prompt or line numbers, the station's plain
// styles, a steady cursor (no blink messages to every SSH session), at
// most store.MaxText characters, holding value.
func TextArea(c *common.Common, value string) textarea.Model {
	ta := textarea.New()
	ta.Prompt = ""
	ta.ShowLineNumbers = false
	ta.CharLimit = store.MaxText
	ta.MaxHeight = 0
	st := textarea.Style{Base: c.Styles.Normal, CursorLine: c.Styles.Normal, Text: c.Styles.Normal, Placeholder: c.Styles.Subtle,
		Prompt: c.Styles.Normal, EndOfBuffer: c.Styles.Subtle}
	ta.FocusedStyle, ta.BlurredStyle = st, st
	ta.Cursor.SetMode(cursor.CursorStatic)
	ta.SetValue(value)
	return ta
}
