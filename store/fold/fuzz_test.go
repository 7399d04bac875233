package fold

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func FuzzFold(f *testing.F) {
	for _, s := range []string{
		"  Nguyễn  Thị Hoà ", "ĐỖ", "Ðỗ", "ðð", "Nguye\u0302\u0303n", "\u0301\u0301a",
		"Thị\u00a0Hoa", "PN-012", "Ủy ban MTTQ", "a\xffb", "\xe1\xbb", "Straße",
		"ǅ ǈ ǋ", "K Å Ω", "a\u0338b =\u0338", "\u1100\u1161", "한국", "İı", "",
		"Œ Æ Ø Ł", "٣4５", "\u200b\u200d", "x\u0308\u0301", strings.Repeat("Đ", 50),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if again := Fold(got); again != got {
			t.Fatalf("Fold not idempotent: %q -> %q -> %q", s, got, again)
		}
		if !isFolded(got) {
			t.Fatalf("Fold(%q) = %q: not [a-z0-9] words with single spaces", s, got)
		}
		for i := 0; i < len(got); i++ {
			if c := got[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
				t.Fatalf("Fold(%q) = %q: byte %q", s, got, c)
			}
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Fatalf("Fold(%q) = %q: stray spaces", s, got)
		}
		if utf8.ValidString(s) {
			// Composed and decomposed spellings fold alike.
			if nfc, nfd := Fold(norm.NFC.String(s)), Fold(norm.NFD.String(s)); nfc != nfd || nfd != got {
				t.Fatalf("Fold(%q) = %q, of NFC %q, of NFD %q", s, got, nfc, nfd)
			}
		}
		if w := Words(got); strings.Join(w, " ") != got {
			t.Fatalf("Words(%q) = %q", got, w)
		}
	})
}

var fuzzBase = sync.OnceValue(func() []Entry {
	es := slices.Clone(desk)
	for _, e := range GenerateNames(120, 9) {
		e.ID += 1000
		es = append(es, e)
	}
	return es
})

func FuzzSearch(f *testing.F) {
	for _, s := range []struct {
		name, code, query string
		limit             int
	}{
		{"Nguyễn Thị Hoa", "PN-100", "hoa", 10},
		{"Nguyễn Thị Hoa", "PN-100", "nth", 1},
		{"Ðỗ Thị Hằng", "", "pn-100", 3},
		{"", "", "", 10},
		{"a b c d e f g h i j k l m n o p q r s t u v w x y z", "x", "abcdefghijklmnopqrstuvwxyz", 5},
		{strings.Repeat("Thị ", 70), "--", "tttttttttttttttttttttttttttttttttttt", 7},
		{"Hoa Hoa Hoa", "0", "hoa hoa hoa hoa", 2},
		{"\xff\xfe", "\u0301", "\u0301 \xff", 0},
		{"Lê Văn Nam", "DB-07", "db", -3},
		{"Lê Văn Nam", "DB-07", "q", 1 << 40},
		{"Phạm Thị Phương", "PN-013", "phuong quang phuc", 4},
	} {
		f.Add(s.name, s.code, s.query, s.limit)
	}
	f.Fuzz(func(t *testing.T, name, code, query string, limit int) {
		es := append(slices.Clone(fuzzBase()),
			Entry{ID: 5000, Name: name, Title: query, Unit: name, Code: code},
			Entry{ID: 5001, Name: query, Code: query},
		)
		ix := NewIndex(es)
		valid := map[int64]bool{}
		for _, e := range es {
			valid[e.ID] = true
		}
		hits := ix.Search(query, limit)
		if len(hits) > max(limit, 0) {
			t.Fatalf("Search(%q, %d): %d hits", query, limit, len(hits))
		}
		seen := map[int64]bool{}
		for i, h := range hits {
			if !valid[h.ID] || seen[h.ID] {
				t.Fatalf("Search(%q): bad or repeated ID %d in %v", query, h.ID, hits)
			}
			seen[h.ID] = true
			if h.Score <= 0 || i > 0 && h.Score > hits[i-1].Score {
				t.Fatalf("Search(%q): scores out of order: %v", query, hits)
			}
		}
		if want := naiveSearch(ix, query, min(limit, len(es))); !slices.Equal(hits, want) {
			t.Fatalf("Search(%q, %d) = %v, naive %v", query, limit, hits, want)
		}
		if Fold(query) != "" && Fold(name) == Fold(query) && limit > 0 && len(hits) == 0 {
			t.Fatalf("Search(%q) does not find the name %q", query, name)
		}
	})
}
