package docs

import (
	"context"
	"fmt"
	"time"

	"doithoai/store"
)

// The reminder to agencies still missing a prepared answer before the
// day: the office compiles the answers and reports them to the Chairman
// before the dialogue, so every missing one is chased.

// petitionFrom is who sent a petition: the delegate and her unit, or the
// unit that sent it.
func (s *Snapshot) petitionFrom(p store.Petition) string {
	if p.DelegateID == 0 {
		return p.SourceName
	}
	return nameUnit(p.SourceName, s.unitText(p.SourceUnit))
}

// reportBy is the day the office asks the missing answers for: three
// days from today, but two days before the meeting when that comes
// first, and never before tomorrow.
func reportBy(today, meeting string) string {
	t, err := time.Parse("2006-01-02", today)
	if err != nil {
		return ""
	}
	by := t.AddDate(0, 0, 3)
	if m, err := time.Parse("2006-01-02", meeting); err == nil && m.AddDate(0, 0, -2).Before(by) {
		by = m.AddDate(0, 0, -2)
	}
	if !by.After(t) {
		by = t.AddDate(0, 0, 1)
	}
	return by.Format("2006-01-02")
}

// PreparedReminders is the letter to every agency still missing a
// prepared answer on today (YYYY-MM-DD), and each one's petitions.
func (s *Snapshot) PreparedReminders(today string) (Letter, []AgencyOwed) {
	m := s.Meeting
	rows, _ := store.PreparedByAgency(s.Petitions, s.Units, today)
	var owed []AgencyOwed
	for _, r := range rows {
		if r.Missing == 0 {
			continue
		}
		a := AgencyOwed{Agency: r.Agency}
		for _, p := range r.Owed {
			a.Items = append(a.Items, Owed{Ref: fmt.Sprintf("Kiến nghị số %d", p.No), From: s.petitionFrom(p), Text: p.Text, Since: p.AskedOn, Due: p.DueOn})
		}
		owed = append(owed, a)
	}
	compiler := cmpOr(s.office(), "cơ quan tổng hợp")
	org := orgShort(m)
	by := reportBy(today, m.Date)
	l := Letter{
		Code:     "UBND-NV",
		Subject:  "đôn đốc gửi nội dung trả lời kiến nghị phục vụ Chương trình đối thoại",
		SinceCol: "Ngày giao",
		DueCol:   "Hạn gửi trả lời",
		File:     "don-doc-tra-loi-kien-nghi",
		Day:      today,
		Intro: func(agency string, n int) string {
			return fmt.Sprintf("Thực hiện Kế hoạch tổ chức %s, %s đã giao các cơ quan, đơn vị chuẩn bị nội dung trả lời các kiến nghị, đề xuất "+
				"gửi trước Chương trình. Đến nay, %s chưa gửi nội dung trả lời %02d kiến nghị sau:", m.Title, org, agency, n)
		},
		Request: func(agency string, n int) string {
			when := ""
			if m.Date != "" {
				when = " (" + longDate(m.Date) + ")"
			}
			return fmt.Sprintf("Để kịp tổng hợp, báo cáo %s trước ngày tổ chức đối thoại%s, %s đề nghị %s khẩn trương hoàn thành "+
				"nội dung trả lời các kiến nghị nêu trên, gửi về %s trước ngày %s để tổng hợp./.", shortChair(m), when, org, agency, compiler, vnDate(by))
		},
		Recipients: []string{"Chủ tịch, các PCT " + org + " (để b/c)", archiveLine(s.office(), m.OfficeCode)},
	}
	return l, owed
}

// ExportPreparedReminders writes a reminder letter to every agency still
// missing a prepared answer into dir and returns the files' paths (none
// when every answer has arrived).
func ExportPreparedReminders(ctx context.Context, st *store.Store, dir string, o Options) ([]string, error) {
	o.fill()
	s, err := Load(ctx, st)
	if err != nil {
		return nil, err
	}
	l, owed := s.PreparedReminders(o.Now.In(o.Loc).Format("2006-01-02"))
	return ExportReminders(dir, s.Meeting, l, owed, o)
}
