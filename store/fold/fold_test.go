package fold

import (
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Nguyễn  Thị Hoà ", "nguyen thi hoa"},
		{"Nguyễn Thị Hòa", "nguyen thi hoa"}, // both placements of the tone mark
		{"ĐỖ", "do"},
		{"Ðỗ", "do"}, // U+00D0, typed for Đ on some keyboards
		{"đỗ", "do"},
		{"ðỗ", "do"},
		{"NGUYỄN THỊ HỒNG HẠNH", "nguyen thi hong hanh"},
		{"Nguye\u0302\u0303n Thi\u0323 Ho\u0300a", "nguyen thi hoa"}, // NFD
		{"\u0301Hoa", "hoa"},                           // stray mark first
		{"Thị\u00a0Hoa", "thi hoa"},                    // non-breaking space
		{"Thị\u2003\u3000Hoa", "thi hoa"},              // em and ideographic spaces
		{"Thị\t\r\nHoa", "thi hoa"},                    // other whitespace
		{"PN-012", "pn 012"},                           // codes keep letters and digits together
		{"PN012", "pn012"},                             //
		{"Phường Quảng Thuận", "phuong quang thuan"},   // ư, ơ carry a horn
		{"Ủy ban MTTQ", "uy ban mttq"},                 //
		{"Hội LHPN (thị xã)", "hoi lhpn thi xa"},       // punctuation
		{"Tài chính - Kế hoạch", "tai chinh ke hoach"}, //
		{"Lao động – Thương binh & Xã hội", "lao dong thuong binh xa hoi"},
		{"Œuvre Æsir Straße Łódź Øst", "oeuvre aesir strasse lodz ost"},
		{"Иван", ""}, // no ASCII base: a separator, never a stray byte
		{"a\xffb", "a b"},
		{"", ""},
		{" \t-- ", ""},
		{"nguyen thi hoa", "nguyen thi hoa"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Fold("nguyen thi hoa") }); n != 0 {
		t.Errorf("Fold of folded text: %v allocs, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { Fold("Nguyễn Thị Hoa") }); n > 1 {
		t.Errorf("Fold: %v allocs, want 1", n)
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"nguyen thi hoa", []string{"nguyen", "thi", "hoa"}},
		{"pn 012", []string{"pn", "012"}},
		{"", nil},
		{Fold(" Trần  Văn\u00a0Nam "), []string{"tran", "van", "nam"}},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
