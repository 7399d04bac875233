package fold

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// Entry is one searchable delegate, with raw (accented) text.
type Entry struct {
	ID    int64
	Name  string // full name, family name first: "Nguyễn Thị Hoa"
	Title string // "Chủ tịch Hội LHPN"
	Unit  string // "Phường Ba Đồn"
	Code  string // badge or invitation code: "PN-012"
}

// Hit is one search result; a higher Score is a better match. Equal scores
// mean the query cannot tell the entries apart (namesakes), so the UI should
// show what does (the unit).
type Hit struct {
	ID    int64
	Score int
}

// Scores are Tier*TierScale plus a within-tier detail; Tier(score) recovers
// the tier. Tiers, best first:
//
//	TierCode     the whole query is the entry's code, ignoring spaces and
//	             punctuation ("pn012", "PN-012", "pn 012").
//	TierName     every query word is a prefix of a word of the name. Within
//	             the tier, lexicographically:
//	               1. the given name (the LAST word of the name) is typed
//	                  in full: desks call people by given name, so "hoa"
//	                  puts Nguyễn Thị Hoa above Nguyễn Thị Hoài;
//	               2. a query of 2+ words types the name from its start
//	                  ("tran thi" puts Trần Thị Cúc above Trần Đức Thịnh);
//	               3. the given name is typed as a prefix (Hoài above
//	                  Hoàng Thị Lan for "hoa");
//	               4. the query words match name words in order ("ng thi h"
//	                  prefers Nguyễn Thị Hạnh to Hoàng Thị Nga);
//	               5. the query spells the whole name in order, one word per
//	                  name word ("n t hoa" prefers Nguyễn Thị Hoa to
//	                  Nguyễn Thị Thu Hoa);
//	               6. a query word matches the family name (the FIRST word
//	                  of a name of 2+ words): "hoa n", given name then family
//	                  initial, is how a desk narrows down a common given
//	                  name, so it prefers Nguyễn Thị Hoa to Đỗ Ngọc Hoa;
//	               7. how many query words are complete name words.
//	TierInitials a single query word of 2+ letters is the run of initials of
//	             name words: all of them ("nth" for Nguyễn Thị Hoa) ranks
//	             above the first ones ("nt") above the last ones ("th",
//	             ending at the given name). Consonant runs such as "nth" are
//	             nobody's word prefix, so initials surface exactly when the
//	             operator types them; a query that is also a word prefix
//	             ("th") keeps its word matches above its initials matches.
//	TierPartial  every query word matches, some in the name and the rest in
//	             title, unit or code ("hoa quang hai"). More name words is
//	             better, then the given name as in TierName, then complete
//	             words.
//	TierCodePart the query, ignoring spaces, is a prefix of the code.
//	TierOther    every query word matches title, unit or code words only;
//	             more complete words is better.
//
// Scores depend only on the query and the fields a query word matched, and
// a word that matches the name is never also counted elsewhere, so
// namesakes score equally whatever their units or titles.
//
// Results with equal scores are listed by fewer name words, then given name,
// then full folded name (the Vietnamese list order), then ID.
const (
	TierOther = iota + 1
	TierCodePart
	TierPartial
	TierInitials
	TierName
	TierCode

	TierScale = 1_000_000
)

// namePrefixScore ranks a query of 2+ words that types the name from its
// start ("tran thi" for Trần Thị Cúc) above a given name the last word
// merely begins ("thi", Trần Đức Thịnh): whoever types the family and
// middle names first is spelling that name. A given name typed in full
// still comes first ("nguyen thi hoa": Nguyễn Thị Thu Hoa before Nguyễn
// Thị Hoài).
const namePrefixScore = 100_000

// namePrefix reports a query of 2+ words that is the start of the name:
// its words are the name's first words, the last one possibly cut short.
func namePrefix(names []uint32, q *query) bool {
	n := len(q.words)
	if n < 2 || n > len(names) {
		return false
	}
	for j, w := range q.words {
		if j < n-1 && names[j] != w.exact || j == n-1 && names[j]-w.lo >= w.span {
			return false
		}
	}
	return true
}

// Tier returns the tier of a score from Search.
func Tier(score int) int { return score / TierScale }

