package agenda_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// midMeeting runs the demo to its fourth item, a little late, with some
// officials and delegates checked in and two speakers queued.
func midMeeting(t testing.TB, st *store.Store, clk *testClock) {
	ctx := context.Background()
	admin := st.As(store.Actor{Station: "desk", Role: store.RoleAdmin})
	ds, _ := st.Delegates(ctx)
	for i, d := range ds {
		if i%3 == 0 || (d.Protocol > 0 && d.Protocol < 5) {
			if _, err := admin.CheckIn(ctx, d.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	clk.add(3 * time.Minute) // a late start
	for _, minutes := range []int{16, 5, 12} {
		if _, err := st.Advance(ctx); err != nil {
			t.Fatal(err)
		}
		clk.add(time.Duration(minutes) * time.Minute)
	}
	if _, err := st.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	for _, a := range items(t, st) {
		if a.Kind == store.ItemDialogue {
			st.AddSpeaker(ctx, store.Speaker{ItemID: a.ID, DelegateID: ds[3].ID})
			st.AddSpeaker(ctx, store.Speaker{ItemID: a.ID, Name: "Nguyễn Thị Hoa", UnitName: "Xã Quảng Hải"})
		}
	}
	clk.add(13 * time.Minute) // 13 of 15 minutes: amber
}

func TestAgendaGoldens(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			c, st, clk := env(t, lang, sz[0], sz[1])
			midMeeting(t, st, clk)
			s := open(t, c)
			s, _ = s.Update(common.TickMsg{Now: clk.now()})
			golden(t, fmt.Sprintf("sheet_%s_%dx%d", lang, sz[0], sz[1]), s.View())
			if sz[0] == 80 {
				s = press(s, "tab")
				golden(t, fmt.Sprintf("queue_%s_80x24", lang), s.View())
				s = press(s, "tab")
				golden(t, fmt.Sprintf("intro_%s_80x24", lang), s.View())
			}
		}
	}
}

// BenchmarkView draws the run-sheet mid-meeting at 200x60, and the
// introductions pane with every official checked in.
func BenchmarkView(b *testing.B) {
	for _, p := range []string{"sheet", "queue", "intro"} {
		b.Run(p, func(b *testing.B) {
			c, st, clk := env(b, i18n.VI, 200, 60)
			midMeeting(b, st, clk)
			s := open(b, c)
			for range map[string]int{"sheet": 0, "queue": 1, "intro": 2}[p] {
				s = press(s, "tab")
			}
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := commontest.CPUTime()
			for b.Loop() {
				_ = s.View()
			}
			// the hall laptop is not shared; on a loaded machine the CPU
			// time per view is the steadier figure
			b.ReportMetric(float64(commontest.CPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}
