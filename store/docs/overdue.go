package docs

import (
	"context"
	"fmt"

	"doithoai/store"
)

// The reminder to agencies late with a written answer after the day: the
// same letter as before the day (WriteReminder), listing each agency's
// overdue obligations from the register.

// owedItem is an obligation as a row of the reminder letter.
func owedItem(o store.Obligation, held string) Owed {
	ref := sourceText(o)
	if ref == "" {
		ref = kindText[o.Kind]
	}
	since := held
	if o.Carried {
		since = o.OriginDay
	}
	text := o.Text
	if o.Said != "" {
		text += "\n(Tại hội nghị: " + o.Said + ")"
	}
	return Owed{Ref: ref, From: askerText(o), Text: text, Since: since, Due: o.Due}
}

// OverdueReminders is the letter to every agency with an overdue
// obligation in the register, and each one's items (most overdue first).
// Obligations no agency owes get no letter.
func OverdueReminders(m store.Meeting, office string, reg *store.Register) (Letter, []AgencyOwed) {
	var owed []AgencyOwed
	idx := map[string]int{}
	list := reg.Filter(store.RegisterFilter{Statuses: []store.StatusKind{store.StatusOverdue}})
	for _, u := range reg.Units { // agencies in protocol order
		for _, o := range list {
			if o.Agency == "" || store.Fold(o.Agency) != store.Fold(u.Name) {
				continue
			}
			i, ok := idx[o.Agency]
			if !ok {
				i = len(owed)
				idx[o.Agency] = i
				owed = append(owed, AgencyOwed{Agency: o.Agency})
			}
			owed[i].Items = append(owed[i].Items, owedItem(o, reg.HeldOn))
		}
	}
	org := orgShort(m)
	compiler := cmpOr(office, "cơ quan tổng hợp")
	by := store.AddDays(reg.Today, 7)
	l := Letter{
		Code:     "UBND-" + cmpOr(m.OfficeCode, initials(office)),
		Subject:  "đôn đốc trả lời ý kiến, kiến nghị của đại biểu sau Chương trình đối thoại",
		SinceCol: "Ngày giao",
		DueCol:   "Hạn trả lời",
		File:     "don-doc-tra-loi-sau-doi-thoai",
		Day:      reg.Today,
		Intro: func(agency string, n int) string {
			return fmt.Sprintf("Thực hiện kết luận của %s tại %s%s, các cơ quan, đơn vị được giao trả lời bằng văn bản các ý kiến, kiến nghị của đại biểu. "+
				"Đến ngày %s, %s chưa gửi văn bản trả lời %02d nội dung đã quá hạn sau:", shortChair(m), m.Title, ifNonEmpty(" (", longDate(reg.HeldOn), ")"),
				vnDate(reg.Today), agency, n)
		},
		Request: func(agency string, n int) string {
			return fmt.Sprintf("%s đề nghị %s khẩn trương trả lời bằng văn bản các nội dung nêu trên, gửi người nêu ý kiến và %s trước ngày %s "+
				"để tổng hợp, báo cáo %s; trường hợp chưa thể trả lời, báo cáo rõ lý do và đề xuất thời hạn hoàn thành./.", org, agency, compiler, vnDate(by), shortChair(m))
		},
		Recipients: []string{"Chủ tịch, các PCT " + org + " (để b/c)", archiveLine(office, m.OfficeCode)},
	}
	return l, owed
}

// ExportOverdueReminders writes a reminder letter to every agency with an
// overdue obligation into dir, in one go, and returns the files (none
// when nothing is overdue).
func ExportOverdueReminders(ctx context.Context, st *store.Store, dir string, o Options) ([]string, error) {
	o.fill()
	s, err := Load(ctx, st)
	if err != nil {
		return nil, err
	}
	reg, err := st.Register(ctx)
	if err != nil {
		return nil, err
	}
	l, owed := OverdueReminders(s.Meeting, s.office(), reg)
	return ExportReminders(dir, s.Meeting, l, owed, o)
}
