package checkin

import (
	"strings"

	"doithoai/tui/i18n"
)

// mineMax bounds the desk's memory of its own check-ins (for undo).
const mineMax = 500

// remember notes a check-in made at this desk.
func (m *Model) remember(id int64) {
	m.mine = append(m.mine, id)
	if len(m.mine) > mineMax {
		m.mine = append([]int64(nil), m.mine[len(m.mine)-mineMax:]...)
	}
}

// namedDesk reports a user that names one desk: "os-user/ban-2" (--desk)
// or an SSH device ("checkin@10.0.0.5 …"). A bare OS user may be shared by
// several terminals on the laptop.
func namedDesk(user string) bool { return strings.ContainsAny(user, "/@") }

// deskName says where a check-in was made, from the user the store kept:
// the desk's --desk name, the SSH device (its key comment, else its
// address), or the hall laptop.
func deskName(t i18n.Catalog, user string) string {
	if _, rest, ok := strings.Cut(user, "@"); ok {
		if i := strings.LastIndex(rest, " ("); i >= 0 && strings.HasSuffix(rest, ")") {
			return t.F("checkin.desk.device", rest[i+2:len(rest)-1])
		}
		host, _, _ := strings.Cut(rest, " ")
		return t.F("checkin.desk.device", host)
	}
	if _, desk, ok := strings.Cut(user, "/"); ok && strings.TrimSpace(desk) != "" {
		return t.F("checkin.desk.named", desk)
	}
	return t.T("checkin.desk.local")
}