// maxNameWords bounds the name words that take part in name matching (they
// are tracked in a bit mask); further words count as other words.
const maxNameWords = 32

// noWord is a word id that never occurs.
const noWord = ^uint32(0)

// Index is an immutable search index over delegates. It is safe for
// concurrent use: each Search takes its scratch space from a pool.
//
// Every distinct folded word gets an id in sorted order, so the words with
// a given prefix are one id range [lo, lo+span) and "is a prefix of" is a
// single unsigned compare. Postings list, for each word id, the entries
// holding it; a query scores only the entries found under every one of its
// words (or whose initials or code match, found by binary search), best
// candidates first, and stops once the rest cannot enter the top hits.
type Index struct {
	recs  []rec    // entries in tie order (see above); positions index this
	words []uint32 // word ids: rec.off, then nName name words, then the rest
	inits string   // name initials at the same offsets as words
	rinit string   // the same initials, reversed per entry
	codes string   // compact codes (folded, spaces removed), at rec.code

	vocab []string // distinct words, sorted
	// Postings of word w are post[postOff[w]:postOff[w+1]], in three
	// segments: entries whose given name is w, then entries with w
	// elsewhere in the name (from postName[w]), then entries with w only in
	// title, unit or code (from postOther[w]). An entry is posted once per
	// word, in its best segment.
	post      []uint32
	postOff   []uint32
	postName  []uint32
	postOther []uint32

	byInit  []uint32 // positions with a name, sorted by initials
	byRInit []uint32 // positions with a name, sorted by reversed initials
	byCode  []uint32 // positions with a code, sorted by compact code

	pool sync.Pool // *scratch
}

type rec struct {
	id      int64
	off     uint32
	nWords  uint32
	code    uint32
	codeLen uint16
	nName   uint8
}

func (r *rec) ids(ix *Index) []uint32 { return ix.words[r.off : r.off+r.nWords] }

func (r *rec) initials(ix *Index) string { return ix.inits[r.off : r.off+uint32(r.nName)] }

func (r *rec) rinitials(ix *Index) string { return ix.rinit[r.off : r.off+uint32(r.nName)] }

func (r *rec) codeOf(ix *Index) string { return ix.codes[r.code : r.code+uint32(r.codeLen)] }

