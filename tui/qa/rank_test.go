package qa

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"doithoai/tui/i18n"
	"doithoai/tui/styles"
)

// TestChooserRanksPhraseFirst: options where the typed words stand as a
// phrase (consecutive, in order, accents aside) come before those that
// only have each word starting one of theirs; each group keeps the list
// order.
func TestChooserRanksPhraseFirst(t *testing.T) {
	s := styles.New(lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii)))
	opts := []option{
		mkOption("p1", "KN 1 [LĐ-TB&XH] Nhiều chị em phụ nữ nông thôn trên 35 tuổi không thể đi học xa nhà", ""),
		mkOption("p5", "KN 5 [NN&PTNT] Nhà trồng nấm cần vốn", ""),
		mkOption("p13", "KN 13 [LĐ-TB&XH] Không có nơi gửi con: đề nghị mở nhà trẻ, nhóm trẻ", ""),
		mkOption("p20", "KN 20 [GD&ĐT] Trường mầm non, nhà trẻ xuống cấp", ""),
		mkOption("p30", "KN 30 [Y tế] Trẻ nhà nghèo thiếu sữa", ""),
	}
	cases := []struct {
		typed string
		want  []string
	}{
		// the tester's case: P13 said "nhà trẻ", P1 only "xa nhà … trên 35"
		{"nha tre", []string{"p13", "p20", "p1", "p30"}},
		{"Nhà trẻ", []string{"p13", "p20", "p1", "p30"}},
		// the last word may still be being typed
		{"nha tr", []string{"p5", "p13", "p20", "p1", "p30"}},
		// in order: "tre nha" is P30's phrase only
		{"tre nha", []string{"p30", "p1", "p13", "p20"}},
		// punctuation between the words does not break the phrase
		{"tb xh khong", []string{"p13", "p1"}},
		// one word: list order (every hit has it as a word start)
		{"nha", []string{"p1", "p5", "p13", "p20", "p30"}},
		{"mam non", []string{"p20"}},
		{"xyz", nil},
	}
	for _, tc := range cases {
		c := newChooser(s, "", false, false)
		c.setOptions(opts)
		c.in.SetValue(tc.typed)
		c.filter()
		var got []string
		for _, i := range c.hits {
			got = append(got, c.opts[i].key)
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%q: got %v, want %v", tc.typed, got, tc.want)
		}
	}
}

// TestPetitionSearchLinksPhrase: in the real form, typing "nha tre" in the
// petition field and Enter links P13 (nhà trẻ), not P1.
func TestPetitionSearchLinksPhrase(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	press(t, m, "n")
	if m.form.curName() != fText {
		t.Fatalf("focus %s", m.form.curName())
	}
	press(t, m, "Gửi trẻ.", "enter", "nha tre")
	if v := m.View(); !strings.Contains(v, "Kiến nghị 13") {
		t.Fatalf("P13 not highlighted first:\n%s", v)
	}
	press(t, m, "enter")
	qs := questions(t, st)
	pets, _ := st.Petitions(context.Background())
	var p13 int64
	for _, p := range pets {
		if p.No == 13 {
			p13 = p.ID
		}
	}
	if q := qs[len(qs)-1]; q.Text != "Gửi trẻ." || q.PetitionID != p13 {
		t.Fatalf("saved %+v, want petition 13 (id %d)", q, p13)
	}
}
