package followup

import (
	"strconv"

	"github.com/charmbracelet/lipgloss"

	"doithoai/store"
	"doithoai/tui/components"
	"doithoai/tui/i18n"
	"doithoai/tui/styles"
)

// statusText says an obligation's derived status in words: "quá hạn 5
// ngày", "sắp đến hạn – còn 2 ngày", "đã trả lời – trễ 2 ngày".
func statusText(t i18n.Catalog, s store.Status) string {
	switch s.Kind {
	case store.StatusOverdue:
		return t.F("followup.st.overdue", s.Days)
	case store.StatusDueSoon:
		if s.Days == 0 {
			return t.T("followup.st.due_today")
		}
		return t.F("followup.st.due_soon", s.Days)
	case store.StatusNotDue:
		return t.T("followup.st.not_due")
	case store.StatusForwarded:
		if s.Days > 0 {
			return t.F("followup.st.forwarded_late", s.Days)
		}
		return t.T("followup.st.forwarded")
	}
	if s.Days > 0 {
		return t.F("followup.st.late", s.Days)
	}
	return t.T("followup.st.on_time")
}

// statusStyle colours a status: red overdue, amber due soon or answered
// late, green answered on time, grey forwarded.
func statusStyle(s *styles.Styles, st store.Status) lipgloss.Style {
	return statusStyles(s)[paintOf(st)]
}

// The status colours, by paintOf.
const (
	paintOverdue = iota
	paintSoon
	paintNotDue
	paintForwarded
	paintLate
	paintOnTime
	paintCount
)

func statusStyles(s *styles.Styles) [paintCount]lipgloss.Style {
	return [paintCount]lipgloss.Style{s.Err, s.Warn, s.Normal, s.Subtle, s.Warn, s.OK}
}

func paintOf(st store.Status) int {
	switch {
	case st.Kind == store.StatusOverdue:
		return paintOverdue
	case st.Kind == store.StatusDueSoon:
		return paintSoon
	case st.Kind == store.StatusNotDue:
		return paintNotDue
	case st.Kind == store.StatusForwarded:
		return paintForwarded
	case st.Days > 0:
		return paintLate
	}
	return paintOnTime
}

// ref is the obligation's reference as the office says it: "YK3" (the
// third question of the minutes), "KN5" (petition 5), "KT2" (carried
// from the previous meeting).
func ref(t i18n.Catalog, o store.Obligation) string {
	switch {
	case o.Carried:
		return t.T("followup.ref.carried") + o.Key[1:]
	case o.Kind == store.KindPetition && o.PetitionNo > 0:
		return t.T("followup.ref.petition") + strconv.Itoa(o.PetitionNo)
	case o.QNo > 0:
		return t.T("followup.ref.question") + strconv.Itoa(o.QNo)
	}
	return o.Key
}

// resultText says what a receipt did to its obligation.
func resultText(t i18n.Catalog, r store.Result) string { return t.T("followup.result." + string(r)) }

// date shows YYYY-MM-DD as dd/mm/yyyy.
func date(iso string) string { return components.ShowDate(iso) }

// docText is a receipt's number line as offices write it.
func docText(t i18n.Catalog, rc store.Receipt) string {
	return t.F("followup.doc", rc.DocNo, date(rc.DocDate))
}
