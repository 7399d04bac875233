package followup_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/tui/i18n"
)

// TestUnheldMeetingSaysSo: before the meeting is held the list is empty
// and says why, in words that fit 80 columns, in both languages.
func TestUnheldMeetingSaysSo(t *testing.T) {
	ctx := context.Background()
	f := &fixture{clock: &clock{t: at("2023-11-20 09:00")}}
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "m.db"), store.Options{Create: true, Now: f.clock.now, NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	seed, _ := assets.Demo()
	if err := st.LoadSeed(ctx, seed); err != nil {
		t.Fatal(err)
	}
	f.st = st
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		m := f.open(t, lang, 80, 24)
		v := m.View()
		checkFits(t, "unheld", v, 80, 24)
		want := strings.Fields(i18n.New(lang).T("followup.list.not_held"))
		flat := strings.Join(strings.Fields(v), " ")
		if !strings.Contains(flat, strings.Join(want, " ")) {
			t.Errorf("%s: the empty list does not say the meeting has not been held:\n%s", lang, v)
		}
	}
}
