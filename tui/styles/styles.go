// Package styles builds every lipgloss style from one Renderer, so each SSH
// session renders with its own terminal's colour profile.
package styles

import "github.com/charmbracelet/lipgloss"

// Styles is the set of styles a station draws with.
type Styles struct {
	R *lipgloss.Renderer

	Header      lipgloss.Style
	HeaderTitle lipgloss.Style
	HeaderInfo  lipgloss.Style
	Title       lipgloss.Style
	Subtle      lipgloss.Style
	Normal      lipgloss.Style
	Bold        lipgloss.Style
	Selected    lipgloss.Style
	Key         lipgloss.Style
	Help        lipgloss.Style
	Box         lipgloss.Style
	FocusBox    lipgloss.Style
	OK          lipgloss.Style // green: done
	Warn        lipgloss.Style // yellow/amber: already here, 80% of time
	Err         lipgloss.Style // red: unknown, over time
	OKBanner    lipgloss.Style
	WarnBanner  lipgloss.Style
	ErrBanner   lipgloss.Style
	Current     lipgloss.Style
	Done        lipgloss.Style
}

// New builds the styles for renderer r (lipgloss.DefaultRenderer() for the
// local terminal, bm.MakeRenderer(s) for an SSH session).
func New(r *lipgloss.Renderer) *Styles {
	green := lipgloss.AdaptiveColor{Light: "#1a7f37", Dark: "#3fb950"}
	amber := lipgloss.AdaptiveColor{Light: "#9a6700", Dark: "#d29922"}
	red := lipgloss.AdaptiveColor{Light: "#cf222e", Dark: "#f85149"}
	accent := lipgloss.AdaptiveColor{Light: "#0550ae", Dark: "#58a6ff"}
	subtle := lipgloss.AdaptiveColor{Light: "#6e7781", Dark: "#8b949e"}
	s := &Styles{R: r}
	s.Header = r.NewStyle().Bold(true).Foreground(lipgloss.Color("#ffffff")).Background(lipgloss.Color("#0b4f8a"))
	s.HeaderTitle = r.NewStyle().Bold(true)
	s.HeaderInfo = r.NewStyle()
	s.Title = r.NewStyle().Bold(true).Foreground(accent)
	s.Subtle = r.NewStyle().Foreground(subtle)
	s.Normal = r.NewStyle()
	s.Bold = r.NewStyle().Bold(true)
	s.Selected = r.NewStyle().Bold(true).Reverse(true)
	s.Key = r.NewStyle().Bold(true).Foreground(accent)
	s.Help = r.NewStyle().Foreground(subtle)
	s.Box = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(subtle).Padding(0, 1)
	s.FocusBox = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1)
	s.OK = r.NewStyle().Foreground(green).Bold(true)
	s.Warn = r.NewStyle().Foreground(amber).Bold(true)
	s.Err = r.NewStyle().Foreground(red).Bold(true)
	s.OKBanner = r.NewStyle().Bold(true).Foreground(lipgloss.Color("#ffffff")).Background(lipgloss.Color("#1a7f37"))
	s.WarnBanner = r.NewStyle().Bold(true).Foreground(lipgloss.Color("#000000")).Background(lipgloss.Color("#d29922"))
	s.ErrBanner = r.NewStyle().Bold(true).Foreground(lipgloss.Color("#ffffff")).Background(lipgloss.Color("#cf222e"))
	s.Current = r.NewStyle().Bold(true).Foreground(accent)
	s.Done = r.NewStyle().Foreground(subtle)
	return s
}
