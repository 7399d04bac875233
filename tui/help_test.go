package tui

import (
	"strings"
	"testing"

	"doithoai/tui/i18n"
)

// Every station explains itself and lists its keys without a meeting open.
func TestStationHelp(t *testing.T) {
	for _, id := range Stations {
		for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
			h := StationHelp(id, l)
			lines := strings.Split(strings.TrimSpace(h), "\n")
			if len(lines) < 4 || !strings.Contains(lines[0], i18n.New(l).T("station."+string(id)+".desc")) {
				t.Errorf("%s/%v help:\n%s", id, l, h)
			}
		}
	}
	if h := StationHelp(Checkin, i18n.EN); !strings.Contains(h, "ctrl+t") || !strings.Contains(h, "enter") {
		t.Errorf("check-in help lacks its keys:\n%s", h)
	}
}
