package reports

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"doithoai/store"
	"doithoai/store/docs"
	"doithoai/tui/common"
)

// wide is the width from which the summary sits beside the export panel.
const wide = 110

// View draws the export panel and the summary: side by side when wide,
// stacked otherwise. It only formats what Update stored.
func (m *Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	if m.assess != nil {
		return common.Fit(m.assessView(), m.w, m.h)
	}
	if m.w >= wide {
		lw := 58
		left := common.Fit(m.panel(lw-2), lw, m.h)
		right := common.Fit(m.summary(m.w-lw-2, m.h, true), m.w-lw-2, m.h)
		sep := strings.TrimSuffix(strings.Repeat("│\n", m.h), "\n")
		return lipgloss.JoinHorizontal(lipgloss.Top, left, m.c.Styles.Subtle.Render(sep), " ", right)
	}
	panel := m.panel(m.w)
	rest := m.h - lipgloss.Height(panel) - 1
	out := panel
	if rest > 1 {
		out += "\n\n" + m.summary(m.w, rest, false)
	}
	return common.Fit(out, m.w, m.h)
}

// panel is the document list, the chosen format, the folder, the contacts
// switch and the status of the last export.
func (m *Model) panel(w int) string {
	s, t := m.c.Styles, m.c.T
	var b strings.Builder
	b.WriteString(s.Title.Render(t.T("reports.title")) + "\n")
	nameW := 0
	for _, k := range docs.Kinds {
		nameW = max(nameW, lipgloss.Width(t.T("reports.kind."+string(k))))
	}
	nameW = min(nameW, max(w-22, 10))
	for i, k := range docs.Kinds {
		marker := "  "
		if i == m.cursor {
			marker = "› "
		}
		name := common.Pad(t.T("reports.kind."+string(k)), nameW)
		var fs []string
		for _, f := range docs.Formats(k) {
			if f == m.format[k] {
				fs = append(fs, "["+string(f)+"]")
			} else {
				fs = append(fs, " "+string(f)+" ")
			}
		}
		line := common.Trunc(marker+name+" "+strings.Join(fs, ""), w)
		if i == m.cursor {
			line = s.Selected.Render(common.Pad(line, w))
		}
		b.WriteString(line + "\n")
	}
	b.WriteString(s.Subtle.Render(common.Trunc("  "+t.T("reports.desc."+string(m.kind())), w)) + "\n")
	for _, l := range m.checks(w) {
		b.WriteString(l + "\n")
	}
	if m.fix.Opened() {
		b.WriteString(m.fix.View(w) + "\n")
	}
	if m.editing {
		b.WriteString(m.input.View() + "\n")
		b.WriteString(s.Subtle.Render(t.T("reports.folder.hint")) + "\n")
	} else {
		b.WriteString(common.Trunc(t.F("reports.folder", m.dir), w) + "\n")
		if m.contacts {
			b.WriteString(s.Warn.Render(t.T("reports.contacts.on")) + "\n")
		} else {
			b.WriteString(t.T("reports.contacts.off") + "\n")
		}
	}
	switch {
	case m.status != "" && m.bad:
		b.WriteString(s.Err.Render(common.Trunc(m.status, w)))
	case m.status != "":
		b.WriteString(s.OK.Render(common.Trunc(m.status, w)))
	case m.exporting:
		b.WriteString(s.Subtle.Render(t.T("reports.exporting")))
	case m.failed != nil:
		b.WriteString(s.Err.Render(common.Trunc(t.F("reports.failed", m.c.ErrText(m.failed)), w)))
	case m.written != "":
		// The whole path matters more than one line: wrap it.
		b.WriteString(s.OK.Width(w).Render(t.F("reports.written", m.written)))
	}
	return strings.TrimRight(b.String(), "\n")
}

// summary is the digest: attendance (by group when there is room), the
// dialogue counts, and the written answers owed per agency.
func (m *Model) summary(w, h int, groups bool) string {
	s, t := m.c.Styles, m.c.T
	lines := []string{s.Title.Render(t.T("reports.summary"))}
	switch {
	case m.loadErr != nil:
		lines = append(lines, s.Err.Render(m.c.ErrText(m.loadErr)))
	case m.sum == nil:
		lines = append(lines, s.Subtle.Render(t.T("ui.loading")))
	default:
		sm := m.sum
		line := t.F("reports.attendance", sm.Arrived, sm.Invited, sm.WalkIns, sm.Absent)
		if sm.Apologised > 0 {
			line += t.F("apology.reports.excused", sm.Apologised)
		}
		if sm.Substitutes > 0 {
			line += t.F("apology.reports.substitutes", sm.Substitutes)
		}
		lines = append(lines, line)
		if groups {
			for _, g := range sm.Groups {
				switch {
				case g.Invited == 0 && g.Arrived == 0:
					// an empty group says nothing
				case g.Invited == 0 && g.Quota > 0:
					// Nobody invited by name: "1/0" would read as over the list.
					lines = append(lines, s.Subtle.Render("  "+t.F("reports.group.quota.only", g.Name, g.Arrived, g.Quota)))
				case g.Invited == 0:
					// Nothing was expected: only who came (walk-ins).
					lines = append(lines, s.Subtle.Render("  "+t.F("reports.group.walkins", g.Name, g.Arrived)))
				case g.Quota > 0:
					lines = append(lines, s.Subtle.Render("  "+t.F("reports.group.quota", g.Name, g.Arrived, g.Invited, g.Quota)))
				default:
					lines = append(lines, s.Subtle.Render("  "+t.F("reports.group", g.Name, g.Arrived, g.Invited)))
				}
			}
		}
		lines = append(lines, t.F("reports.questions", sm.Questions, sm.Answers, sm.ByOutcome[store.OutcomeSpot],
			sm.ByOutcome[store.OutcomeWritten], sm.ByOutcome[store.OutcomeReferred], sm.ByOutcome[store.OutcomeNoted]))
		if sm.Petitions > 0 {
			lines = append(lines, t.F("reports.petitions", sm.PetitionsRaised, sm.Petitions))
		}
		if len(sm.Due) == 0 {
			lines = append(lines, s.Subtle.Render(t.T("reports.due.none")))
		} else {
			lines = append(lines, s.Bold.Render(t.T("reports.due")))
			room := h - len(lines)
			for i, a := range sm.Due {
				if i == room-1 && len(sm.Due) > room {
					lines = append(lines, s.Subtle.Render(fmt.Sprintf("  … +%d", len(sm.Due)-i)))
					break
				}
				var parts []string
				if a.Written > 0 {
					parts = append(parts, t.F("reports.due.written", a.Written))
				}
				if a.Referred > 0 {
					parts = append(parts, t.F("reports.due.referred", a.Referred))
				}
				if a.Earliest != "" {
					parts = append(parts, t.F("reports.due.by", vnDate(a.Earliest)))
				}
				right := strings.Join(parts, ", ")
				nameW := max(w-lipgloss.Width(right)-3, 8)
				lines = append(lines, "  "+common.Pad(a.Agency, nameW)+" "+right)
			}
		}
	}
	for i, l := range lines {
		lines[i] = common.Trunc(l, w)
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// vnDate writes YYYY-MM-DD as dd/mm/yyyy, the way the office reads dates.
func vnDate(iso string) string {
	if len(iso) != 10 {
		return iso
	}
	return iso[8:10] + "/" + iso[5:7] + "/" + iso[0:4]
}
