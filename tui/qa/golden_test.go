package qa

import (
	"testing"

	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// The station area is the window less the header (2 lines) and the help
// bar (1 line): 80x24 -> 80x21, 120x40 -> 120x37.
func TestLogGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, sz := range []struct {
			w, h int
			name string
		}{{80, 21, "80x24"}, {120, 37, "120x40"}} {
			m, _ := newTest(t, lang, sz.w, sz.h, true)
			golden(t, "log_"+sz.name+"_"+string(lang), m.View())
		}
	}
}

// TestScreensGolden: the question form with a petition found by its
// agency, the answer form for a written answer, the petitions view and a
// record's history.
func TestScreensGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, sz := range []struct {
			w, h int
			name string
		}{{80, 21, "80x24"}, {120, 37, "120x40"}} {
			sfx := "_" + sz.name + "_" + string(lang)
			m, _ := newTest(t, lang, sz.w, sz.h, true)
			press(t, m, "n", "shift+tab", "suc khoe", "enter", "Khám sàng lọc miễn phí cho phụ nữ cao tuổi ở xã vùng biển.", "enter", "phong y te")
			golden(t, "question_form"+sfx, m.View())
			press(t, m, "enter", "a", "enter", "enter", "Giao Phòng Y tế trả lời.", "enter", "2", "enter", "enter")
			golden(t, "answer_form"+sfx, m.View())
			press(t, m, "esc", "esc", "p")
			golden(t, "petitions"+sfx, m.View())
			press(t, m, "p", "home", "e", " (sửa)", "ctrl+s", "h")
			golden(t, "history"+sfx, m.View())
		}
	}
}

func golden(t *testing.T, name, got string) { t.Helper(); commontest.Golden(t, name, got) }
