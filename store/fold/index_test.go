package fold

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
)

// desk is a small delegate list with the cases a check-in desk meets.
var desk = []Entry{
	{1, "Nguyễn Thị Hoa", "Hội viên", "Phường Ba Đồn", "PN-001"},
	{2, "Nguyễn Thị Hoa", "Hội viên", "Xã Quảng Hải", "PN-002"}, // namesake of 1
	{3, "Hoàng Thị Lan", "Chủ tịch Hội LHPN", "Xã Quảng Hòa", "PN-003"},
	{4, "Nguyễn Thị Hồng Hạnh", "Giáo viên", "Phường Quảng Thọ", "PN-004"},
	{5, "Nguyễn Thị Hoài", "Nông dân", "Xã Quảng Lộc", "PN-005"},
	{6, "Trần Thị Hoa", "Tiểu thương", "Phường Quảng Phong", "PN-006"},
	{7, "Ðỗ Thị Hằng", "Hội viên", "Xã Quảng Văn", "PN-012"}, // U+00D0
	{8, "Lê Văn Nam", "Chủ tịch UBND", "Xã Quảng Tiên", "DB-07"},
	{9, "Hoàng Thị Nga", "Hội viên", "Phường Quảng Long", "PN-009"},
	{10, "Nguyễn Thị Thu Hoa", "Hội viên", "Xã Quảng Sơn", "PN-010"},
	{11, "Đỗ Ngọc Hoa", "Cán bộ y tế", "Phường Quảng Thuận", "PN-011"},
	{12, "Phạm Thị Phương", "Hội viên", "Phường Quảng Phúc", "PN-013"},
	{13, "Nguye\u0302\u0303n Thi\u0323 Mai", "Hội viên", "Xã Quảng Minh", "PN-014"}, // NFD
	{14, "Trần Đức Thịnh", "Trưởng phòng", "Phòng Kinh tế", "LD-14"},
	{15, "Hồ Thị Trang", "Hội viên", "Xã Quảng Trung", "PN-015"},
	{16, "Trần Thị Cúc", "Hội viên", "Xã Quảng Thủy", "PN-016"},
}

