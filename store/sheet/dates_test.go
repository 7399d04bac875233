package sheet

import (
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	for in, want := range map[string]string{
		"16/10/2023": "2023-10-16",
		"2023-10-16": "2023-10-16",
		"16.10.2023": "2023-10-16",
		"16/10/23":   "2023-10-16",
		"6/9/23":     "2023-09-06",
		"10-16-23":   "2023-10-16", // Excel's default date format, month first
		"16-10-23":   "2023-10-16", // no 16th month: the day came first
		"09-06-23":   "2023-09-06",
		"45215":      "2023-10-16", // an Excel day number
		"45215.5":    "",
		"4521":       "",
		"31/02/23":   "",
		"16/10":      "",
		"hôm qua":    "",
		"":           "",
		"2023":       "",
	} {
		got, ok := Date(in)
		if got != want || ok != (want != "") {
			t.Errorf("Date(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// FuzzDate: whatever a cell holds, an accepted date is a real day written
// YYYY-MM-DD, and what DayFirst accepts Date reads the same.
func FuzzDate(f *testing.F) {
	for _, s := range []string{"16/10/2023", "10-16-23", "16.10.23", "45215", "2023-10-16", "99999", "1-1-00", "31/12/99", "//", "１６/10/2023"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Date(s)
		if !ok {
			if got != "" {
				t.Fatalf("Date(%q) refused but returned %q", s, got)
			}
			return
		}
		d, err := time.Parse("2006-01-02", got)
		if err != nil || d.Format("2006-01-02") != got {
			t.Fatalf("Date(%q) = %q, not a real day", s, got)
		}
		if df, ok := DayFirst(s); ok && df != got {
			t.Fatalf("Date(%q) = %q, DayFirst %q", s, got, df)
		}
	})
}
