package agenda_test

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

// ctrl sends a control key (ctrl+s, ctrl+r) through the Update loop.
func ctrl(s common.Station, k tea.KeyType) common.Station {
	s, cmd := s.Update(tea.KeyMsg{Type: k})
	return drive(s, cmd)
}

// typeRunes types text one rune per key message, Vietnamese included.
func typeRunes(s common.Station, text string) common.Station {
	for _, r := range text {
		s = press(s, string(r))
	}
	return s
}

// TestMCWords: w on the run-sheet opens the chosen item's words, the
// template first; what the moderator types is stored with ctrl+s and
// audited; ctrl+r puts the template back and saving it stores none, so
// the words follow the template again; esc leaves without saving.
func TestMCWords(t *testing.T) {
	c, st, _ := env(t, i18n.VI, 80, 24)
	ctx := context.Background()
	s := open(t, c)
	s = press(s, "down", "w")
	v := s.View()
	if !s.Capturing() || !strings.Contains(v, "Lời dẫn: 2. Tuyên bố lý do, giới thiệu đại biểu  (lời mẫu)") ||
		!strings.Contains(v, "Kính thưa đồng chí Trần Minh Đức, Chủ tịch UBND thị xã!") || !strings.Contains(v, "[DANH SÁCH ĐẠI BIỂU]") {
		t.Fatalf("editor:\n%s", v)
	}
	golden(t, "words_vi_80x24", v)
	// keys that are commands elsewhere are typed here
	s = press(s, "enter")
	s = typeRunes(s, "Xin mời quý vị ổn định chỗ ngồi. n b 1")
	if !strings.Contains(s.View(), "(đã sửa)") {
		t.Fatalf("not marked edited:\n%s", s.View())
	}
	s = ctrl(s, tea.KeyCtrlS)
	if s.Capturing() || !strings.Contains(s.View(), "Đã lưu lời dẫn") {
		t.Fatalf("after ctrl+s:\n%s", s.View())
	}
	its := items(t, st)
	if !strings.HasSuffix(its[1].Words, "Xin mời quý vị ổn định chỗ ngồi. n b 1") || !strings.HasPrefix(its[1].Words, "Kính thưa") {
		t.Fatalf("stored %q", its[1].Words)
	}
	if its[0].StartedAt.IsZero() == false {
		t.Fatal("n typed in the editor started the meeting")
	}
	h, _ := st.History(ctx, "agenda_item", its[1].ID, 1)
	if len(h) != 1 || h[0].Station != "agenda" || !strings.Contains(h[0].After, "ổn định chỗ ngồi") {
		t.Fatalf("audit %+v", h)
	}
	// open again: the saved words; esc leaves them as they are
	s = press(s, "w")
	if !strings.Contains(s.View(), "(đã sửa)") || !strings.Contains(s.View(), "ổn định chỗ ngồi") {
		t.Fatalf("reopened:\n%s", s.View())
	}
	s = typeRunes(s, " thêm")
	s = press(s, "esc")
	if s.Capturing() || !strings.HasSuffix(items(t, st)[1].Words, "chỗ ngồi. n b 1") {
		t.Fatal("esc saved")
	}
	// back to the template
	s = press(s, "w")
	s = ctrl(s, tea.KeyCtrlR)
	if !strings.Contains(s.View(), "(lời mẫu)") {
		t.Fatalf("ctrl+r:\n%s", s.View())
	}
	s = ctrl(s, tea.KeyCtrlS)
	if items(t, st)[1].Words != "" || !strings.Contains(s.View(), "Lời dẫn theo mẫu") {
		t.Fatalf("template saved as %q\n%s", items(t, st)[1].Words, s.View())
	}
}