// NewIndex folds and indexes entries. Entries are copied; the slice may be
// reused by the caller.
func NewIndex(entries []Entry) *Index {
	type prep struct {
		e     *Entry
		name  []string // folded name words
		other []string // folded title and unit words, and code words with digits
		code  string   // compact code
		key   string   // tie order key: given name, then full name
	}
	ps := make([]prep, len(entries))
	for i := range entries {
		e := &entries[i]
		p := &ps[i]
		p.e = e
		name := Fold(e.Name)
		p.name = Words(name)
		if len(p.name) > maxNameWords {
			p.other = append(p.other, p.name[maxNameWords:]...)
			p.name = p.name[:maxNameWords]
		}
		p.other = append(p.other, Words(Fold(e.Title))...)
		p.other = append(p.other, Words(Fold(e.Unit))...)
		code := Fold(e.Code)
		for _, w := range Words(code) {
			// The letter part of a code ("pn" of "PN-012") is shared by
			// every badge; as a word it would match every name query that
			// starts with that letter. The whole code still matches
			// through the compact form.
			if strings.ContainsAny(w, "0123456789") {
				p.other = append(p.other, w)
			}
		}
		p.code = strings.ReplaceAll(code, " ", "")
		if len(p.code) > 0xffff {
			p.code = p.code[:0xffff]
		}
		if n := len(p.name); n > 0 {
			p.key = p.name[n-1] + " " + name
		}
	}
	slices.SortStableFunc(ps, func(a, b prep) int {
		return cmp.Or(
			cmp.Compare(len(a.name), len(b.name)),
			strings.Compare(a.key, b.key),
			cmp.Compare(a.e.ID, b.e.ID),
		)
	})

	// Vocabulary, sorted so that prefixes are id ranges.
	seen := make(map[string]uint32, 1024)
	for i := range ps {
		for _, w := range ps[i].name {
			seen[w] = 0
		}
		for _, w := range ps[i].other {
			seen[w] = 0
		}
	}
	ix := &Index{vocab: make([]string, 0, len(seen))}
	for w := range seen {
		ix.vocab = append(ix.vocab, w)
	}
	slices.Sort(ix.vocab)
	for id, w := range ix.vocab {
		seen[w] = uint32(id)
	}

	ix.recs = make([]rec, len(ps))
	var inits, rinit, codes []byte
	for pos := range ps {
		p := &ps[pos]
		r := &ix.recs[pos]
		r.id = p.e.ID
		r.off = uint32(len(ix.words))
		r.nName = uint8(len(p.name))
		for _, w := range p.name {
			ix.words = append(ix.words, seen[w])
			inits = append(inits, w[0])
		}
		for j := len(p.name) - 1; j >= 0; j-- {
			rinit = append(rinit, p.name[j][0])
		}
		for _, w := range p.other {
			ix.words = append(ix.words, seen[w])
			inits = append(inits, 0)
			rinit = append(rinit, 0)
		}
		r.nWords = uint32(len(ix.words)) - r.off
		r.code = uint32(len(codes))
		r.codeLen = uint16(len(p.code))
		codes = append(codes, p.code...)
	}
	ix.inits, ix.rinit, ix.codes = string(inits), string(rinit), string(codes)
	ix.buildPostings()
	for pos := range ix.recs {
		r := &ix.recs[pos]
		if r.nName > 0 {
			ix.byInit = append(ix.byInit, uint32(pos))
		}
		if r.codeLen > 0 {
			ix.byCode = append(ix.byCode, uint32(pos))
		}
	}
	ix.byRInit = slices.Clone(ix.byInit)
	slices.SortStableFunc(ix.byInit, func(a, b uint32) int {
		return strings.Compare(ix.recs[a].initials(ix), ix.recs[b].initials(ix))
	})
	slices.SortStableFunc(ix.byRInit, func(a, b uint32) int {
		return strings.Compare(ix.recs[a].rinitials(ix), ix.recs[b].rinitials(ix))
	})
	slices.SortStableFunc(ix.byCode, func(a, b uint32) int {
		return strings.Compare(ix.recs[a].codeOf(ix), ix.recs[b].codeOf(ix))
	})
	ix.pool.New = func() any { return new(scratch) }
	return ix
}

// Posting segments, best first.
const (
	segGiven = iota
	segName
	segOther
)

func (ix *Index) buildPostings() {
	nv := len(ix.vocab)
	count := make([][3]uint32, nv)
	seg := func(r *rec, j int) int {
		switch {
		case j == int(r.nName)-1:
			return segGiven
		case j < int(r.nName):
			return segName
		}
		return segOther
	}
	// each calls f with every distinct word of the entry and its best
	// segment (name words come first, so the first occurrence is best,
	// except that the given name outranks an earlier name word).
	each := func(r *rec, f func(w uint32, sg int)) {
		ws := r.ids(ix)
		for j, w := range ws {
			if slices.Contains(ws[:j], w) {
				continue
			}
			sg := seg(r, j)
			if sg == segName && ws[r.nName-1] == w {
				sg = segGiven // repeated as the given name: "Hoa Thị Hoa"
			}
			f(w, sg)
		}
	}
	for pos := range ix.recs {
		each(&ix.recs[pos], func(w uint32, sg int) { count[w][sg]++ })
	}
	ix.postOff = make([]uint32, nv+1)
	ix.postName = make([]uint32, nv)
	ix.postOther = make([]uint32, nv)
	next := make([][3]uint32, nv)
	at := uint32(0)
	for w := range nv {
		ix.postOff[w] = at
		next[w][segGiven] = at
		at += count[w][segGiven]
		ix.postName[w] = at
		next[w][segName] = at
		at += count[w][segName]
		ix.postOther[w] = at
		next[w][segOther] = at
		at += count[w][segOther]
	}
	ix.postOff[nv] = at
	ix.post = make([]uint32, at)
	for pos := range ix.recs {
		each(&ix.recs[pos], func(w uint32, sg int) {
			ix.post[next[w][sg]] = uint32(pos)
			next[w][sg]++
		})
	}
}

// Len returns the number of indexed entries.
func (ix *Index) Len() int { return len(ix.recs) }

