package fold

import (
	"slices"
	"testing"
	"time"
)

// typedQueries are what a desk types; each prefix is one keystroke.
var typedQueries = []string{
	"hoa", "nguyen thi hoa", "nth", "nthh", "ng thi h", "hoa n", "huong quang hai",
	"tran van nam", "le thi hong hanh", "phuong", "thi", "db-01234", "pn 012",
	"Đỗ Thị Hằng", "quang", "xuan", "vo thi thu",
}

func keystrokes(queries []string) []string {
	var ks []string
	for _, q := range queries {
		for i := range q {
			if i > 0 {
				ks = append(ks, q[:i])
			}
		}
		ks = append(ks, q)
	}
	return ks
}

// BenchmarkSearch10k types typedQueries keystroke by keystroke over 10,000
// delegates; one op is one keystroke's search. It reports the p50 and p99
// of the per-keystroke latency besides the mean.
func BenchmarkSearch10k(b *testing.B) {
	ix := NewIndex(GenerateNames(10_000, 1))
	ks := keystrokes(typedQueries)
	durs := make([]time.Duration, 0, min(b.N, 1<<20))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		ix.Search(ks[i%len(ks)], 10)
		if len(durs) < cap(durs) {
			durs = append(durs, time.Since(t0))
		}
	}
	b.StopTimer()
	slices.Sort(durs)
	b.ReportMetric(float64(durs[len(durs)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(durs[len(durs)*99/100].Nanoseconds()), "p99-ns")
}

// BenchmarkSearch10kWorst is the slowest keystroke of the list: a single
// common letter that matches most of the index.
func BenchmarkSearch10kWorst(b *testing.B) {
	ix := NewIndex(GenerateNames(10_000, 1))
	ks := keystrokes(typedQueries)
	worst, worstT := "", time.Duration(0)
	for _, k := range ks {
		t0 := time.Now()
		for range 20 {
			ix.Search(k, 10)
		}
		if d := time.Since(t0); d > worstT {
			worst, worstT = k, d
		}
	}
	b.Logf("slowest keystroke: %q", worst)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ix.Search(worst, 10)
	}
}

func BenchmarkNewIndex10k(b *testing.B) {
	es := GenerateNames(10_000, 1)
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(es)
	}
}

func BenchmarkFold(b *testing.B) {
	for _, bc := range []struct{ name, s string }{
		{"folded", "nguyen thi hoa"},
		{"ascii", "  Nguyen  Thi HOA, PN-012 "},
		{"vietnamese", "Nguyễn Thị Hồng Hạnh - Phường Quảng Thuận"},
		{"nfd", "Nguye\u0302\u0303n Thi\u0323 Ho\u0300a"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.s)))
			for b.Loop() {
				Fold(bc.s)
			}
		})
	}
}
