package docs

import (
	"fmt"
	"io"
	"strings"
	"time"

	qrcode "github.com/skip2/go-qrcode"

	"doithoai/store"
)

// Invitation cards (giấy mời): two A5-size cards per A4 page, the way a town
// office prints them on plain paper and cuts along the line. Each card
// carries the delegate's code as a QR code, so the desk scans it at the
// door (the scanner types the code; the check-in desk looks it up).

const (
	cardsPerPage = 2
	// cardH is the exact height of one card: half the text height less a
	// gap for the cut line (twips).
	cardH  = (a4H-marginTop-marginBottom)/2 - 500
	qrMM   = 32.0
	qrColW = 2300
)

// weekday names in Vietnamese, Sunday first as time.Weekday counts.
var weekdayVI = []string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// when is "07 giờ 30, Thứ Tư, ngày 18/10/2023".
func when(m store.Meeting) string {
	var parts []string
	if hm, err := time.Parse("15:04", m.StartTime); err == nil {
		parts = append(parts, fmt.Sprintf("%02d giờ %02d", hm.Hour(), hm.Minute()))
	}
	if d, err := time.Parse("2006-01-02", m.Date); err == nil {
		parts = append(parts, weekdayVI[d.Weekday()]+", ngày "+d.Format("02/01/2006"))
	}
	return strings.Join(parts, ", ")
}

// addressed is how a card addresses the delegate: "Bà", "Ông", or "Ông
// (Bà)" when the honorific is not known.
func addressed(d store.Delegate) string { return cmpOr(d.Honorific, "Ông (Bà)") }

// isChair reports whether d is the meeting's chair (same name).
func isChair(m store.Meeting, d store.Delegate) bool {
	return m.Chair != "" && store.Fold(d.FullName) == store.Fold(m.Chair)
}

func writeInvitations(w io.Writer, s *Snapshot, o Options) error {
	m := s.Meeting
	d := newDocx("Giấy mời", 13, o.Now)
	d.noPageNumbers = true // cards, cut apart
	ds := s.sheetOrder()
	var invited []store.Delegate
	for _, dl := range ds {
		// walk-ins came without an invitation; the chair is not invited to
		// his own meeting
		if !dl.WalkIn && !isChair(m, dl) {
			invited = append(invited, dl)
		}
	}
	if len(invited) == 0 {
		d.P(para{align: "center"}, it("Chưa có đại biểu nào trong danh sách mời."))
		return d.Write(w)
	}
	org := issuer(m)
	textColW := textW - qrColW
	for i, dl := range invited {
		png, err := qrcode.Encode(dl.Code, qrcode.Medium, 256)
		if err != nil {
			return fmt.Errorf("QR code of %s: %w", dl.Code, err)
		}
		pic := d.Picture(png, qrMM, qrMM, dl.Code)
		var left []string
		var orgRuns []run
		for j, l := range org {
			if j > 0 {
				orgRuns = append(orgRuns, lineBreak())
			}
			orgRuns = append(orgRuns, sz(b(l), 12))
		}
		left = append(left,
			paraXML(para{align: "center", before: 6}, orgRuns...),
			rule(textColW, ruleTwips(textTwips(org[len(org)-1], true, 12))),
			paraXML(para{align: "center", before: 6}, sz(b("GIẤY MỜI"), 16)),
			paraXML(para{before: 8, indL: 200}, t("Kính gửi: "), b(addressed(dl)+" "+dl.FullName)),
		)
		if cu := titleUnit(dl); cu != "" {
			left = append(left, paraXML(para{before: 2, indL: 200}, t(cu)))
		}
		left = append(left,
			paraXML(para{align: "both", before: 6, indL: 200, indR: 100}, t(cmpOr(m.Organiser, "Ban Tổ chức")+" trân trọng kính mời "+addressed(dl)+" tới dự "), b(m.Title), t(".")),
			paraXML(para{before: 4, indL: 200}, t("Thời gian: "), b(when(m))),
			paraXML(para{before: 2, indL: 200}, t("Địa điểm: "), b(m.Venue)),
			paraXML(para{before: 4, indL: 200, indR: 100}, sz(it("Đề nghị "+addressed(dl)+" mang theo giấy mời này và xuất trình mã QR khi đến điểm danh."), 12)),
		)
		right := []string{
			paraXML(para{align: "center", before: 36}, pic),
			paraXML(para{align: "center", before: 2}, sz(b(dl.Code), 14)),
		}
		if dl.SheetNo > 0 {
			right = append(right, paraXML(para{align: "center"}, sz(t(fmt.Sprintf("Số TT: %d", dl.SheetNo)), 11)))
		}
		if dl.GroupName != "" {
			right = append(right, paraXML(para{align: "center", before: 4}, sz(it(dl.GroupName), 11)))
		}
		p := para{size: 4}
		if i%cardsPerPage == 0 && i > 0 {
			p.pageBreak = true
		}
		if i%cardsPerPage != 0 {
			// The cut line between the two cards of a page.
			d.P(para{align: "center", before: 6, after: 6, size: 9}, sz(t(strings.Repeat("- ", 50)), 9))
		} else {
			d.P(p)
		}
		d.Table(table{widths: []int{textColW, qrColW}, borders: true, rowHeight: cardH, cantSplit: true,
			rows: [][]cell{{{paras: left}, {paras: right}}}})
	}
	return d.Write(w)
}
