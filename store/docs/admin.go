package docs

import (
	"strings"
	"unicode"

	"doithoai/store"
)

// Pieces of the layout of Vietnamese administrative documents (Decree
// 30/2020/NĐ-CP, appendix I), shared by every document the office signs:
// the header block with the issuing body and the national motto
// (adminHeader), the document's title with its rule (docTitle), and the
// closing with Nơi nhận and the signature block (closing, recipientsCell,
// signatureCell). The page number from page 2 on is the docx writer's.

const (
	headLeftW  = 3900
	headRightW = textW - headLeftW
)

// Sizes (points) Decree 30/2020 gives each part.
const (
	sizeIssuer  = 13 // issuing body: 12–13, bold capitals
	sizeNumber  = 13 // "Số: …/TB-UBND": 13
	sizeNation  = 12 // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": 12–13 (13 does not fit the column)
	sizeMotto   = 13 // "Độc lập - Tự do - Hạnh phúc": 13–14
	sizeDate    = 14 // place and date: 13–14 italic
	sizeKind    = 14 // "THÔNG BÁO", "BIÊN BẢN": 13–14 bold
	sizeSubject = 14 // the line after it: 13–14 bold
	sizeSign    = 14 // authority, title and name of the signer: 13–14 bold
	sizeRecvTo  = 12 // "Nơi nhận:": 12 bold italic
	sizeRecv    = 11 // its items: 11
)

const motto = "Độc lập - Tự do - Hạnh phúc"

// issuer is the issuing body in capitals; "ỦY BAN NHÂN DÂN" goes on a line
// of its own, the way every People's Committee prints it.
func issuer(m store.Meeting) []string {
	org := strings.TrimSpace(m.Organiser)
	if org == "" {
		org = "Ủy ban nhân dân"
	}
	up := upper(org)
	for _, p := range []string{"ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN "} {
		if strings.HasPrefix(up, p) {
			return []string{strings.TrimSpace(p), strings.TrimSpace(up[len(p):])}
		}
	}
	return []string{up}
}

// ruleTwips is the length of a short rule under a line of text w twips
// wide: 45 %, within the decree's "one third to one half".
func ruleTwips(w int) int { return w * 45 / 100 }

// rule is a centred horizontal line w twips long in a column colW wide: a
// small paragraph whose top border is the line, narrowed by indents. The
// space before it keeps it clear of the descenders of the line above.
func rule(colW, w int) string { return ruleAfter(colW, w, 0) }

// ruleAfter is a rule with space after it (points).
func ruleAfter(colW, w, after int) string {
	w = min(w, colW-100)
	ind := (colW - w) / 2
	return paraXML(para{topRule: true, indL: ind, indR: colW - w - ind, size: 4, before: 4, after: after})
}

// placeDate is "Ba Đồn, ngày … tháng … năm 2023": day and month are left
// for the office to fill when it signs; the year is that of day.
func placeDate(place, day string) string {
	if place == "" {
		place = "………"
	}
	y := year(day)
	if y == "" {
		y = "……"
	}
	return place + ", ngày      tháng      năm " + y
}

// adminHeader writes the two-column header table without borders: issuing
// body and "Số: /code" on the left, the motto and the date line on the
// right. The rule under the body is 1/3–1/2 of its last line, the one
// under the motto as long as the motto.
func adminHeader(d *docx, m store.Meeting, day, code string) {
	header(d, m, placeDate(m.Place, day), code)
}

// adminHeaderDated is adminHeader with the date written in full ("Ba Đồn,
// ngày 18 tháng 10 năm 2023"): a record made on the day, like the minutes.
func adminHeaderDated(d *docx, m store.Meeting, day, code string) {
	line := placeDate(m.Place, day)
	if ld := longDate(day); day != "" && ld != day {
		line = cmpOr(m.Place, "………") + ", " + ld
	}
	header(d, m, line, code)
}

func header(d *docx, m store.Meeting, dateLine, code string) {
	lines := issuer(m)
	var runs []run
	for i, l := range lines {
		if i > 0 {
			runs = append(runs, lineBreak())
		}
		runs = append(runs, sz(b(l), sizeIssuer))
	}
	issuerHeader(d, runs, lines[len(lines)-1], dateLine, code)
}

