package sheet

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Names for the detector's tests: every family name, middle name and
// given name combined, tones placed the old way and the new ("Hoà" and
// "Hòa", "Thuý" and "Thúy"), men's names too, and names of minorities
// whose words are not all Kinh syllables.
var (
	families = strings.Fields(`Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Lương
		Cao Mai Tạ Quách Đoàn Lưu Thái Khúc Ưng Âu Triệu Giáp Hà Kiều Tôn Nghiêm Khổng Lã Ông Mạc`)
	middles = strings.Fields(`Thị Văn Hữu Đức Minh Ngọc Thanh Thu Kim Xuân Quốc Hoài Diệu Mỹ Bảo Khánh Thùy Phương Thuỳ
		Cẩm Bích Nguyệt Tường Ánh Lệ Quỳnh Hồng Khả Ðình`)
	givens = strings.Fields(`Hoa Lan Hương Mai Hà Nguyệt Thủy Thuỷ Yến Quỳnh Trang Hạnh Nhung Oanh Phượng Tuyết Huyền Ánh
		Ngân Hằng Thảo Loan Liên Xuân Duyên Thúy Thuý Giang Khuê Diễm Điệp Ngọc Hồng Vy Uyên Khuyên Thư Ly Nga Hiền
		Ước Dung Nhàn Tâm Toàn Đức Hưng Cường Khoa Quang Huy Tuấn Việt Hiếu Thắng Lực Hòa Hoà Thụy Ngoãn Nguyên
		Quyên Khuyến Huệ Thoa Xoan Hoè Hòe Khoẻ Loát Tuyền Chiêm Ngữ Giới Thuận Khang Trường Nhật Gấm Lụa Đào Út`)
	minorities = []string{"H'Hen Niê", "Ksor H'Nhí", "Y Moan Êban", "Rơ Châm Thị Ngọc", "Nay Thị Bích", "Lò Thị Ả",
		"Sùng A Páo", "Mùa A Dính", "Giàng Thị Dở", "Bế Thị Ngần", "Triệu Thị Mẩy", "Hờ A Chò", "Nông Thị Hoài",
		"Lầu Thị Mỷ", "H'Zăm Byă", "Kpă Thị Hơ", "Siu H'Prông", "Đinh Thị Ƀlơ", "Y-Ngông Niê Kdăm", "Rah Lan Chung"}
)

// realNames are about 8,000 generated names (every family with every
// middle and every third given name), the minorities and the demo's.
func realNames(t *testing.T) []string {
	t.Helper()
	var out []string
	for i, f := range families {
		for j, m := range middles {
			for k := (i + j) % 3; k < len(givens); k += 3 {
				out = append(out, f+" "+m+" "+givens[k])
			}
		}
	}
	out = append(out, minorities...)
	var demo struct {
		Delegates []struct {
			Name, Title, Unit string
		} `json:"delegates"`
	}
	data, err := os.ReadFile("../../assets/demo/meeting.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &demo); err != nil {
		t.Fatal(err)
	}
	for _, d := range demo.Delegates {
		out = append(out, d.Name, d.Title, d.Unit)
	}
	return out
}

// encode writes Unicode Vietnamese as the legacy bytes enc would store.
func encode(s string, enc Encoding) []byte {
	markByte := map[vniMark]byte{}
	for b, m := range vniMarks {
		if b >= 0xE0 { // the small letters' marks
			markByte[m] = b
		}
	}
	vniLetter := map[rune]byte{}
	for b, r := range vniLetters {
		vniLetter[r] = b
	}
	tcvn := map[rune]byte{}
	for b, r := range tcvn3 {
		tcvn[r] = b
	}
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		if enc == TCVN3 {
			if b, ok := tcvn[r]; ok {
				out = append(out, b)
			} else if b, ok := tcvn[unicode.ToLower(r)]; ok {
				out = append(out, b) // a toned capital: the small letter's byte, drawn by the capitals font
			}
			continue
		}
		if b, ok := vniLetter[r]; ok {
			out = append(out, b)
			continue
		}
		if b, ok := glyph1252[r]; ok && !unicode.IsLetter(r) {
			out = append(out, b) // quotes, dashes
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		base, mk := d[0], vniMark{}
		for _, c := range d[1:] {
			switch c {
			case hat, breve:
				mk.mod = c
			case horn:
				base = []rune(norm.NFC.String(string(base) + string(horn)))[0]
			default:
				mk.tone = c
			}
		}
		if b, ok := vniLetter[base]; ok {
			out = append(out, b)
		} else {
			out = append(out, byte(base))
		}
		if mk != (vniMark{}) {
			b := markByte[mk]
			if unicode.IsUpper(base) {
				b -= 0x20 // capitals' marks sit 0x20 lower
			}
			out = append(out, b)
		}
	}
	return out
}

