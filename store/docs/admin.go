package docs

import (
	"strings"
	"unicode/utf8"

	"doithoai/store"
)

// Pieces of the layout of Vietnamese administrative documents (Decree
// 30/2020/NĐ-CP, appendix I): the header block with the issuing body and
// the national motto, the number and date line, the signature block.

const (
	headLeftW  = 3900
	headRightW = textW - headLeftW
)

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

// rule is a short centred line under a header block: a paragraph whose top
// border is the line, narrowed by indents to about the width of chars
// characters of 13 pt bold capitals.
func rule(colW, chars int) string {
	w := chars * 150
	if w > colW-200 {
		w = colW - 200
	}
	ind := (colW - w) / 2
	return paraXML(para{topRule: true, indL: ind, indR: ind, size: 4, before: 2})
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
// right.
func adminHeader(d *docx, m store.Meeting, day, code string) {
	left := []string{}
	lines := issuer(m)
	var runs []run
	for i, l := range lines {
		if i > 0 {
			runs = append(runs, lineBreak())
		}
		runs = append(runs, b(l))
	}
	longest := 0
	for _, l := range lines {
		longest = max(longest, utf8.RuneCountInString(l))
	}
	left = append(left, paraXML(para{align: "center"}, runs...), rule(headLeftW, min(longest, 12)/2+4))
	right := []string{
		paraXML(para{align: "center"}, sz(b("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 12)),
		paraXML(para{align: "center"}, b("Độc lập - Tự do - Hạnh phúc")),
		rule(headRightW, 27),
	}
	d.Table(table{widths: []int{headLeftW, headRightW}, rows: [][]cell{
		{{paras: left}, {paras: right}},
		{tc(para{align: "center", before: 6}, t("Số:        /"+code)), tc(para{align: "center", before: 6}, it(placeDate(m.Place, day)))},
	}})
}

// signTitle is the capacity line(s) of the signature block: the Chairman
// signs as "CHỦ TỊCH", a vice-chairman "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH".
func signTitle(m store.Meeting) []string {
	ct := store.Fold(m.ChairTitle)
	switch {
	case strings.HasPrefix(ct, "pho chu tich"):
		return []string{"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}
	case strings.HasPrefix(ct, "chu tich"), ct == "":
		return []string{"CHỦ TỊCH"}
	}
	// Someone signing on the Chairman's behalf (Chánh Văn phòng…).
	return []string{"TL. CHỦ TỊCH", upper(m.ChairTitle)}
}

// recipientsAndSignature writes the closing table: "Nơi nhận:" at the
// left (bold italic 12 pt, items 11 pt), the signature block at the right.
func recipientsAndSignature(d *docx, m store.Meeting, recipients []string) {
	left := []string{paraXML(para{before: 12}, sz(bi("Nơi nhận:"), 12))}
	for i, r := range recipients {
		end := ";"
		if i == len(recipients)-1 {
			end = "."
		}
		left = append(left, paraXML(para{}, sz(t("- "+r+end), 11)))
	}
	right := []string{}
	for i, l := range signTitle(m) {
		p := para{align: "center"}
		if i == 0 {
			p.before = 12
		}
		right = append(right, paraXML(p, b(l)))
	}
	for range 5 {
		right = append(right, paraXML(para{align: "center", after: 6}))
	}
	right = append(right, paraXML(para{align: "center"}, b(m.Chair)))
	d.Table(table{widths: []int{4900, textW - 4900}, rows: [][]cell{{{paras: left}, {paras: right}}}})
}
