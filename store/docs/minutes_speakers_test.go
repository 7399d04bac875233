package docs

import (
	"strings"
	"testing"
)

// The minutes list every turn that ran (name, unit, from–to) and say which
// have questions; a unit typed without accents is written as the unit's
// name, in the list and in the questions alike.
func TestMinutesListTheTurns(t *testing.T) {
	_, s := demo(t)
	s.Questions[1].AskerUnit = "phuong quang tho" // typed free, as the qa station keeps it
	for format, text := range minutesTexts(t, s) {
		ls := lines(text)
		idx := func(want string) int {
			for i, l := range ls {
				if strings.Contains(l, want) {
					return i
				}
			}
			t.Errorf("%s: no line with %q", format, want)
			return -1
		}
		intro := idx("Các lượt phát biểu: 2 lượt, trong đó 1 lượt có ý kiến được ghi nhận dưới đây.")
		first := idx("- Hoàng Thị Duyên (Xã Quảng Sơn), 09:08–09:13: Ý kiến 1.")
		second := idx("- Nguyen Van Khach (Xã Quảng Tân), 09:13–09:15: không ghi nhận ý kiến.")
		head := idx("2. Ý kiến của đại biểu và trả lời")
		q1 := idx("Ý kiến 1 (09:10): Hoàng Thị Duyên (Xã Quảng Sơn)")
		if !(head < intro && intro+1 == first && first+1 == second && second < q1) {
			t.Errorf("%s: turns out of place: heading %d, intro %d, turns %d %d, first question %d", format, head, intro, first, second, q1)
		}
		idx("Ý kiến 2 (09:17): Lê Thị Hoa (Phường Quảng Thọ)")
		for _, bad := range []string{"Xa Quang Tan", "phuong quang tho", "Người Chờ Mãi"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: says %q", format, bad)
			}
		}
	}
}

func TestMinutesWithoutTurns(t *testing.T) {
	_, s := demo(t)
	s.Speakers = nil
	for format, text := range minutesTexts(t, s) {
		if strings.Contains(text, "Các lượt phát biểu") {
			t.Errorf("%s: an empty list of turns", format)
		}
	}
}

func TestUnitText(t *testing.T) {
	_, s := demo(t)
	for in, want := range map[string]string{
		"Xa Quang Tan":       "Xã Quảng Tân",
		" xã quảng tân ":     "Xã Quảng Tân",
		"Xã Quảng Tân":       "Xã Quảng Tân",
		"Thôn Đông, xã khác": "Thôn Đông, xã khác",
		"":                   "",
	} {
		if got := s.unitText(in); got != want {
			t.Errorf("unitText(%q) = %q, want %q", in, got, want)
		}
	}
}