func ids(hits []Hit) []int64 {
	out := make([]int64, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}

func scoreOf(hits []Hit, id int64) (int, bool) {
	for _, h := range hits {
		if h.ID == id {
			return h.Score, true
		}
	}
	return 0, false
}

func TestSearchTop(t *testing.T) {
	ix := NewIndex(desk)
	tests := []struct {
		query string
		top   []int64 // the first hits, in order
		tier  int     // tier of the first hit
	}{
		// Given name first; equal Hoas by fewer words, given, full name, ID.
		{"hoa", []int64{11, 1, 2, 6, 10, 5}, TierName},
		{"HOA", []int64{11, 1, 2, 6, 10, 5}, TierName},
		{"Hoà", []int64{11, 1, 2, 6, 10, 5}, TierName},
		{"nguyen thi hoa", []int64{1, 2, 10, 5}, TierName},
		{"NGUYỄN THỊ HOA", []int64{1, 2, 10, 5}, TierName},
		{"Nguye\u0302\u0303n Thi\u0323 Hoa", []int64{1, 2, 10, 5}, TierName}, // NFD query
		{"n t hoa", []int64{1, 2, 10}, TierName},                             // whole name beats Thu Hoa
		{"ng thi h", []int64{1, 2, 5, 4}, TierName},                          // in order beats Hoàng Thị Nga
		{"hoa n", []int64{1, 2, 10, 11}, TierName},                           // family initial beats Ngọc
		{"nth", []int64{1, 2, 5, 4}, TierInitials},                           // full initials, then prefix
		{"nthh", []int64{4}, TierInitials},
		{"ntth", []int64{10}, TierInitials},
		{"th", nil, TierName}, // Thị and Thu are word prefixes: they beat initials
		{"PN-012", []int64{7}, TierCode},
		{"pn 012", []int64{7}, TierCode},
		{"pn012", []int64{7}, TierCode},
		{"Pn-012", []int64{7}, TierCode},
		{"db07", []int64{8}, TierCode},
		{"012", []int64{7}, TierOther}, // the number part of a code is a word
		{"do thi hang", []int64{7}, TierName},
		{"Đỗ", []int64{7, 11}, TierName},
		{"Ðỗ", []int64{7, 11}, TierName},
		{"nguyen thi mai", []int64{13}, TierName}, // NFD entry
		{"mai", []int64{13}, TierName},
		{"phuong", []int64{12}, TierName}, // given name Phương before the wards (Phường)
		{"hoa hai", []int64{2}, TierPartial},
		{"hoa ba don", []int64{1}, TierPartial},
		{"tien", []int64{8}, TierOther},
		{"lhpn", []int64{3}, TierOther},
	}
	for _, tt := range tests {
		hits := ix.Search(tt.query, 20)
		if len(hits) == 0 {
			t.Errorf("Search(%q): no hits", tt.query)
			continue
		}
		if got := ids(hits); len(got) < len(tt.top) || !slices.Equal(got[:len(tt.top)], tt.top) {
			t.Errorf("Search(%q) = %v, want it to start with %v", tt.query, hits, tt.top)
		}
		if got := Tier(hits[0].Score); got != tt.tier {
			t.Errorf("Search(%q): top tier %d, want %d (%v)", tt.query, got, tt.tier, hits)
		}
	}
}

func TestSearchRanking(t *testing.T) {
	ix := NewIndex(desk)
	above := func(query string, better, worse int64) {
		t.Helper()
		hits := ix.Search(query, 100)
		b, okb := scoreOf(hits, better)
		w, okw := scoreOf(hits, worse) // not matching at all is below too
		if !okb || okw && b <= w {
			t.Errorf("Search(%q): want %d strictly above %d, got %v", query, better, worse, hits)
		}
	}
	// "hoa": given name Hoa > given-name prefix Hoài > family-name prefix Hoàng.
	above("hoa", 1, 5)
	above("hoa", 5, 3)
	above("hoa", 6, 3)
	above("ng thi h", 1, 9)   // in order beats out of order
	above("n t hoa", 1, 10)   // the whole name, word by word
	above("hoa n", 1, 11)     // family initial beats a middle name
	above("nth", 1, 4)        // all initials beat a prefix of them
	above("nt", 4, 3)         // ... which still matches
	above("hoa hai", 2, 1)    // 1 does not even match
	above("quang hai", 2, 12) // 12 does not match
	above("pn-012", 7, 10)    // exact code over a mere code prefix (none here)
	above("hoa", 1, 3)        // the brief: Nguyễn Thị Hoa above Hoàng Thị Lan
	above("nguyen thi hoa", 1, 5)
	// typing the name from its start beats a given name that merely begins
	// with the last word typed
	above("tran thi", 16, 14)
	above("tran thi", 16, 15)
	above("tran thi", 6, 14)
	above("tran thi c", 16, 6)
}

func TestNamesakesTie(t *testing.T) {
	ix := NewIndex(desk)
	for _, q := range []string{"hoa", "nguyen thi hoa", "n t hoa", "nth", "nguyen", "thi", "ng thi h", "hoa n", "h", "nt", "hoa hoi vien", "pn"} {
		hits := ix.Search(q, 100)
		s1, ok1 := scoreOf(hits, 1)
		s2, ok2 := scoreOf(hits, 2)
		if ok1 != ok2 || s1 != s2 {
			t.Errorf("Search(%q): namesakes scored %d (%v) and %d (%v)", q, s1, ok1, s2, ok2)
		}
	}
}

func TestSearchEmpty(t *testing.T) {
	ix := NewIndex(desk)
	for _, q := range []string{"", " ", " - ", "\u00a0", "\u0301", "zzz", "hoa zzz"} {
		if hits := ix.Search(q, 10); hits != nil {
			t.Errorf("Search(%q) = %v, want nothing", q, hits)
		}
	}
	if hits := ix.Search("hoa", 0); hits != nil {
		t.Errorf("limit 0: %v", hits)
	}
	if hits := ix.Search("hoa", -1); hits != nil {
		t.Errorf("limit -1: %v", hits)
	}
	if hits := NewIndex(nil).Search("hoa", 10); hits != nil {
		t.Errorf("empty index: %v", hits)
	}
	if n := NewIndex(desk).Len(); n != len(desk) {
		t.Errorf("Len = %d, want %d", n, len(desk))
	}
}

func TestSearchLimit(t *testing.T) {
	ix := NewIndex(desk)
	all := ix.Search("h", 100)
	for limit := 1; limit <= len(all); limit++ {
		if got := ix.Search("h", limit); !slices.Equal(got, all[:limit]) {
			t.Errorf("limit %d: %v, want %v", limit, got, all[:limit])
		}
	}
}

// naiveSearch scores every entry: the reference for the candidate and
// pruning logic of Search.
func naiveSearch(ix *Index, query string, limit int) []Hit {
	folded := Fold(query)
	if folded == "" || limit <= 0 {
		return nil
	}
	q := ix.resolve(new(scratch), folded)
	var cs []cand
	for pos := range ix.recs {
		if sc := ix.score(&ix.recs[pos], &q); sc > 0 {
			cs = append(cs, cand{sc, uint32(pos)})
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].better(cs[j]) })
	var hits []Hit
	for _, c := range cs[:min(limit, len(cs))] {
		hits = append(hits, Hit{ix.recs[c.pos].id, c.score})
	}
	return hits
}