// officeHeader is the header of a document an office issues under its
// People's Committee (a report of Phòng Nội vụ): the body in regular
// capitals over the office in bold ("UBND THỊ XÃ BA ĐỒN" / "PHÒNG NỘI VỤ").
func officeHeader(d *docx, m store.Meeting, office, day, code string) {
	parent := strings.Join(issuer(m), " ")
	for _, p := range []string{"ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN "} {
		if rest, ok := strings.CutPrefix(parent, p); ok {
			parent = "UBND " + rest
		}
	}
	unit := upper(office)
	issuerHeader(d, []run{sz(t(parent), sizeIssuer), lineBreak(), sz(b(unit), sizeIssuer)}, unit, placeDate(m.Place, day), code)
}

// issuerHeader writes the header table with runs naming the issuer at the
// left; its rule is sized on last, the issuer's last line.
func issuerHeader(d *docx, runs []run, last, dateLine, code string) {
	left := []string{paraXML(para{align: "center"}, runs...), rule(headLeftW, ruleTwips(textTwips(last, true, sizeIssuer)))}
	right := []string{
		paraXML(para{align: "center"}, sz(b("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), sizeNation)),
		paraXML(para{align: "center"}, sz(b(motto), sizeMotto)),
		rule(headRightW, textTwips(motto, true, sizeMotto)),
	}
	d.Table(table{widths: []int{headLeftW, headRightW}, rows: [][]cell{
		{{paras: left}, {paras: right}},
		{tc(para{align: "center", before: 6}, sz(t("Số:        /"+code), sizeNumber)),
			tc(para{align: "center", before: 6}, sz(it(dateLine), sizeDate))},
	}})
}

// docTitle writes the kind of document ("THÔNG BÁO", "BIÊN BẢN") and what
// it is about, centred and bold, with the short rule under them.
func docTitle(d *docx, kind string, subject ...string) {
	d.P(para{align: "center", before: 18, keepNext: true}, sz(b(kind), sizeKind))
	widest := textTwips(kind, true, sizeKind)
	for _, s := range subject {
		d.P(para{align: "center", keepNext: true}, sz(b(s), sizeSubject))
		widest = max(widest, min(textTwips(s, true, sizeSubject), textW))
	}
	d.Raw(ruleAfter(textW, ruleTwips(widest), 12))
}

// Signer is a signature block: the authority and title lines (bold
// capitals) and the name under the space for the signature and seal.
type Signer struct {
	Lines []string
	Name  string
}

// noticeSigner signs the conclusion notice and the office's letters: the
// chair himself ("CHỦ TỊCH"), or by KT./TL. the signer set on the meeting
// ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG").
func noticeSigner(m store.Meeting) Signer {
	chair := chairCapacity(m)
	switch m.SignAs {
	case store.SignKT:
		return Signer{Lines: []string{"KT. " + chair, upper(cmpOr(m.SignerTitle, "Phó "+lowerFirst(chair)))}, Name: m.Signer}
	case store.SignTL:
		return Signer{Lines: []string{"TL. " + chair, upper(cmpOr(m.SignerTitle, "Chánh Văn phòng"))}, Name: m.Signer}
	}
	if strings.HasPrefix(store.Fold(m.ChairTitle), "pho chu tich") {
		// A vice-chairman chairing signs for the Chairman.
		return Signer{Lines: []string{"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, Name: m.Chair}
	}
	return Signer{Lines: []string{chair}, Name: m.Chair}
}

// chairCapacity is the chair's office in capitals without its body
// ("CHỦ TỊCH" for "Chủ tịch UBND thị xã"), the word after KT. and TL.
func chairCapacity(m store.Meeting) string {
	f := store.Fold(m.ChairTitle)
	switch {
	case f == "", strings.HasPrefix(f, "chu tich"), strings.HasPrefix(f, "pho chu tich"):
		return "CHỦ TỊCH"
	case strings.HasPrefix(f, "giam doc"):
		return "GIÁM ĐỐC"
	case strings.HasPrefix(f, "truong phong"):
		return "TRƯỞNG PHÒNG"
	}
	return "CHỦ TỊCH"
}

// lowerFirst lowers the first letter ("chủ tịch" after "Phó").
func lowerFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+len(string(r)):]
	}
	return s
}

// secretarySigner and chairSigner sign the minutes.
func secretarySigner(m store.Meeting) Signer {
	return Signer{Lines: []string{"THƯ KÝ"}, Name: m.Secretary}
}

func chairSigner(m store.Meeting) Signer { return Signer{Lines: []string{"CHỦ TRÌ"}, Name: m.Chair} }

// signatureCell is a signature block: authority and title, room to sign
// and seal, the name; every line bound to the next so it never splits.
func signatureCell(s Signer) cell {
	var ps []string
	for i, l := range s.Lines {
		p := para{align: "center", keepNext: true, keepLines: true}
		if i == 0 {
			p.before = 12
		}
		ps = append(ps, paraXML(p, sz(b(upper(l)), sizeSign)))
	}
	for range 5 {
		ps = append(ps, paraXML(para{align: "center", after: 6, keepNext: true}))
	}
	return cell{paras: append(ps, paraXML(para{align: "center", keepLines: true}, sz(b(s.Name), sizeSign)))}
}

// withEnds ends each recipient with ";" and the last with ".".
func withEnds(recipients []string) []string {
	out := make([]string, len(recipients))
	for i, r := range recipients {
		end := ";"
		if i == len(recipients)-1 {
			end = "."
		}
		out[i] = strings.TrimRight(r, ".;") + end
	}
	return out
}

// recipientsParas are the paragraphs of a Nơi nhận block, bound together.
func recipientsParas(recipients []string) []string {
	ps := []string{paraXML(para{before: 12, keepNext: true}, sz(bi("Nơi nhận:"), sizeRecvTo))}
	for i, r := range withEnds(recipients) {
		ps = append(ps, paraXML(para{keepNext: i < len(recipients)-1}, sz(t("- "+r), sizeRecv)))
	}
	return ps
}

// recipientsBelow writes Nơi nhận under the signatures (the minutes).
func recipientsBelow(d *docx, recipients []string) {
	for _, p := range recipientsParas(recipients) {
		d.Raw(p)
	}
}

// recipientsCell is "Nơi nhận:" (bold italic 12 pt) and its items (11 pt),
// each ending ";" and the last ".", the archive line "Lưu: VT, NV." last.
func recipientsCell(recipients []string) cell { return cell{paras: recipientsParas(recipients)} }

// archiveLine is "Lưu: VT, NV.": the clerical archive and the office that
// drafted the document (its code set on the meeting, or the initials of
// its name: "Phòng Nội vụ" → "NV").
func archiveLine(office, code string) string {
	code = strings.TrimSpace(code)
	if code == "" {
		code = initials(office)
	}
	if code == "" {
		return "Lưu: VT"
	}
	return "Lưu: VT, " + code
}

// initials are the first letters of a unit's syllables without its kind
// word and place ("Phòng Nội vụ" → "NV", "Phòng Lao động - Thương binh và
// Xã hội" → "LĐTBXH"); a Văn phòng is "VP". The office's own code, set on
// the meeting, wins over this guess.
func initials(name string) string {
	w := strings.Fields(name)
	if len(w) > 1 && store.Fold(w[0]+" "+w[1]) == "van phong" {
		return "VP"
	}
	if len(w) > 1 && store.Fold(w[0]) == "phong" {
		w = w[1:]
	}
	var out []rune
	for _, x := range w {
		f := store.Fold(x)
		if f == "thi" || f == "huyen" || f == "tinh" || f == "quan" || f == "thanh" {
			break // "… thị xã": the place, not the unit
		}
		r := []rune(x)
		if f == "va" || !unicode.IsLetter(r[0]) {
			continue
		}
		if len(r) > 1 && unicode.IsUpper(r[1]) {
			continue // an abbreviation inside the name (HĐND) is not the unit's own
		}
		out = append(out, unicode.ToUpper(r[0]))
	}
	return string(out)
}

// closing writes the closing table of a document the office sends: Nơi
// nhận at the left, the signature block at the right.
func closing(d *docx, recipients []string, s Signer) {
	closingTable(d, 4900, recipientsCell(recipients), signatureCell(s))
}

// closingSigners writes two signature blocks side by side (the minutes:
// the secretary's and the chair's).
func closingSigners(d *docx, left, right Signer) {
	closingTable(d, textW/2, signatureCell(left), signatureCell(right))
}

// closingTable is one row that does not split, bound to the last two
// paragraphs of text above it, so that a page break never leaves a
// signature without the text it signs.
func closingTable(d *docx, leftW int, left, right cell) {
	d.keepTail(2)
	d.Table(table{widths: []int{leftW, textW - leftW}, cantSplit: true, rows: [][]cell{{left, right}}})
}
