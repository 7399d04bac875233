package tui

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"doithoai/store/replica"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

// replicaLine is the header's second line with the replica's state on
// the right (red when it is an alarm), the meeting file on the left.
func (m *Model) replicaLine() string {
	s := m.c.Styles
	repl, alarm := replicaText(m.c, m.replica, m.now)
	repl = common.Trunc(repl, m.width-2) + " "
	rs := s.Subtle
	if alarm {
		rs = s.Err
	}
	w := m.width - lipgloss.Width(repl)
	file := common.Trunc(" "+m.c.T.F("home.file", m.c.Path), w-1)
	return s.Subtle.Render(common.Pad(file, w)) + rs.Render(repl)
}

// replicaText is the header's account of the replica at now, and whether
// it is an alarm (shown red): more than 10 s behind, the folder gone, the
// host unreachable, or nobody replicating.
func replicaText(c *common.Common, st replica.Status, now time.Time) (string, bool) {
	t := c.T
	behind := st.Behind(now)
	alarm := st.Alarm(now)
	switch st.State {
	case replica.StateOK:
		key := "replica.ok"
		if alarm {
			key = "replica.late"
		}
		return t.F(key, st.Label, duration(t, behind)), alarm
	case replica.StateStarting:
		if !alarm {
			return t.F("replica.starting", st.Label), false
		}
		return t.F("replica.late", st.Label, duration(t, behind)), true
	}
	var why string
	switch st.State {
	case replica.StateFailed:
		why = t.F("replica.failed", common.Trunc(st.Detail, 40))
	default:
		why = t.T("replica." + string(st.State))
	}
	if st.PendingSince.IsZero() {
		return t.F("replica.problem", st.Label, why), true
	}
	return t.F("replica.problem_lag", st.Label, why, duration(t, behind)), true
}

// duration reads like "0,4 s" (Vietnamese decimal comma), "12 s", "3 phút".
func duration(t i18n.Catalog, d time.Duration) string {
	switch {
	case d < 10*time.Second:
		s := strconv.FormatFloat(d.Seconds(), 'f', 1, 64)
		if t.Lang == i18n.VI {
			s = strings.Replace(s, ".", ",", 1)
		}
		return t.F("replica.secs", s)
	case d < 2*time.Minute:
		return t.F("replica.secs", strconv.Itoa(int(d.Seconds())))
	case d < 2*time.Hour:
		return t.F("replica.mins", int(d.Minutes()))
	}
	return t.F("replica.hours", int(d.Hours()))
}