// queriesFor lists every prefix of the queries a desk types for e.
func queriesFor(e Entry) []string {
	name := Words(Fold(e.Name))
	unit := Words(Fold(e.Unit))
	var inits []byte
	for _, w := range name {
		inits = append(inits, w[0])
	}
	full := []string{
		strings.Join(name, " "),
		name[len(name)-1] + " " + name[0],
		string(inits),
		name[len(name)-1] + " " + strings.Join(unit, " "),
		e.Code,
		e.Title,
	}
	var qs []string
	for _, f := range full {
		for i := 1; i <= len(f); i++ {
			qs = append(qs, f[:i])
		}
	}
	return qs
}

func TestSearchMatchesNaive(t *testing.T) {
	es := GenerateNames(1500, 3)
	ix := NewIndex(es)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 25 {
		e := es[rng.IntN(len(es))]
		for _, q := range queriesFor(e) {
			for _, limit := range []int{1, 10} {
				got, want := ix.Search(q, limit), naiveSearch(ix, q, limit)
				if !slices.Equal(got, want) {
					t.Fatalf("Search(%q, %d) = %v, naive %v", q, limit, got, want)
				}
			}
		}
	}
	for _, q := range []string{"q", "qu", "quang", "d", "db", "db-0", "db-00", "db-001", "0", "00", "t", "nguyen t", "h", "hoi", "x", "xa quang"} {
		if got, want := ix.Search(q, 10), naiveSearch(ix, q, 10); !slices.Equal(got, want) {
			t.Fatalf("Search(%q) = %v, naive %v", q, got, want)
		}
	}
}

