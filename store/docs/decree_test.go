package docs

import (
	"bytes"
	"strings"
	"testing"
)

// checkPageNumbers asserts Decree 30/2020's page numbers: a PAGE field
// centred in the header (top margin), 13–14 pt, on every page but the
// first (titlePg with an empty first-page header).
func checkPageNumbers(t *testing.T, parts map[string]string) {
	t.Helper()
	doc, rels := parts["word/document.xml"], parts["word/_rels/document.xml.rels"]
	sect := doc[strings.LastIndex(doc, "<w:sectPr>"):]
	if !strings.Contains(sect, "<w:titlePg/>") {
		t.Error("no titlePg: the first page would show its number")
	}
	header := func(kind string) string {
		i := strings.Index(sect, `<w:headerReference w:type="`+kind+`" r:id="`)
		if i < 0 {
			t.Fatalf("no %s header", kind)
		}
		id := sect[i+len(`<w:headerReference w:type="`+kind+`" r:id="`):]
		id = id[:strings.Index(id, `"`)]
		j := strings.Index(rels, `Id="`+id+`"`)
		if j < 0 {
			t.Fatalf("header %s has no relationship", id)
		}
		target := rels[j:]
		target = target[strings.Index(target, `Target="`)+len(`Target="`):]
		return parts["word/"+target[:strings.Index(target, `"`)]]
	}
	def, first := header("default"), header("first")
	if !strings.Contains(def, "<w:instrText") || !strings.Contains(def, " PAGE ") {
		t.Error("the default header has no PAGE field")
	}
	ps := paragraphs(t, strings.NewReplacer("<w:hdr", "<w:body", "</w:hdr>", "</w:body>").Replace(def))
	if len(ps) != 1 || ps[0].Align != "center" {
		t.Errorf("page number paragraph not centred: %+v", ps)
	}
	for _, r := range ps[0].Runs {
		if r.Size < 13 || r.Size > 14 || r.Bold || r.Ital {
			t.Errorf("page number run %+v: want 13–14 pt upright", r)
		}
	}
	if strings.Contains(first, "PAGE") {
		t.Error("the first page's header shows a page number")
	}
}

// ruleWidth is the printed length of a rule paragraph in a column colW wide.
func ruleWidth(p xPara, colW int) int { return colW - p.IndL - p.IndR }

// checkAdminHeader asserts the header block's sizes and rules.
func checkAdminHeader(t *testing.T, ps []xPara) {
	t.Helper()
	_, org := find(t, ps, "ỦY BAN NHÂN DÂN")
	for _, r := range org.Runs {
		if r.Text != "\n" && (r.Size < 12 || r.Size > 13 || !r.Bold) {
			t.Errorf("issuing body %q at %v pt bold=%v, want 12–13 bold", r.Text, r.Size, r.Bold)
		}
	}
	i, _ := find(t, ps, "ỦY BAN NHÂN DÂN")
	if !ps[i+1].TopRule {
		t.Fatal("no rule under the issuing body")
	}
	lines := strings.Split(org.Text, "\n")
	w, lw := ruleWidth(ps[i+1], headLeftW), textTwips(lines[len(lines)-1], true, 13)
	if w*3 < lw || w*2 > lw {
		t.Errorf("rule under the issuing body %d twips, its line %d: want 1/3–1/2", w, lw)
	}
	_, no := find(t, ps, "Số:")
	if sz := no.size(0); sz < 12 || sz > 13 {
		t.Errorf("Số: line at %v pt, want 12–13", sz)
	}
	j, m := find(t, ps, motto)
	if !ps[j+1].TopRule {
		t.Fatal("no rule under the motto")
	}
	mw, tw := ruleWidth(ps[j+1], headRightW), textTwips(motto, true, m.size(0))
	if d := mw - tw; d < -tw/50 || d > tw/50 {
		t.Errorf("rule under the motto %d twips, the motto %d: want the same length", mw, tw)
	}
	_, date := find(t, ps, "Ba Đồn, ngày")
	if r := runOf(t, date, "Ba Đồn"); !r.Ital || r.Size < 13 || r.Size > 14 {
		t.Errorf("date line %+v: want italic 13–14 pt", r)
	}
}

// checkTitleRule asserts the rule under the title: 1/3–1/2 of the title's
// (widest printed) line, with space above it, and space below before the
// text.
func checkTitleRule(t *testing.T, ps []xPara, kind string) {
	t.Helper()
	i, _ := find(t, ps, kind)
	j := i + 1
	widest := 0
	for ; j < len(ps) && !ps[j].TopRule; j++ {
		if ps[j].Text == "" {
			t.Fatalf("no rule right under the title %q", kind)
		}
		widest = max(widest, min(textTwips(ps[j].Text, true, ps[j].size(14)), textW))
	}
	w := ruleWidth(ps[j], textW)
	if w*3 < widest || w*2 > widest {
		t.Errorf("title rule %d twips, title line %d: want 1/3–1/2", w, widest)
	}
	if ps[j].Before < 40 {
		t.Errorf("title rule %d twips below the title: touches its descenders", ps[j].Before)
	}
}