// scratch is the per-search working memory, pooled so that a keystroke
// allocates only its result.
type scratch struct {
	buf     []byte // folded query
	compact []byte // folded query without spaces
	rev     []byte // reversed single-word query, for initials suffixes
	words   []qword
	bits    []uint64 // candidate positions
	heap    []cand
}

// qword is one query word resolved against the vocabulary.
type qword struct {
	lo, span uint32 // ids of the words it is a prefix of
	exact    uint32 // id of the word it equals, or noWord
}

type cand struct {
	score int
	pos   uint32
}

// better orders candidates: higher score, then earlier in tie order.
func (a cand) better(b cand) bool {
	return a.score > b.score || a.score == b.score && a.pos < b.pos
}

// query is a folded, resolved query.
type query struct {
	words    []qword
	compact  string
	initials string // the query as a run of initials, or ""
	rinit    string // initials reversed
}

// Search returns at most limit hits for the raw query, best first (see the
// Tier constants for the ranking). An empty query, or one with no letters
// or digits, returns nothing.
func (ix *Index) Search(query string, limit int) []Hit {
	if limit <= 0 || len(ix.recs) == 0 {
		return nil
	}
	s := ix.pool.Get().(*scratch)
	defer ix.pool.Put(s)

	s.buf = appendFold(s.buf[:0], query)
	if len(s.buf) == 0 {
		return nil
	}
	// The strings below alias scratch buffers; they do not outlive this
	// call and the buffers are not written again during it.
	folded := unsafe.String(unsafe.SliceData(s.buf), len(s.buf))
	q := ix.resolve(s, folded)

	// Candidates come from the postings (every query word must match a word
	// of the entry), initials and codes. They are scored in phases, from
	// the phase that holds the best possible scores down; once the kept
	// hits all beat anything a later phase can score, the later phases are
	// skipped. That keeps a first keystroke such as "q" (every unit is
	// "Quảng ...") from scoring every entry.
	//
	//	1: exact codes; name matches where a word matches the given name
	//	2: other name matches (every query word in the name); initials
	//	3: code prefixes
	//	4: the rest of the postings: TierPartial at best
	n := len(ix.recs)
	nb := (n + 63) / 64
	s.bits = slices.Grow(s.bits[:0], 7*nb)[:7*nb]
	clear(s.bits)
	b1, b2, bc, b3 := s.bits[:nb], s.bits[nb:2*nb], s.bits[2*nb:3*nb], s.bits[3*nb:4*nb]
	none := false // some query word is no word's prefix
	for _, w := range q.words {
		none = none || w.span == 0
	}
	switch {
	case none:
	case len(q.words) == 1:
		w := q.words[0]
		for id := w.lo; id < w.lo+w.span; id++ {
			mark(b1, ix.post[ix.postOff[id]:ix.postName[id]])
			mark(b2, ix.post[ix.postName[id]:ix.postOther[id]])
			mark(b3, ix.post[ix.postOther[id]:ix.postOff[id+1]])
		}
	default:
		// Intersect per word: b2 gathers entries with every word in the
		// name, b3 entries with every word anywhere; those of b2 where
		// some word matches the given name go first, to b1.
		tmpN, tmpA, given := s.bits[4*nb:5*nb], s.bits[5*nb:6*nb], s.bits[6*nb:]
		for j, w := range q.words {
			tn, ta := b2, b3 // the first word marks the accumulators
			if j > 0 {
				tn, ta = tmpN, tmpA
				clear(tn)
				clear(ta)
			}
			for id := w.lo; id < w.lo+w.span; id++ {
				mark(given, ix.post[ix.postOff[id]:ix.postName[id]])
				mark(tn, ix.post[ix.postOff[id]:ix.postOther[id]])
				mark(ta, ix.post[ix.postOther[id]:ix.postOff[id+1]])
			}
			for i := range ta {
				ta[i] |= tn[i]
			}
			if j > 0 {
				for i := range b2 {
					b2[i] &= tn[i]
					b3[i] &= ta[i]
				}
			}
		}
		for i := range b1 {
			b1[i] = b2[i] & given[i]
		}
	}
	if q.initials != "" {
		ix.markPrefix(b2, ix.byInit, (*rec).initials, q.initials)
		ix.markPrefix(b2, ix.byRInit, (*rec).rinitials, q.rinit)
	}
	if lo, hi := prefixRange(len(ix.byCode), func(i int) string { return ix.recs[ix.byCode[i]].codeOf(ix) }, q.compact); lo < hi {
		for _, pos := range ix.byCode[lo:hi] {
			if ix.recs[pos].codeOf(ix) == q.compact {
				b1[pos/64] |= 1 << (pos % 64)
			} else {
				bc[pos/64] |= 1 << (pos % 64)
			}
		}
	}

	// Bounded top-k: a min-heap whose root is the worst kept candidate.
	if limit > n {
		limit = n
	}
	h := s.heap[:0]
	phases := [4]struct {
		bits  []uint64
		bound int // no score in this phase reaches bound
	}{
		{b1, math.MaxInt},
		{b2, phase2Bound(&q)}, // given name unmatched: G = 0
		{bc, TierInitials * TierScale},
		{b3, TierInitials * TierScale},
	}
	for ph, p := range phases {
		if len(h) == limit && h[0].score >= p.bound {
			break
		}
	phase:
		for bi, word := range p.bits {
			// Each entry is scored once, in its first phase.
			for _, prev := range phases[:ph] {
				word &^= prev.bits[bi]
			}
			for word != 0 {
				pos := uint32(bi*64 + bits.TrailingZeros64(word))
				word &= word - 1
				score := ix.score(&ix.recs[pos], &q)
				if score == 0 {
					continue
				}
				c := cand{score, pos}
				if len(h) < limit {
					h = append(h, c)
					siftUp(h, len(h)-1)
				} else if c.better(h[0]) {
					h[0] = c
					siftDown(h, 0)
				} else if ph == 2 && none {
					// Some query word is no word's prefix, so a code
					// prefix scores exactly TierCodePart: positions rise,
					// and no later one can enter either. Typing "db-0"
					// when every badge reads DB-0... stops here.
					break phase
				}
			}
		}
	}
	s.heap = h
	if len(h) == 0 {
		return nil
	}
	slices.SortFunc(h, func(a, b cand) int {
		if a.better(b) {
			return -1
		}
		return 1
	})
	hits := make([]Hit, len(h))
	for i, c := range h {
		hits[i] = Hit{ID: ix.recs[c.pos].id, Score: c.score}
	}
	return hits
}

