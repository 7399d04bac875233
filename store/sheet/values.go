package sheet

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
)

var (
	sciNumber = regexp.MustCompile(`^[0-9](\.[0-9]+)?[eE]\+?[0-9]{1,2}$`)
	phoneOK   = regexp.MustCompile(`^\+?[0-9(][0-9 .\-()]{6,24}$`)
)

// ErrPhone marks a cell that is not a phone number.
var ErrPhone = errors.New("not a phone number")

// Phone normalises a phone number, from a cell or a form, to the digits
// a Vietnamese number is dialled with: 10 for a mobile (03, 05, 07, 08,
// 09…), 11 for a landline (02…). Spaces, dots, dashes and brackets go;
// +84 and 84 become 0. Excel turns 0912345678 into the number 912345678
// (or 9.12345678E+08): the leading zero comes back. A number with "+" and
// another country code is kept as typed. "-", "x" and "không" mean none.
func Phone(s string) (string, error) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "'"))
	if rest, ok := strings.CutPrefix(s, "00"); ok {
		s = "+" + rest // the international prefix dialled from Vietnam, as PhoneCell writes it
	}
	switch strings.ToLower(s) {
	case "", "-", "--", "x", "không", "khong", "không có", "n/a", "none":
		return "", nil
	}
	if sciNumber.MatchString(s) {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f < 1e15 {
			s = strconv.FormatFloat(math.Round(f), 'f', 0, 64)
		}
	}
	s = strings.TrimSuffix(s, ".0")
	if !phoneOK.MatchString(s) {
		return s, ErrPhone
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
	if len(digits) < 8 || len(digits) > 15 {
		return s, ErrPhone
	}
	plus := strings.HasPrefix(s, "+")
	if plus && !strings.HasPrefix(digits, "84") {
		return s, nil // abroad: as typed
	}
	mobile := func(r byte) bool { return strings.IndexByte("35789", r) >= 0 }
	switch {
	case strings.HasPrefix(digits, "84") && (plus || len(digits) == 11 || len(digits) == 12):
		digits = "0" + digits[2:]
	case len(digits) == 9 && mobile(digits[0]):
		digits = "0" + digits
	case len(digits) == 10 && digits[0] == '2':
		digits = "0" + digits
	}
	switch {
	case len(digits) == 10 && digits[0] == '0' && mobile(digits[1]),
		len(digits) == 11 && strings.HasPrefix(digits, "02"):
		return digits, nil
	}
	return s, ErrPhone
}

var (
	leadingInt = regexp.MustCompile(`^(\d{1,4})(?:[.,]0+)?\s*(?:'|p|ph|phut|phút|min|mins|minutes|minute|m)?\.?$`)
	hoursMins  = regexp.MustCompile(`^(\d{1,2})\s*(?:h|giờ|gio|:)\s*(\d{1,2})?\s*(?:p|ph|phút|phut|')?(?::(\d{2}))?$`)
	clockRange = regexp.MustCompile(`^(\d{1,2})\s*(?:h|:|giờ)\s*(\d{2})?\s*(?:-|–|—|đến|den|to)\s*(\d{1,2})\s*(?:h|:|giờ)\s*(\d{2})?$`)
)

// ErrMinutes marks a duration cell that cannot be read.
var ErrMinutes = errors.New("not a number of minutes")

// Minutes reads a duration: "15", "15 phút", "15'", "1h30", "1:30" (an
// Excel time cell), or a clock range "7h30 - 7h45" as run-sheets write the
// time column. Empty is 0.
func Minutes(s string) (int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, nil
	}
	if m := leadingInt.FindStringSubmatch(s); m != nil {
		v, _ := strconv.Atoi(m[1])
		return checkMinutes(v)
	}
	if m := clockRange.FindStringSubmatch(s); m != nil {
		h0, _ := strconv.Atoi(m[1])
		m0, _ := strconv.Atoi(m[2])
		h1, _ := strconv.Atoi(m[3])
		m1, _ := strconv.Atoi(m[4])
		return checkMinutes((h1*60 + m1) - (h0*60 + m0))
	}
	if m := hoursMins.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[1])
		mm, _ := strconv.Atoi(m[2])
		return checkMinutes(h*60 + mm)
	}
	return 0, ErrMinutes
}

func checkMinutes(v int) (int, error) {
	if v < 0 || v > 24*60 {
		return 0, ErrMinutes
	}
	return v, nil
}

var clockOnly = regexp.MustCompile(`^(\d{1,2})\s*(?:h|giờ|gio|:)\s*(\d{2})?\s*(?:'|p|phút|phut)?$`)

// Clock reads a time of day as run-sheets write it ("7h30", "07:30",
// "8h", "7 giờ 30") and returns minutes after midnight.
func Clock(s string) (int, bool) {
	m := clockOnly.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return 0, false
	}
	h, _ := strconv.Atoi(m[1])
	mm, _ := strconv.Atoi(m[2])
	if h > 23 || mm > 59 {
		return 0, false
	}
	return h*60 + mm, true
}
