package sheet

import (
	"strconv"
	"strings"
	"time"
)

// DayFirst reads a date as a clerk types it, day first (18/10/2023,
// 8/9/2023, 18-10-2023, 18.10.2023) or as ISO 2023-10-18, and returns it
// as YYYY-MM-DD. The day must exist (31/02 is refused); the year has four
// digits.
func DayFirst(s string) (string, bool) {
	parts, _, ok := dateParts(s)
	if !ok {
		return "", false
	}
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2: // ISO order
		return ymd(parts[0], parts[1], parts[2])
	case len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 4: // day first
		return ymd(parts[2], parts[1], parts[0])
	}
	return "", false
}

// Date reads a date from a cell of a returned file: whatever DayFirst
// reads, a two-digit year (16/10/23 is the 16th of October 2023), Excel's
// own rendering of a date cell in its default format, month first with
// dashes (10-16-23), and a bare Excel day number (45215).
func Date(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if d, ok := DayFirst(s); ok {
		return d, true
	}
	if n, err := strconv.Atoi(s); err == nil && len(s) == 5 && n >= 20000 {
		// Excel counts days from 30/12/1899 (its 1900 leap-year bug
		// included), so 45215 is 2023-10-16.
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format("2006-01-02"), true
	}
	parts, sep, ok := dateParts(s)
	if !ok || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 2 {
		return "", false
	}
	y := "20" + parts[2]
	if sep == '-' {
		// Excel writes m-d-yy; a first number above 12 is a day all the same
		if d, ok := ymd(y, parts[0], parts[1]); ok {
			return d, true
		}
	}
	return ymd(y, parts[1], parts[0])
}

// dateParts splits "18/10/2023" on its one separator (/, - or .) into
// three runs of digits.
func dateParts(s string) ([]string, byte, bool) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if i < 0 || !strings.ContainsRune("/-.", rune(s[i])) {
		return nil, 0, false
	}
	sep := s[i]
	parts := strings.Split(s, string(sep))
	if len(parts) != 3 {
		return nil, 0, false
	}
	for _, p := range parts {
		if len(p) == 0 || len(p) > 4 || strings.IndexFunc(p, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return nil, 0, false
		}
	}
	return parts, sep, true
}

func ymd(ys, ms, ds string) (string, bool) {
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	if y < 1900 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return "", false
	}
	return t.Format("2006-01-02"), true
}
