package setup_test

import (
	"context"
	"path/filepath"
	"testing"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
	"doithoai/tui/setup"
)

// BenchmarkView10k draws the delegates tab (whole list, then a search) and
// a 10,000-row import report at 200x60 with 10,000 delegates.
func BenchmarkView10k(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "m.db"), store.Options{Create: true, NoWatch: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	seed := store.Seed{Meeting: store.Meeting{Title: "bench"}}
	for _, e := range fold.GenerateNames(10000, 1) {
		seed.Delegates = append(seed.Delegates, store.SeedDelegate{Code: e.Code, FullName: e.Name, Title: e.Title, Unit: e.Unit})
	}
	if err := st.LoadSeed(ctx, seed); err != nil {
		b.Fatal(err)
	}
	c := commontest.Wrap(st, i18n.VI, 200, 60)
	s := setup.New(c)
	s.SetSize(200, 60)
	s = drive(s, s.Init())
	s = press(s, "tab", "tab", "tab")
	for i := 0; i < 5000; i++ {
		s = press(s, "down")
	}
	b.Run("list", func(b *testing.B) {
		for b.Loop() {
			_ = s.View()
		}
	})
	s = typeText(s, "nguyen thi h")
	b.Run("search", func(b *testing.B) {
		for b.Loop() {
			_ = s.View()
		}
	})
}
