package qa

import (
	"io"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"doithoai/store/fold"
	"doithoai/tui/styles"
)

// TestChooserMatchesWordStarts: typed words must start words of an option,
// as at the check-in desk. "hong van" once picked Đinh Văn Toàn because
// "phong" (Phòng Nội vụ) contains "hong".
func TestChooserMatchesWordStarts(t *testing.T) {
	s := styles.New(lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii)))
	c := newChooser(s, "", true, false)
	opts := []option{
		{key: "1", label: "Đinh Văn Toàn", hint: "Phòng Nội vụ"},
		{key: "2", label: "Nguyễn Thị Hồng Vân", hint: "Hội LHPN"},
	}
	for i := range opts {
		opts[i].folded = fold.Fold(opts[i].label + " " + opts[i].hint)
	}
	c.setOptions(opts)
	c.in.SetValue("hong van")
	c.fresh = false
	c.filter()
	if len(c.hits) != 1 || c.opts[c.hits[0]].key != "2" {
		t.Fatalf("hong van: hits %v", c.hits)
	}
	c.in.SetValue("noi vu")
	c.filter()
	if len(c.hits) != 1 || c.opts[c.hits[0]].key != "1" {
		t.Fatalf("noi vu: hits %v", c.hits)
	}
}

// With nothing typed the whole list shows; a row reached with the arrows is
// the choice when the field is left (it used to be dropped silently).
func TestChooserArrowsWithoutTyping(t *testing.T) {
	s := styles.New(lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii)))
	c := newChooser(s, "", false, false)
	var opts []option
	for _, l := range []string{"KN 1", "KN 2", "KN 3"} {
		opts = append(opts, option{key: l, label: l, folded: fold.Fold(l)})
	}
	c.setOptions(opts)
	c.filter()
	c.commit()
	if k, _ := c.value(); k != "" {
		t.Fatalf("leaving an untouched optional field chose %q", k)
	}
	c.update(tea.KeyMsg{Type: tea.KeyDown})
	c.update(tea.KeyMsg{Type: tea.KeyDown})
	c.commit()
	if k, _ := c.value(); k != "KN 3" {
		t.Fatalf("the row moved to with the arrows was not chosen: %q", k)
	}
}
