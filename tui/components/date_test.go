package components

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"18/10/2023":   "2023-10-18",
		" 8/9/2023 ":   "2023-09-08",
		"08/09/2023":   "2023-09-08",
		"18-10-2023":   "2023-10-18",
		"18.10.2023":   "2023-10-18",
		"2023-10-18":   "2023-10-18",
		"2023-1-8":     "2023-01-08",
		"29/02/2024":   "2024-02-29",
		"29/02/2023":   "",
		"31/04/2023":   "",
		"10/18/2023":   "",
		"18/10/23":     "",
		"18/10-2023":   "",
		"2023/10/18/1": "",
		"18//2023":     "",
		"":             "",
		"hôm nay":      "",
		"+1/+2/2023":   "",
		"00/10/2023":   "",
		"18/10/0099":   "",
	} {
		got, ok := ParseDate(in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if got := ShowDate("2023-10-18"); got != "18/10/2023" {
		t.Errorf("ShowDate = %q", got)
	}
	if got := ShowDate("soon"); got != "soon" {
		t.Errorf("ShowDate of junk = %q", got)
	}
}

// FuzzParseDate: whatever is typed, an accepted date is a real ISO date
// that reads back to itself, also through the way it is shown.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"18/10/2023", "8/9/2023", "2023-10-18", "31/02/2023", "1.1.1900", "", "//", "9999-99-99", "18/10/２０２３"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iso, ok := ParseDate(s)
		if !ok {
			if iso != "" {
				t.Fatalf("refused %q but returned %q", s, iso)
			}
			return
		}
		if _, err := time.Parse("2006-01-02", iso); err != nil {
			t.Fatalf("%q gave %q: %v", s, iso, err)
		}
		if again, ok := ParseDate(iso); !ok || again != iso {
			t.Fatalf("%q: ISO %q reads as %q", s, iso, again)
		}
		if back, ok := ParseDate(ShowDate(iso)); !ok || back != iso {
			t.Fatalf("%q: shown %q reads as %q", s, ShowDate(iso), back)
		}
	})
}
