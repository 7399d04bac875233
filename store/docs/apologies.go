package docs

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"doithoai/store"
)

// apologyIndex finds an apology by the delegate who sent it and by the
// substitute who stands in for her.
type apologyIndex struct {
	by       map[int64]store.Apology // delegate id -> her apology
	standsIn map[int64]store.Apology // substitute id -> the apology she answers
}

func (s *Snapshot) apologyIndex() apologyIndex {
	ix := apologyIndex{by: map[int64]store.Apology{}, standsIn: map[int64]store.Apology{}}
	for _, a := range s.Apologies {
		ix.by[a.DelegateID] = a
		if a.SubstituteID != 0 {
			ix.standsIn[a.SubstituteID] = a
		}
	}
	return ix
}

// substitute reports whether d counts as a substitute: registered for an
// invited delegate who sent apologies and has not come. A substitute on
// the list counts as herself, and one whose principal came after all as a
// walk-in, so nobody is counted twice.
func (ix apologyIndex) substitute(d store.Delegate) bool {
	a, ok := ix.standsIn[d.ID]
	return ok && d.WalkIn && d.Arrived() && a.ArrivedAt.IsZero()
}

// apologised reports an invited delegate who has not come and sent apologies.
func (ix apologyIndex) apologised(d store.Delegate) bool {
	_, ok := ix.by[d.ID]
	return ok && !d.WalkIn && !d.Arrived()
}

// absenceNote is the attendance list's note for someone absent with
// apologies: "Vắng có lý do (ốm)". The note column is narrow: a longer
// reason, and who came instead (on a row of her own, "Dự thay …"), are
// in the minutes.
func absenceNote(a store.Apology) string {
	if r := a.Reason; r != "" && utf8.RuneCountInString(r) <= shortReason {
		return "Vắng có lý do (" + lowerFirst(r) + ")"
	}
	return "Vắng có lý do"
}

// signinNote is what the sign-in sheet prints in the signature box of
// someone who sent apologies before it was printed: "Báo vắng – Nguyễn
// Hữu Hùng dự thay", so the desk and her substitute know the line.
func signinNote(a store.Apology) string {
	if a.SubstituteName != "" {
		return "Báo vắng – " + a.SubstituteName + " dự thay"
	}
	return "Báo vắng"
}

// shortReason is the longest reason the note column holds in two lines.
const shortReason = 16

// presentBreakdown is " (trong đó 2 đại biểu dự thay, 1 đại biểu ngoài
// danh sách mời)" after the number present, or nothing.
func presentBreakdown(t tally) string {
	var parts []string
	if t.Substitutes > 0 {
		parts = append(parts, fmt.Sprintf("%d đại biểu dự thay", t.Substitutes))
	}
	if t.WalkIns > 0 {
		parts = append(parts, fmt.Sprintf("%d đại biểu ngoài danh sách mời", t.WalkIns))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (trong đó " + strings.Join(parts, ", ") + ")"
}

// absentCount is "vắng: 47" or, with apologies, "vắng: 47 (có lý do: 3,
// không lý do: 44)".
func absentCount(t tally) string {
	s := fmt.Sprintf("vắng: %d", absent(t))
	if t.Apologised > 0 {
		s += fmt.Sprintf(" (có lý do: %d, không lý do: %d)", t.Apologised, absent(t)-t.Apologised)
	}
	return s
}

// apologySentence names those absent with apologies, for the minutes:
// "Vắng có lý do: Hoàng Thị Minh Nguyệt, Trưởng Ban Dân vận Thị ủy (họp
// Tỉnh ủy; cử Phạm Thị Diệu dự thay); …." Empty without any.
func (s *Snapshot) apologySentence() string {
	who := s.apologised(false)
	if len(who) == 0 {
		return ""
	}
	return "Vắng có lý do: " + strings.Join(who, "; ") + "."
}

// apologised describes each invited delegate who sent apologies and has
// not come, in the sheet's order. Before the day (planned) a substitute
// is only named; after it, whether she came is said too.
func (s *Snapshot) apologised(planned bool) []string {
	ix := s.apologyIndex()
	var who []string
	for _, d := range s.sheetOrder() {
		if !ix.apologised(d) {
			continue
		}
		a := ix.by[d.ID]
		w := joinNonEmpty(", ", d.FullName, d.Title)
		var why []string
		if a.Reason != "" {
			why = append(why, a.Reason)
		}
		if a.SubstituteName != "" {
			sub := a.SubstituteName + " dự thay"
			if !planned && a.SubArrived.IsZero() {
				sub += ", không đến"
			}
			why = append(why, "cử "+sub)
		}
		if len(why) > 0 {
			w += " (" + strings.Join(why, "; ") + ")"
		}
		who = append(who, w)
	}
	return who
}