// phase2Bound is above every score of an entry whose given name no query
// word matches: a start-of-name query can still score namePrefixScore.
func phase2Bound(q *query) int {
	if len(q.words) >= 2 {
		return TierName*TierScale + namePrefixScore + 10000
	}
	return TierName*TierScale + 10000
}

// resolve splits the folded query into words and finds each word's id range.
func (ix *Index) resolve(s *scratch, folded string) query {
	var q query
	s.words = s.words[:0]
	s.compact = s.compact[:0]
	letters := true
	for rest := folded; rest != ""; {
		w := rest
		if i := strings.IndexByte(rest, ' '); i >= 0 {
			w, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		s.compact = append(s.compact, w...)
		lo, hi := prefixRange(len(ix.vocab), func(i int) string { return ix.vocab[i] }, w)
		qw := qword{lo: uint32(lo), span: uint32(hi - lo), exact: noWord}
		if lo < hi && ix.vocab[lo] == w {
			qw.exact = uint32(lo)
		}
		s.words = append(s.words, qw)
		for i := 0; i < len(w); i++ {
			if w[i] < 'a' || w[i] > 'z' {
				letters = false
			}
		}
	}
	q.words = s.words
	q.compact = unsafe.String(unsafe.SliceData(s.compact), len(s.compact))
	if len(q.words) == 1 && letters && len(folded) >= 2 && len(folded) <= maxNameWords {
		q.initials = folded
		s.rev = s.rev[:0]
		for i := len(folded) - 1; i >= 0; i-- {
			s.rev = append(s.rev, folded[i])
		}
		q.rinit = unsafe.String(unsafe.SliceData(s.rev), len(s.rev))
	}
	return q
}

// prefixRange returns the range [lo, hi) of the sorted keys that have
// prefix p: keys with a common prefix are contiguous in sorted order.
func prefixRange(n int, key func(int) string, p string) (lo, hi int) {
	lo, hi = 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if key(m) < p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	end := n
	hi = lo
	for hi < end {
		m := int(uint(hi+end) >> 1)
		if strings.HasPrefix(key(m), p) {
			hi = m + 1
		} else {
			end = m
		}
	}
	return lo, hi
}

// mark sets the bits of positions.
func mark(bs []uint64, positions []uint32) {
	for _, pos := range positions {
		bs[pos/64] |= 1 << (pos % 64)
	}
}

// markPrefix marks the positions in sorted (ordered by key) whose key has
// prefix p.
func (ix *Index) markPrefix(bs []uint64, sorted []uint32, key func(*rec, *Index) string, p string) {
	if p == "" {
		return
	}
	lo, hi := prefixRange(len(sorted), func(i int) string { return key(&ix.recs[sorted[i]], ix) }, p)
	mark(bs, sorted[lo:hi])
}

// score rates one entry against the query; 0 means no match. See the Tier
// constants for what the parts mean.
func (ix *Index) score(r *rec, q *query) int {
	code := r.codeOf(ix)
	if code != "" && code == q.compact {
		return TierCode * TierScale
	}
	ws := r.ids(ix)
	names, others := ws[:r.nName], ws[r.nName:]
	last := len(names) - 1

	given := 0                          // 2: given name typed in full, 1: as a prefix
	family := 0                         // 1: a query word matches the family name
	inName := 0                         // query words matching a name word
	exactName := 0                      // ... of which equal to one
	exactOther := 0                     // query words equal to a title/unit/code word
	inOrder := true                     // all query words match name words left to right
	whole := len(q.words) == len(names) // query spells the name word by word
	prev := -1                          // name position matched by the previous query word
	all := true
	for j, w := range q.words {
		var mask uint64
		exact := false
		for p, id := range names {
			if id-w.lo < w.span {
				mask |= 1 << p
				if id == w.exact {
					exact = true
					if p == last {
						given = 2
					}
				} else if p == last && given == 0 {
					given = 1
				}
			}
		}
		if mask != 0 {
			if mask&1 != 0 && last > 0 {
				family = 1
			}
			inName++
			if exact {
				exactName++
			}
			// Greedy leftmost alignment decides whether an in-order
			// assignment exists.
			if m := mask >> uint(prev+1) << uint(prev+1); m != 0 {
				prev = bits.TrailingZeros64(m)
			} else {
				inOrder = false
			}
			if whole && mask&(1<<j) == 0 {
				whole = false
			}
			continue
		}
		inOrder, whole = false, false
		found := false
		for _, id := range others {
			if id-w.lo < w.span {
				found = true
				if id == w.exact {
					exactOther++
					break
				}
			}
		}
		if !found {
			all = false
			break
		}
	}

	best := 0
	switch {
	case all && inName == len(q.words):
		return TierName*TierScale + b2i(given == 2)*2*namePrefixScore + b2i(namePrefix(names, q))*namePrefixScore +
			given*10000 + b2i(inOrder)*1000 + b2i(whole)*100 + family*10 + min(exactName, 9)
	case all && inName > 0:
		best = TierPartial*TierScale + min(inName, 99)*100 + given*10 + min(exactName+exactOther, 9)
	default:
		if q.initials != "" && len(q.initials) <= len(names) {
			full := r.initials(ix)
			switch {
			case full[0] != q.initials[0] && full[last] != q.rinit[0]:
				// cheap miss, the common case
			case full == q.initials:
				return TierInitials*TierScale + 2
			case strings.HasPrefix(full, q.initials):
				return TierInitials*TierScale + 1
			case strings.HasPrefix(r.rinitials(ix), q.rinit):
				return TierInitials * TierScale
			}
		}
		if code != "" && code[0] == q.compact[0] && strings.HasPrefix(code, q.compact) {
			return TierCodePart * TierScale
		}
		if all {
			best = TierOther*TierScale + min(exactOther, 9)
		}
	}
	return best
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func siftUp(h []cand, i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !h[p].better(h[i]) {
			return
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func siftDown(h []cand, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		w := l // the worse child
		if r := l + 1; r < len(h) && h[l].better(h[r]) {
			w = r
		}
		if !h[i].better(h[w]) {
			return
		}
		h[i], h[w] = h[w], h[i]
		i = w
	}
}
