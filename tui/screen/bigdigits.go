package screen

import "strings"

// glyphs are 5-row block digits for the countdown. Only █ and spaces, which
// every terminal font (Windows Terminal included) draws.
var glyphs = map[rune][5]string{
	'0': {"█████", "█   █", "█   █", "█   █", "█████"},
	'1': {"  █  ", " ██  ", "  █  ", "  █  ", "█████"},
	'2': {"█████", "    █", "█████", "█    ", "█████"},
	'3': {"█████", "    █", "█████", "    █", "█████"},
	'4': {"█   █", "█   █", "█████", "    █", "    █"},
	'5': {"█████", "█    ", "█████", "    █", "█████"},
	'6': {"█████", "█    ", "█████", "█   █", "█████"},
	'7': {"█████", "    █", "   █ ", "  █  ", "  █  "},
	'8': {"█████", "█   █", "█████", "█   █", "█████"},
	'9': {"█████", "█   █", "█████", "    █", "█████"},
	':': {" ", "█", " ", "█", " "},
	'-': {"    ", "    ", "████", "    ", "    "},
	' ': {" ", " ", " ", " ", " "},
}

// glyphRows is the height of a glyph at scale 1.
const glyphRows = 5

// bigWidth is the width of s drawn at scale (0 if s has a rune without a
// glyph).
func bigWidth(s string, scale int) int {
	n := 0
	for i, r := range s {
		g, ok := glyphs[r]
		if !ok {
			return 0
		}
		if i > 0 {
			n++ // one column between glyphs
		}
		n += len([]rune(g[0]))
	}
	return n * scale
}

// bigText draws s in block glyphs, every cell repeated scale times across
// and down: 5*scale lines of bigWidth(s, scale) columns.
func bigText(s string, scale int) []string {
	scale = max(1, scale)
	out := make([]string, 0, glyphRows*scale)
	for row := 0; row < glyphRows; row++ {
		var b strings.Builder
		for i, r := range s {
			if i > 0 {
				b.WriteString(strings.Repeat(" ", scale))
			}
			for _, cell := range glyphs[r][row] {
				b.WriteString(strings.Repeat(string(cell), scale))
			}
		}
		line := b.String()
		for k := 0; k < scale; k++ {
			out = append(out, line)
		}
	}
	return out
}

// fitScale is the largest scale (up to 4) at which s fits in w x h, or 0
// when even scale 1 does not fit (the caller then writes plain digits).
func fitScale(s string, w, h int) int {
	for scale := 4; scale >= 1; scale-- {
		if bw := bigWidth(s, scale); bw > 0 && bw <= w && glyphRows*scale <= h {
			return scale
		}
	}
	return 0
}
