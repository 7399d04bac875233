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
