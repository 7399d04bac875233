package followup_test

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/tui/followup"
	"doithoai/tui/i18n"
)

// bigRegister is the demo meeting with 10,000 petitions not settled (so
// 10,000 obligations), a hundred of them extended and a hundred answered,
// a month after the day.
func bigRegister(b *testing.B, n int) (*fixture, *store.Register) {
	b.Helper()
	ctx := context.Background()
	seed, err := assets.Demo()
	if err != nil {
		b.Fatal(err)
	}
	demo := seed.Petitions
	for i := len(demo); i < n; i++ {
		p := demo[i%len(demo)]
		p.Text = fmt.Sprintf("(%d) %s", i+1, p.Text)
		seed.Petitions = append(seed.Petitions, p)
	}
	f := &fixture{clock: &clock{t: at("2023-11-20 09:00")}}
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "big.db"), store.Options{Create: true, Now: f.clock.now, NoWatch: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	f.st = st
	if err := st.LoadSeed(ctx, seed); err != nil {
		b.Fatal(err)
	}
	reg, err := st.Register(ctx)
	if err != nil || len(reg.Obligations) != n {
		b.Fatalf("%d obligations, %v", len(reg.Obligations), err)
	}
	for i := 0; i < 100; i++ {
		o := reg.Obligations[i*7]
		if _, err := st.Extend(ctx, o.Key, "2023-11-2"+strconv.Itoa(1+i%8), "Chờ kinh phí"); err != nil {
			b.Fatal(err)
		}
		r := reg.Obligations[i*7+3]
		if _, err := st.RecordReceipt(ctx, store.ReceiptInput{Obligation: r.Key, DocNo: fmt.Sprintf("Số %d/UBND ngày 1%d/11/2023", i+1, i%10),
			Signer: "Lê Thị Mai", Summary: "Đã trả lời", Result: store.ResultSettled}); err != nil {
			b.Fatal(err)
		}
	}
	if reg, err = st.Register(ctx); err != nil {
		b.Fatal(err)
	}
	return f, reg
}

// BenchmarkView200x60 draws the follow-up station at 200x60 with a
// register of 10,000 obligations: the list (the default screen), the list
// scrolled to its middle, the table per agency and an item's detail; the
// baseline draws the same 57 visible rows with plain string joins (no
// styles, no padding by display width), in the same run.
//
//	go test ./tui/followup -run '^$' -bench View200x60 -benchmem
func BenchmarkView200x60(b *testing.B) {
	const n = 10_000
	f, reg := bigRegister(b, n)
	// each screen is built and loaded once, before its timing: a
	// benchmark's function runs several times while b.N is found
	open := func(keys ...string) *followup.Model {
		m := f.open(b, i18n.VI, 200, 60)
		if v := m.View(); !strings.Contains(v, "10000 việc") {
			b.Fatalf("not loaded:\n%s", v)
		}
		press(m, keys...)
		return m
	}
	var middle []string
	for range n / 2 / 57 {
		middle = append(middle, "pgdown")
	}
	for _, s := range []struct {
		name string
		m    *followup.Model
	}{
		{"list", open()},
		{"list-middle", open(middle...)},
		{"table", open("tab")},
		{"detail", open("enter")},
	} {
		runtime.GC()
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s.m.View()
			}
		})
	}
	b.Run("baseline", func(b *testing.B) {
		rows := reg.Obligations[:57]
		b.ReportAllocs()
		for b.Loop() {
			lines := make([]string, 0, len(rows)+3)
			lines = append(lines, "10000 việc", "", "Số Cơ quan Nội dung Hạn Tình trạng")
			for _, o := range rows {
				text := o.Text
				if len(text) > 80 {
					text = text[:80]
				}
				lines = append(lines, strings.Join([]string{"KN" + strconv.Itoa(o.PetitionNo), o.Agency, o.Topic, o.Asker, text, o.Due,
					"quá hạn " + strconv.Itoa(o.Status.Days) + " ngày"}, " "))
			}
			_ = strings.Join(lines, "\n")
		}
	})
}
