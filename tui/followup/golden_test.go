package followup_test

import (
	"fmt"
	"testing"

	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// TestGoldens draws the register, the table per agency, an item's detail
// and the receipt form at 80x24 and 200x60, in both languages, with the
// Ascii profile (go test ./tui/followup -run TestGoldens -update).
func TestGoldens(t *testing.T) {
	f := newFixture(t)
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, sz := range [][2]int{{80, 24}, {200, 60}} {
			w, h := sz[0], sz[1]
			name := func(what string) string { return fmt.Sprintf("%s_%s_%dx%d", what, lang, w, h) }
			m := f.open(t, lang, w, h)
			shot := func(what string) {
				t.Helper()
				v := m.View()
				checkFits(t, name(what), v, w, h)
				commontest.Golden(t, name(what), v)
			}
			shot("list")
			press(m, "tab")
			shot("table")
			press(m, "tab", "end", "enter")
			shot("detail")
			press(m, "esc", "home", "r")
			typeText(m, "so 12/LDTBXH-VL ngay 19/11/2023")
			shot("receipt")
			press(m, "esc", "g")
			typeText(m, "1/1/2023")
			press(m, "enter")
			shot("extension")
		}
	}
}
