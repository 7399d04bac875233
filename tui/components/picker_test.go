package components_test

import (
	"context"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common/commontest"
	"doithoai/tui/components"
)

func pickerOnDemo(t *testing.T) (*components.DelegatePicker, []store.Delegate) {
	t.Helper()
	c, st := commontest.New(t, 80, 21)
	ds, err := st.Delegates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p := components.NewDelegatePicker(c, "")
	p.SetDelegates(ds, components.BuildIndex(ds))
	return p, ds
}

func TestPickerNamesakesTiedAndAmbiguous(t *testing.T) {
	p, _ := pickerOnDemo(t)
	p.SetQuery("nguyen thi hoa")
	hits := p.Hits()
	if len(hits) < 3 || !p.Ambiguous() || !p.Tied(0) || !p.Tied(1) || p.Tied(2) || p.Tied(-1) || p.Tied(len(hits)) {
		t.Fatalf("hits %v: ambiguous %v tied %v %v %v", hits, p.Ambiguous(), p.Tied(0), p.Tied(1), p.Tied(2))
	}
	a, _ := p.ByID(hits[0].ID)
	b, _ := p.ByID(hits[1].ID)
	if a.FullName != b.FullName || a.UnitName == b.UnitName {
		t.Fatalf("tied rows %q/%q and %q/%q", a.FullName, a.UnitName, b.FullName, b.UnitName)
	}
	// a query that singles one person out is neither
	p.SetQuery("toan")
	if p.Ambiguous() || p.Tied(0) {
		t.Fatal("toan is one person")
	}
	p.Reset()
	if len(p.Hits()) != 0 || p.Tied(0) || p.Ambiguous() {
		t.Fatal("reset left hits")
	}
}

func TestPickerKeepsSelectionAcrossReload(t *testing.T) {
	p, ds := pickerOnDemo(t)
	for _, r := range "nguyen thi hoa" {
		k := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}
		if r == ' ' {
			k = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{r}}
		}
		p.Update(k)
	}
	p.Update(tea.KeyMsg{Type: tea.KeyDown})
	sel, ok := p.Selected()
	if !ok || p.Cursor() != 1 {
		t.Fatalf("cursor %d", p.Cursor())
	}
	p.SetDelegates(ds, components.BuildIndex(ds))
	now, _ := p.Selected()
	if p.Query() != "nguyen thi hoa" || now.ID != sel.ID || !p.Tied(p.Cursor()) {
		t.Fatalf("after reload: %q, selected %d want %d", p.Query(), now.ID, sel.ID)
	}
}
