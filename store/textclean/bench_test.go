package textclean

import "testing"

var benchNames = []string{"Nguyễn Thị Hoa 1234", "Phường Quảng Thọ", "PN-0123", "Đề nghị UBND thị xã quan tâm hỗ trợ vốn vay cho hội viên phụ nữ nghèo"}

func BenchmarkClean(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range benchNames {
			Clean(s, true)
		}
	}
}

func BenchmarkSafe(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range benchNames {
			Safe(s, true)
		}
	}
}

// BenchmarkFrame filters a clean 200x60 frame as lipgloss draws it (SGR
// colours, box drawing, Vietnamese text): the cost added to every View.
func BenchmarkFrame(b *testing.B) {
	var f []byte
	for i := 0; i < 60; i++ {
		f = append(f, "\x1b[1;38;2;88;166;255m│ Nguyễn Thị Hoa\x1b[0m  Phường Quảng Thọ  07:42  "...)
		for len(f)%200 != 0 {
			f = append(f, "─"...)
		}
		f = append(f, '\n')
	}
	s := string(f)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Frame(s)
	}
}
