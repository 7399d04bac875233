package components

import (
	"strconv"
	"strings"
	"time"
)

// ParseDate reads a date as a clerk types it, day first (18/10/2023,
// 8/9/2023, 18-10-2023, 18.10.2023) or as ISO 2023-10-18, and returns it
// in the store's form, YYYY-MM-DD. The day must exist (31/02 is refused).
func ParseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	sep := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if sep < 0 || !strings.ContainsRune("/-.", rune(s[sep])) {
		return "", false
	}
	parts := strings.Split(s, s[sep:sep+1])
	if len(parts) != 3 {
		return "", false
	}
	var n [3]int
	for i, p := range parts {
		if len(p) == 0 || len(p) > 4 || strings.IndexFunc(p, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return "", false
		}
		n[i], _ = strconv.Atoi(p)
	}
	var y, m, d int
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2: // ISO order
		y, m, d = n[0], n[1], n[2]
	case len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 4: // day first
		y, m, d = n[2], n[1], n[0]
	default:
		return "", false
	}
	if y < 1900 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// ShowDate shows a stored YYYY-MM-DD date as dd/mm/yyyy, the way it is
// written in Vietnam; anything else is shown as it is.
func ShowDate(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return t.Format("02/01/2006")
}