// shown is what an import sees of legacy bytes: in a spreadsheet (a Latin-1
// font) or read by our csv reader as Windows-1258, then cleaned.
func shown(b []byte, v view) string {
	cm := charmap.Windows1252
	if v == view1258 {
		cm = charmap.Windows1258
	}
	var s strings.Builder
	for _, c := range b {
		s.WriteRune(cm.DecodeByte(c))
	}
	return Clean(s.String())
}

func TestEncoderExamples(t *testing.T) {
	for _, c := range []struct {
		name string
		enc  Encoding
		want string
	}{
		{"Nguyễn Thị Hồng", VNI, "Nguyeãn Thò Hoàng"},
		{"Nguyễn Thị Hồng", TCVN3, "NguyÔn ThÞ Hång"},
		{"Đặng Ánh Dương", VNI, "Ñaëng AÙnh Döông"},
		{"Cộng hoà xã hội", TCVN3, "Céng hoµ x· héi"},
	} {
		if got := shown(encode(c.name, c.enc), view1252); got != c.want {
			t.Errorf("%s in %s: %q, want %q", c.name, c.enc, got, c.want)
		}
	}
}

// A real name must never be refused: every generated name, the minority
// names, the demo meeting's names, titles and units, in capitals too.
func TestRealNamesNeverRefused(t *testing.T) {
	names := realNames(t)
	if len(names) < 5000 {
		t.Fatalf("only %d names", len(names))
	}
	for _, n := range names {
		n, _ = FixLookalikes(n)
		for _, s := range []string{n, strings.ToUpper(n), ProperName(n)} {
			if enc, guess := DetectLegacy(s); enc != "" {
				t.Errorf("%q refused as %s (%q)", s, enc, guess)
			}
		}
	}
	// every word of the Kinh names is a syllable (the check's own list)
	for _, w := range append(append(append([]string{}, families...), middles...), givens...) {
		w, _ = FixLookalikes(w)
		if !Syllable(w) {
			t.Errorf("%q is not a syllable", w)
		}
	}
	t.Logf("%d real names, none refused", len(names))
}

// The same names in VNI and TCVN3, seen in a spreadsheet or read from a
// csv as Windows-1258: refused with the right encoding, and read back as
// they were whenever refused. A name that the encoding leaves unchanged
// (no accent at all) is not text in another encoding.
func TestLegacyNamesRefused(t *testing.T) {
	names := realNames(t)
	if os.Getenv("DOITHOAI_LONG") == "" {
		// every seventh name and the demo's (the whole set: DOITHOAI_LONG=1)
		var some []string
		for i, n := range names {
			if i%7 == 0 || i >= len(names)-420 {
				some = append(some, n)
			}
		}
		names = some
	}
	for _, enc := range []Encoding{VNI, TCVN3} {
		for _, v := range []view{view1252, view1258} {
			total, caught, wrong := 0, 0, 0
			for _, n := range names {
				n = norm.NFC.String(strings.ReplaceAll(n, "Ð", "Đ"))
				s := shown(encode(n, enc), v)
				// names the encoding cannot write (Ƀ) or leaves as they are
				if s == n || isASCII(n) || strings.ToLower(decodeLegacy(encode(n, enc), enc)) != strings.ToLower(Clean(n)) {
					continue
				}
				total++
				got, guess := DetectLegacy(s)
				switch {
				case got == "":
				case got != enc:
					// a few words read well both ways ("Thuû": TCVN3's
					// Thuỷ, VNI's Thủ): refused all the same
					wrong++
					caught++
					if wrong <= 5 {
						t.Logf("%q (%s of %q) named %s", s, enc, n, got)
					}
				default:
					caught++
					// read back as typed (TCVN3's capitals with a tone come
					// back small; its ư is lost with the soft hyphen, and
					// Windows-1258 reorders some marks)
					if v == view1252 && (enc == VNI && guess != n || enc == TCVN3 && strings.ToLower(guess) != strings.ToLower(n) && !strings.Contains(n, "ư")) {
						t.Errorf("%q read back as %q, want %q", s, guess, n)
					}
				}
			}
			rate := float64(caught) / float64(total)
			t.Logf("%s seen as %v: %d of %d caught (%.1f %%), %d named wrong", enc, []string{"Windows-1252", "Windows-1258"}[v], caught, total, 100*rate, wrong)
			if rate < 0.97 || float64(wrong) > 0.02*float64(total) {
				t.Errorf("%s: only %.1f %% caught, %d named wrong", enc, 100*rate, wrong)
			}
		}
	}
}

