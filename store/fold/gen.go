package fold

import (
	"fmt"
	"math/rand/v2"
)

// Generated delegate lists for benchmarks and tests, here rather than in a
// _test file so that other packages' benchmarks (check-in station, store)
// can load the same realistic data.

// weighted is a word with a relative frequency.
type weighted struct {
	w string
	n int
}

// familyNames follows the rough national shares of Vietnamese family names;
// the long tail makes namesakes as common as they are in a real list.
var familyNames = []weighted{
	{"Nguyễn", 38}, {"Trần", 11}, {"Lê", 9}, {"Phạm", 7}, {"Hoàng", 5},
	{"Huỳnh", 2}, {"Phan", 4}, {"Vũ", 2}, {"Võ", 3}, {"Đặng", 2},
	{"Bùi", 2}, {"Đỗ", 1}, {"Hồ", 2}, {"Ngô", 1}, {"Dương", 1}, {"Lý", 1},
}

var womenMiddle = []weighted{
	{"Thị", 60}, {"Thu", 5}, {"Ngọc", 5}, {"Thanh", 5}, {"Kim", 3},
	{"Minh", 3}, {"Hồng", 3}, {"Thúy", 3}, {"Bích", 2}, {"Mỹ", 2},
	{"Phương", 2}, {"Diệu", 1}, {"Hải", 1}, {"Quỳnh", 1},
}

var menMiddle = []weighted{
	{"Văn", 45}, {"Minh", 8}, {"Quang", 6}, {"Đức", 6}, {"Hữu", 5},
	{"Xuân", 5}, {"Ngọc", 4}, {"Thanh", 5}, {"Công", 4}, {"Đình", 4},
	{"Trọng", 3}, {"Anh", 2}, {"Tiến", 2}, {"Mạnh", 2},
}

// Given names, most popular first; weights fall off with rank.
var womenGiven = []string{
	"Hương", "Hoa", "Lan", "Hằng", "Trang", "Linh", "Thảo", "Hà", "Mai",
	"Hạnh", "Thủy", "Nga", "Phương", "Ngọc", "Dung", "Yến", "Huyền", "Nhung",
	"Loan", "Hiền", "Thu", "Oanh", "Liên", "Tâm", "Vân", "Quyên", "Xuân",
	"Hồng", "Thúy", "Nhàn", "Tuyết", "Anh", "Giang", "Lệ", "Nguyệt", "Nhi",
	"Quỳnh", "Sương", "Uyên", "Bích", "Chi", "Diệp", "Đào", "Hậu", "Khánh",
	"Ngân", "Phượng", "Sen", "Thơ", "Trâm", "Hoài", "Huệ", "Cúc", "Duyên",
	"Hảo", "Thắm", "Tình", "Lài", "Hòa", "Thanh", "Vy", "Châu", "Lụa", "Mơ",
	"Xoan", "Hiên", "Tuyền", "Thương", "Diễm", "Na",
}

var menGiven = []string{
	"Hùng", "Dũng", "Nam", "Tuấn", "Minh", "Hải", "Sơn", "Long", "Thắng",
	"Hiếu", "Quang", "Trung", "Đức", "Cường", "Bình", "Phong", "Tùng",
	"Thành", "Hoàng", "Việt", "Huy", "Khánh", "Lâm", "Lộc", "Phúc", "Tài",
	"Tâm", "Thái", "Thiện", "Toàn", "Trí", "Vinh", "Hòa", "Kiên", "Lực",
	"Nghĩa", "Quân", "Sáng", "Tiến", "Hưng", "Hậu", "Đạt", "Định", "Chiến",
}

// wards are the 6 phường and 10 xã of thị xã Ba Đồn.
var wards = []string{
	"Phường Ba Đồn", "Phường Quảng Long", "Phường Quảng Phong",
	"Phường Quảng Thọ", "Phường Quảng Thuận", "Phường Quảng Phúc",
	"Xã Quảng Hải", "Xã Quảng Hòa", "Xã Quảng Lộc", "Xã Quảng Minh",
	"Xã Quảng Sơn", "Xã Quảng Thủy", "Xã Quảng Tiên", "Xã Quảng Trung",
	"Xã Quảng Tân", "Xã Quảng Văn",
}