// TestMCWordsEnglish: the editor at 80x24 in English, the template the
// same Vietnamese words (they are read aloud in Vietnamese).
func TestMCWordsEnglish(t *testing.T) {
	c, _, _ := env(t, i18n.EN, 80, 24)
	s := open(t, c)
	for range 7 {
		s = press(s, "down")
	}
	s = press(s, "w")
	v := s.View()
	if !strings.Contains(v, "MC's words: 8. Đối thoại giữa Chủ tịch UBND thị xã với phụ nữ  (template)") || !strings.Contains(v, "không quá 03 phút") {
		t.Fatalf("editor:\n%s", v)
	}
	golden(t, "words_en_80x24", v)
	found := false
	for _, b := range s.ShortHelp() {
		found = found || (b.Help().Key == "ctrl+r" && b.Help().Desc == "back to the template")
	}
	if !found {
		t.Error("ctrl+r not in the help bar")
	}
}

// TestMCWordsPaste: a paste past the store's limit is cut there and says
// so; what is saved is within the limit.
func TestMCWordsPaste(t *testing.T) {
	c, st, _ := env(t, i18n.EN, 80, 24)
	s := open(t, c)
	s = press(s, "w")
	s = ctrl(s, tea.KeyCtrlR)
	big := []rune(strings.Repeat("Lời dẫn rất dài. ", 400))
	s, cmd := s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: big, Paste: true})
	s = drive(s, cmd)
	if v := s.View(); !strings.Contains(v, "4000") {
		t.Fatalf("no note of the cut paste:\n%s", v)
	}
	s = ctrl(s, tea.KeyCtrlS)
	if n := len([]rune(items(t, st)[0].Words)); n == 0 || n > 4000 {
		t.Fatalf("saved %d runes", n)
	}
}

// tick sends the station's one-second tick.
func tick(s common.Station) common.Station {
	s, cmd := s.Update(common.TickMsg{})
	return drive(s, cmd)
}

// TestMCWordsDraft: words typed and not saved survive a crash: the tick
// saves them as a draft, a new station on the same file names the item
// on the run-sheet and w opens the draft again; esc drops it, and a tick
// after that does not bring it back.
func TestMCWordsDraft(t *testing.T) {
	c, st, _ := env(t, i18n.VI, 80, 24)
	ctx := context.Background()
	s := open(t, c)
	s = press(s, "down", "w")
	s = typeRunes(s, " Xin moi quy vi on dinh cho ngoi")
	s = tick(s)
	ds, err := st.Drafts(ctx, "agenda/words/")
	if err != nil || len(ds) != 1 || !strings.HasSuffix(ds[0].Body, "Xin moi quy vi on dinh cho ngoi") {
		t.Fatalf("draft after a tick: %+v, %v", ds, err)
	}
	// the terminal dies: a new one on the same file
	s = open(t, c)
	if v := s.View(); !strings.Contains(v, "Lời dẫn chưa lưu của mục 2") {
		t.Fatalf("run-sheet after restart:\n%s", v)
	}
	s = press(s, "down", "w")
	v := s.View()
	if !strings.Contains(v, "Xin moi quy vi on dinh cho") || !strings.Contains(v, "được mở lại (chưa lưu)") || !strings.Contains(v, "(đã sửa)") {
		t.Fatalf("draft reopened:\n%s", v)
	}
	if its := items(t, st); its[1].Words != "" {
		t.Fatalf("a draft was stored as the words: %q", its[1].Words)
	}
	s = press(s, "esc")
	s = tick(s)
	if ds, _ := st.Drafts(ctx, "agenda/words/"); len(ds) != 0 {
		t.Fatalf("draft kept after esc: %+v", ds)
	}
	// saved words drop their draft too
	s = press(s, "w")
	s = typeRunes(s, " them")
	s = tick(s)
	s = ctrl(s, tea.KeyCtrlS)
	s = tick(s)
	if ds, _ := st.Drafts(ctx, "agenda/words/"); len(ds) != 0 || !strings.HasSuffix(items(t, st)[1].Words, " them") {
		t.Fatalf("after ctrl+s: drafts %+v, words %q", ds, items(t, st)[1].Words)
	}
	if v := open(t, c).View(); strings.Contains(v, "chưa lưu") {
		t.Fatalf("a saved draft is still named:\n%s", v)
	}
}
