package components

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"doithoai/tui/i18n"
)

// Clock formats a whole number of seconds as mm:ss, or h:mm:ss from
// hourFrom seconds on, with a minus sign when negative (time over).
func Clock(seconds, hourFrom int) string {
	sign := ""
	if seconds < 0 {
		sign, seconds = "-", -seconds
	}
	if seconds >= hourFrom {
		return sign + itoa(seconds/3600) + ":" + two(seconds/60%60) + ":" + two(seconds%60)
	}
	return sign + two(seconds/60) + ":" + two(seconds%60)
}

// Seconds is d in whole seconds, rounded down.
func Seconds(d time.Duration) int { return int(d / time.Second) }

func two(n int) string { return string([]byte{byte('0' + n/10%10), byte('0' + n%10)}) }

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// Required is a form validator: text that is not blank and at most max
// runes, with the message in the catalog's language.
func Required(t i18n.Catalog, max int) func(string) error {
	long := MaxLen(t, max)
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(t.T("err.required"))
		}
		return long(s)
	}
}

// MaxLen is a form validator for an optional field of at most max runes.
func MaxLen(t i18n.Catalog, max int) func(string) error {
	return func(s string) error {
		if utf8.RuneCountInString(s) > max {
			return errors.New(t.T("err.too_long"))
		}
		return nil
	}
}
