package tui

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"doithoai/tui/common"
	"doithoai/tui/i18n"
	"doithoai/tui/keys"
	"doithoai/tui/styles"
)

// StationHelp is what `doithoai STATION --help` prints: the station's
// purpose and its keys, taken from the same key maps as its help bar, so
// the two never disagree. No meeting is opened for it.
func StationHelp(id StationID, l i18n.Lang) string {
	t := i18n.New(l)
	r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
	c := &common.Common{Ctx: context.Background(), Styles: styles.New(r), Keys: keys.NewGlobal(t), T: t,
		Now: time.Now, Width: 80, Height: 24}
	s := constructors[id](c)
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n\n%s\n", t.T("station."+string(id)), t.T("station."+string(id)+".desc"), t.T("help.keys"))
	seen := map[string]bool{}
	var keysShown string
	g := c.Keys
	for _, col := range append(s.FullHelp(), []key.Binding{g.Help, g.Home, g.Quit}) {
		for _, k := range col {
			h := k.Help()
			// an arrow already shown in a pair ("↑↓ choose") is not repeated
			arrow := len([]rune(h.Key)) == 1 && strings.ContainsAny(h.Key, "↑↓←→") && strings.Contains(keysShown, h.Key)
			if h.Key == "" || seen[h.Key+h.Desc] || arrow {
				continue
			}
			seen[h.Key+h.Desc] = true
			keysShown += h.Key + " "
			fmt.Fprintf(&b, "  %-12s %s\n", h.Key, h.Desc)
		}
	}
	return b.String()
}
