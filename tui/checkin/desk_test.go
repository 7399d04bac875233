package checkin

import (
	"testing"

	"doithoai/store"
	"doithoai/tui/i18n"
)

// "Already here" names the desk the way the staff know it.
func TestDeskName(t *testing.T) {
	vi := i18n.New(i18n.VI)
	for user, want := range map[string]string{
		"":                                  "máy hội trường",
		"root":                              "máy hội trường",
		"root/ban-2":                        "bàn ban-2",
		"checkin@192.168.1.20":              "thiết bị 192.168.1.20",
		"checkin@192.168.1.20 key SHA256:x": "thiết bị 192.168.1.20",
		"checkin@10.0.0.5 key SHA256:x (máy tính bảng 2)": "thiết bị máy tính bảng 2",
	} {
		if got := deskName(vi, user); got != want {
			t.Errorf("deskName(%q) = %q, want %q", user, got, want)
		}
	}
	if namedDesk("root") || !namedDesk("root/ban-2") || !namedDesk("checkin@10.0.0.5") {
		t.Error("namedDesk")
	}
}

func TestRatio(t *testing.T) {
	for _, c := range []struct {
		tl   store.Tally
		want string
	}{
		{store.Tally{Arrived: 87, Expected: 98, Quota: 100}, "87 / 100"},
		{store.Tally{Arrived: 3, Expected: 12}, "3 / 12"},
		{store.Tally{Arrived: 1, WalkIns: 1}, "1"}, // only walk-ins: no "/ 0"
	} {
		if got := ratio(c.tl); got != c.want {
			t.Errorf("ratio(%+v) = %q, want %q", c.tl, got, c.want)
		}
	}
}