func TestSearchConcurrent(t *testing.T) {
	es := GenerateNames(1000, 5)
	ix := NewIndex(es)
	qs := queriesFor(es[17])
	want := make([][]Hit, len(qs))
	for i, q := range qs {
		want[i] = ix.Search(q, 10)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for r := range 20 {
				for i := range qs {
					j := (i + g + r) % len(qs)
					if got := ix.Search(qs[j], 10); !slices.Equal(got, want[j]) {
						t.Errorf("concurrent Search(%q) = %v, want %v", qs[j], got, want[j])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

func TestSearchAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items under the race detector")
	}
	ix := NewIndex(GenerateNames(1000, 1))
	ix.Search("warm up", 10)
	for _, q := range []string{"hoa", "Nguyễn Thị", "nth", "db-00012"} {
		if n := testing.AllocsPerRun(50, func() { ix.Search(q, 10) }); n > 1 {
			t.Errorf("Search(%q): %v allocs, want only the result", q, n)
		}
	}
}

func TestNewIndexOddInput(t *testing.T) {
	long := strings.Repeat("Thị ", 40) + "Hoa"
	ix := NewIndex([]Entry{
		{ID: 1, Name: long},
		{ID: 2},                         // nothing at all
		{ID: 3, Name: "---", Code: "-"}, // folds to nothing
		{ID: 1, Name: "Hoa"},            // duplicate ID
		{ID: 4, Name: "Hoa Thị Hoa"},    // given name repeated
	})
	if got := ids(ix.Search("hoa", 10)); !slices.Contains(got, 1) || !slices.Contains(got, 4) {
		t.Errorf("Search(hoa) = %v", got)
	}
	if got := ids(ix.Search(strings.Repeat("t", 33), 10)); len(got) != 0 {
		t.Errorf("long initials: %v", got)
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, b := GenerateNames(500, 42), GenerateNames(500, 42)
	if !slices.Equal(a, b) {
		t.Fatal("GenerateNames is not deterministic")
	}
	if slices.Equal(a, GenerateNames(500, 43)) {
		t.Fatal("GenerateNames ignores the seed")
	}
	if !slices.Equal(GenerateWomen(150, 1), GenerateWomen(150, 1)) {
		t.Fatal("GenerateWomen is not deterministic")
	}
	for _, e := range GenerateWomen(150, 1) {
		if len(Words(Fold(e.Name))) < 3 || e.Unit == "" || e.Code == "" {
			t.Fatalf("odd generated entry %+v", e)
		}
	}
}

func TestKeystrokesNeeded(t *testing.T) {
	ix := NewIndex(desk)
	tests := []struct {
		id   int64
		want int
		why  string
	}{
		{12, 1, `"p": the only given name starting with p`},
		{3, 1, `"l"`},
		{13, 1, `"m"`},
		{8, 2, `"na": "n" is Nga too`},
		{7, 2, `"dt": initials; "do" is also Đỗ Ngọc Hoa, "ha" Hạnh`},
		{10, 3, `"ntt": a prefix of her initials only`},
		{4, 4, `"hanh" ("han" is Hằng too) or "nthh"`},
		{1, 6, `"hoa don": her namesake is from Quảng Hải, and "hoa d" is Đỗ Ngọc Hoa`},
		{5, 4, `"hoai"`},
	}
	for _, tt := range tests {
		e := desk[slices.IndexFunc(desk, func(e Entry) bool { return e.ID == tt.id })]
		if got := KeystrokesNeeded(ix, e); got != tt.want {
			t.Errorf("KeystrokesNeeded(%s) = %d, want %d: %s", e.Name, got, tt.want, tt.why)
		}
	}
	// An exact namesake from the same unit can never be singled out.
	twins := append(slices.Clone(desk), Entry{ID: 99, Name: "Nguyễn Thị Hoa", Unit: "Phường Ba Đồn"})
	if got := KeystrokesNeeded(NewIndex(twins), desk[0]); got != MaxKeystrokes {
		t.Errorf("twins: %d, want MaxKeystrokes", got)
	}
}

// TestKeystrokesMedian checks the design target: the median check-in of a
// Women's Union list of 150 takes at most 4 letters (+ Enter).
func TestKeystrokesMedian(t *testing.T) {
	for seed := int64(1); seed <= 5; seed++ {
		es := GenerateWomen(150, seed)
		ix := NewIndex(es)
		var letters, keys []int
		for _, e := range es {
			letters = append(letters, KeystrokesNeeded(ix, e))
			keys = append(keys, keystrokesNeeded(ix, e, true))
		}
		ml, mk := median(letters), median(keys)
		t.Logf("seed %d: median %.1f letters (%.1f keys with spaces); %s", seed, ml, mk, histogram(letters))
		if ml > 4 {
			t.Errorf("seed %d: median %.1f letters, want <= 4", seed, ml)
		}
	}
}

func median(xs []int) float64 {
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	return float64(s[(n-1)/2]+s[n/2]) / 2
}

func histogram(xs []int) string {
	h := map[int]int{}
	for _, x := range xs {
		h[x]++
	}
	var b strings.Builder
	for _, k := range slices.Sorted(func(yield func(int) bool) {
		for k := range h {
			if !yield(k) {
				return
			}
		}
	}) {
		fmt.Fprintf(&b, "%d:%d ", k, h[k])
	}
	return b.String()
}