var agencies = []string{
	"Phòng Nội vụ", "Phòng Tài chính - Kế hoạch", "Phòng Lao động - Thương binh và Xã hội",
	"Phòng Giáo dục và Đào tạo", "Phòng Y tế", "Phòng Tư pháp",
	"Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Tài nguyên và Môi trường",
	"Phòng Văn hóa và Thông tin", "Công an thị xã", "Hội Liên hiệp Phụ nữ thị xã",
	"Liên đoàn Lao động thị xã", "Hội Nông dân thị xã", "Bảo hiểm Xã hội thị xã",
}

var womenTitles = []string{
	"Hội viên", "Hội viên", "Hội viên", "Chi hội trưởng phụ nữ",
	"Chủ tịch Hội LHPN", "Phó Chủ tịch Hội LHPN", "Giáo viên", "Nông dân",
	"Tiểu thương", "Cán bộ y tế", "Chủ hộ kinh doanh",
}

var officialTitles = []string{
	"Chủ tịch UBND", "Phó Chủ tịch UBND", "Trưởng phòng", "Phó Trưởng phòng",
	"Chuyên viên", "Bí thư Đảng ủy", "Chủ tịch Ủy ban MTTQ", "Công chức",
}

// GenerateNames returns n deterministic, realistic delegates of Ba Đồn
// (seeded with seed): about 70% women delegates from the wards and
// communes, the rest officials of wards and town agencies. Entry IDs are
// 1..n and codes "DB-00001"...
func GenerateNames(n int, seed int64) []Entry {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x646f697468616f69))
	es := make([]Entry, n)
	for i := range es {
		woman := rng.IntN(10) < 7
		e := Entry{ID: int64(i + 1), Code: fmt.Sprintf("DB-%05d", i+1)}
		if woman {
			e.Name = womanName(rng)
			e.Title = womenTitles[rng.IntN(len(womenTitles))]
			e.Unit = wards[rng.IntN(len(wards))]
		} else {
			e.Name = manName(rng)
			e.Title = officialTitles[rng.IntN(len(officialTitles))]
			if rng.IntN(2) == 0 {
				e.Unit = wards[rng.IntN(len(wards))]
			} else {
				e.Unit = agencies[rng.IntN(len(agencies))]
			}
		}
		es[i] = e
	}
	return es
}

// GenerateWomen returns n deterministic women delegates from the wards and
// communes, the invitees of the Women's Union ("Thị" as the usual middle
// name). Entry IDs are 1..n and codes "PN-001"...
func GenerateWomen(n int, seed int64) []Entry {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x70687520))
	es := make([]Entry, n)
	for i := range es {
		es[i] = Entry{
			ID:    int64(i + 1),
			Name:  womanName(rng),
			Title: womenTitles[rng.IntN(len(womenTitles))],
			Unit:  wards[rng.IntN(len(wards))],
			Code:  fmt.Sprintf("PN-%03d", i+1),
		}
	}
	return es
}

func womanName(rng *rand.Rand) string {
	name := pick(rng, familyNames) + " " + pick(rng, womenMiddle)
	if rng.IntN(100) < 15 { // two middle names: "Nguyễn Thị Hồng Hạnh"
		name += " " + pick(rng, womenMiddle[1:])
	}
	return name + " " + pickRanked(rng, womenGiven)
}

func manName(rng *rand.Rand) string {
	name := pick(rng, familyNames) + " " + pick(rng, menMiddle)
	if rng.IntN(100) < 10 {
		name += " " + pick(rng, menMiddle[1:])
	}
	return name + " " + pickRanked(rng, menGiven)
}

func pick(rng *rand.Rand, ws []weighted) string {
	total := 0
	for _, w := range ws {
		total += w.n
	}
	k := rng.IntN(total)
	for _, w := range ws {
		if k < w.n {
			return w.w
		}
		k -= w.n
	}
	return ws[len(ws)-1].w
}

// pickRanked picks with weight 1/(rank+4): popular names repeat, rare ones
// still occur.
func pickRanked(rng *rand.Rand, names []string) string {
	total := 0.0
	for i := range names {
		total += 1 / float64(i+4)
	}
	x := rng.Float64() * total
	for i, s := range names {
		x -= 1 / float64(i+4)
		if x < 0 {
			return s
		}
	}
	return names[len(names)-1]
}
