package components

import (
	"strings"

	"doithoai/tui/i18n"
)

// Who says who made an audited change, from its station and user:
// "thư ký trên thiết bị 10.0.0.7", "đón tiếp (bàn ban-2)", "theo dõi
// trên máy hội trường".
func Who(t i18n.Catalog, station, user string) string {
	name := station
	switch station {
	case "qa", "checkin", "agenda", "reports", "setup", "screen", "followup":
		name = strings.ToLower(t.T("station." + station))
	}
	if _, rest, ok := strings.Cut(user, "@"); ok {
		dev, _, _ := strings.Cut(rest, " ")
		if i := strings.LastIndex(rest, " ("); i >= 0 && strings.HasSuffix(rest, ")") {
			dev = rest[i+2 : len(rest)-1]
		}
		return t.F("qa.who.device", name, dev)
	}
	if _, desk, ok := strings.Cut(user, "/"); ok && strings.TrimSpace(desk) != "" {
		return t.F("qa.who.desk", name, desk)
	}
	return t.F("qa.who.local", name)
}