// checkSignatureKept asserts the signature block never splits and keeps
// with the last two paragraphs of text: its table row cannot split, and
// those paragraphs keep with the next (the last one also keeps its lines).
func checkSignatureKept(t *testing.T, ps []xPara, name string) {
	t.Helper()
	k := -1
	for i, p := range ps {
		if p.Text == name && p.Table >= 0 {
			k = i
		}
	}
	if k < 0 {
		t.Fatalf("no signature with the name %q", name)
	}
	sig := ps[k]
	if !sig.RowCantSplit {
		t.Error("the signature row may split across pages")
	}
	first := k
	for first > 0 && ps[first-1].Table == sig.Table {
		first--
	}
	for i := first; i < k; i++ {
		if ps[i].Cell == sig.Cell && !ps[i].KeepNext {
			t.Errorf("signature line %q does not keep with the next", ps[i].Text)
		}
	}
	texts := 0
	for i := first - 1; i >= 0 && texts < 2; i-- {
		// a table ends the text above (with the empty paragraph every
		// table is followed by): the paragraph after it, whole (keepLines),
		// is what the signature keeps
		spacer := strings.TrimSpace(ps[i].Text) == "" && i > 0 && ps[i-1].Table >= 0
		if ps[i].Table >= 0 || spacer {
			if texts == 0 {
				t.Fatalf("a table right above the closing (%q)", ps[i].Text)
			}
			break
		}
		if !ps[i].KeepNext {
			t.Errorf("%q above the signature does not keep with it", ps[i].Text)
		}
		if strings.TrimSpace(ps[i].Text) == "" {
			continue
		}
		if texts == 0 && !ps[i].KeepLines {
			t.Errorf("the last paragraph %q may split from the signature", ps[i].Text)
		}
		texts++
	}
}

func TestDecreeLayout(t *testing.T) {
	_, s := demo(t)
	s.Meeting.Secretary = "Nguyễn Thị Thư"
	for _, c := range []struct {
		k          Kind
		kind, name string
	}{{Conclusion, "THÔNG BÁO", "Dương Quốc Bảo"}, {Minutes, "BIÊN BẢN", "Trần Minh Đức"}} {
		t.Run(string(c.k), func(t *testing.T) {
			var buf strings.Builder
			if err := Write(&buf, s, c.k, DOCX, opts); err != nil {
				t.Fatal(err)
			}
			parts := docxParts(t, []byte(buf.String()))
			ps := paragraphs(t, parts["word/document.xml"])
			checkPageNumbers(t, parts)
			checkAdminHeader(t, ps)
			checkTitleRule(t, ps, c.kind)
			checkSignatureKept(t, ps, c.name)
		})
	}
}

// Every other document carries the page numbers (the invitation cards,
// cut apart, none); the reminder letter and the briefing, signed, keep
// their signature with their last lines; the letter has the header block.
func TestDecreeLayoutOthers(t *testing.T) {
	_, s := demo(t)
	for _, k := range Kinds {
		if !Supports(k, DOCX) || k == Invitations || Batch(k) {
			continue
		}
		t.Run(string(k), func(t *testing.T) {
			var buf strings.Builder
			if err := Write(&buf, s, k, DOCX, opts); err != nil {
				t.Fatal(err)
			}
			checkPageNumbers(t, docxParts(t, []byte(buf.String())))
		})
	}
	var buf strings.Builder
	if err := Write(&buf, s, Briefing, DOCX, opts); err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, []byte(buf.String()))
	checkSignatureKept(t, paragraphs(t, parts["word/document.xml"]), "Đinh Văn Toàn")
	l, owed := s.PreparedReminders("2023-10-16")
	var letter bytes.Buffer
	if err := WriteReminder(&letter, s.Meeting, l, owed[0], opts); err != nil {
		t.Fatal(err)
	}
	parts = docxParts(t, letter.Bytes())
	ps := paragraphs(t, parts["word/document.xml"])
	checkPageNumbers(t, parts)
	checkAdminHeader(t, ps)
	checkSignatureKept(t, ps, "Dương Quốc Bảo")
}

func TestInitials(t *testing.T) {
	for in, want := range map[string]string{
		"Phòng Nội vụ": "NV", "Phòng Tài chính - Kế hoạch": "TCKH", "Phòng Lao động - Thương binh và Xã hội": "LĐTBXH",
		"Văn phòng HĐND và UBND thị xã": "VP", "Phòng Y tế": "YT", "": "",
	} {
		if got := initials(in); got != want {
			t.Errorf("initials(%q) = %q, want %q", in, got, want)
		}
	}
}
