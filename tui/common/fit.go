package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Fit cuts s to at most w columns and h lines and pads every line to w, so
// nothing is drawn out of bounds at any size.
func Fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lw := ansi.StringWidth(l)
		if lw > w {
			l = ansi.Truncate(l, w, "…")
			lw = ansi.StringWidth(l)
		}
		if lw < w {
			l += strings.Repeat(" ", w-lw)
		}
		lines[i] = l
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines, "\n")
}

// Trunc cuts one line to w columns with an ellipsis.
func Trunc(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// Pad cuts or pads one line to exactly w columns.
func Pad(s string, w int) string {
	s = Trunc(s, w)
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}