func TestProperNameAndCaps(t *testing.T) {
	for in, want := range map[string]string{
		"NGUYỄN KHÁNH MAI":             "Nguyễn Khánh Mai",
		"ĐẶNG THỊ ÁNH":                 "Đặng Thị Ánh",
		"ĐỖ  THỊ ỨNG":                  "Đỗ  Thị Ứng",
		"H'HEN NIÊ":                    "H'Hen Niê",
		"Y-NGÔNG NIÊ KDĂM":             "Y-Ngông Niê Kdăm",
		"lê thị thu hà":                "Lê Thị Thu Hà",
		norm.NFD.String("ĐOÀN THỊ ỶN"): "Đoàn Thị Ỷn",
	} {
		if got := norm.NFC.String(ProperName(in)); got != want {
			t.Errorf("ProperName(%q) = %q, want %q", in, got, want)
		}
	}
	for s, want := range map[string]bool{"NGUYỄN KHÁNH MAI": true, "LÊ": true, "A": false, "Nguyễn Thị HOA": false, "ĐỖ THỊ ỨNG (CHI HỘI)": true, "123": false} {
		if AllCaps(s) != want {
			t.Errorf("AllCaps(%q) = %v", s, !want)
		}
	}
}

func TestFixLookalikes(t *testing.T) {
	for in, want := range map[string]string{
		"Ðặng Thị Hoa":  "Đặng Thị Hoa",
		"Trần ðình Lộc": "Trần đình Lộc",
		"Ɖỗ Thị Lài":    "Đỗ Thị Lài",
		"ÐOÀN ÐỨC":      "ĐOÀN ĐỨC",
		"BÐ":            "BÐ", // inside a word: TCVN3's é, not a D
		"Nguyễn Thị Hà": "Nguyễn Thị Hà",
	} {
		got, fixed := FixLookalikes(in)
		if got != want || (got != in) != (len(fixed) > 0) {
			t.Errorf("FixLookalikes(%q) = %q %v, want %q", in, got, fixed, want)
		}
	}
	if _, fixed := FixLookalikes("Ðặng Ðức"); len(fixed) != 1 || fixed[0] != (Lookalike{From: 'Ð', To: 'Đ'}) {
		t.Errorf("one kind of fix listed once: %v", fixed)
	}
}

// FuzzDetectLegacy: any text, no panic; a refusal always comes with a
// different reading in valid UTF-8; text made of syllables only (as a
// real name is) is never refused.
func FuzzDetectLegacy(f *testing.F) {
	for _, s := range []string{"Nguyeãn Thò Mai", "NguyÔn ThÞ Hång", "Nguyễn Thị Hồng", "D¬ng", "Ñaëng AÙnh", "", "§", "e\u0303", "Ðặng", "H'Hen"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		enc, guess := DetectLegacy(s)
		if enc != "" && (guess == s || !utf8ValidString(guess)) {
			t.Fatalf("%q refused as %s with reading %q", s, enc, guess)
		}
		all := len(words(s)) > 0
		for _, w := range words(s) {
			all = all && Syllable(w)
		}
		if all && enc != "" {
			t.Fatalf("%q: syllables only, refused as %s", s, enc)
		}
		_, _ = FixLookalikes(s)
		_ = ProperName(s)
	})
}

func utf8ValidString(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// BenchmarkDetectLegacy: a real name (the common case of an import) and a
// VNI one.
func BenchmarkDetectLegacy(b *testing.B) {
	for _, s := range []string{"Nguyễn Thị Thanh Hương", "Chủ cơ sở chế biến hải sản", "Nguyeãn Thò Thanh Höông"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				DetectLegacy(s)
			}
		})
	}
}
