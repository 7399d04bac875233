package store_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"doithoai/store"
)

func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// inviteesXLSX is a list as a Women's Union office sends it: a merged
// title, the header on row 3, the "(1) (2)" row, a unit merged down over
// three delegates, phones typed as numbers, one decomposed name, and
// formatted empty rows below.
func inviteesXLSX(t *testing.T) string {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Sheet1"
	f.SetCellValue(sh, "A1", "DANH SÁCH ĐẠI BIỂU PHỤ NỮ DỰ ĐỐI THOẠI")
	f.MergeCell(sh, "A1", "F1")
	for i, h := range []string{"STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành phần", "Số điện thoại"} {
		c, _ := excelize.CoordinatesToCellName(i+1, 3)
		f.SetCellValue(sh, c, h)
		c, _ = excelize.CoordinatesToCellName(i+1, 4)
		f.SetCellValue(sh, c, "("+string(rune('1'+i))+")")
	}
	rows := [][]any{
		{1, "Nguyễn Thị Hoà", "Chi hội trưởng", "Xã Quảng Hòa", "Đại biểu phụ nữ", 912345678},
		{2, norm.NFD.String("Lê Thị Mai"), "Hội viên", nil, "Đại biểu phụ nữ", 987654321},
		{3, "Trần Thị Lan", "", nil, "Đại biểu phụ nữ", nil},
		{4, "Phạm Thị Thu", "Chủ tịch Hội LHPN", "Xã Quảng Ngọc", "Khách mời", 378111222},
	}
	for r, vals := range rows {
		for c, v := range vals {
			if v != nil {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+5)
				f.SetCellValue(sh, cell, v)
			}
		}
	}
	f.MergeCell(sh, "D5", "D7")
	style, _ := f.NewStyle(&excelize.Style{Border: []excelize.Border{{Type: "left", Color: "000000", Style: 1}}})
	f.SetCellStyle(sh, "A9", "F30", style)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, "dai-bieu.xlsx", buf.Bytes())
}

func count(t *testing.T, s *store.Store) (delegates, units, audit int) {
	t.Helper()
	ctx := context.Background()
	ds, _ := s.Delegates(ctx)
	us, _ := s.Units(ctx)
	h, _ := s.History(ctx, "", 0, 0)
	return len(ds), len(us), len(h)
}

func TestImportDelegatesTwiceDuplicatesNobody(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	path := inviteesXLSX(t)
	d0, u0, a0 := count(t, s)

	rep, err := s.ImportFile(ctx, store.ImportDelegates, path, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) > 0 || rep.New != 4 || rep.Applied || rep.HeaderRow != 3 {
		t.Fatalf("dry run: %+v", rep)
	}
	if d, u, a := count(t, s); d != d0 || u != u0 || a != a0 {
		t.Fatalf("dry run changed the file: %d %d %d", d-d0, u-u0, a-a0)
	}
	// three more women over the demo's 98 pass the quota of 100: said, not refused
	if len(rep.OverQuota) != 1 || rep.OverQuota[0] != (store.GroupCount{Name: "Đại biểu phụ nữ", Invited: 101, Quota: 100}) {
		t.Errorf("over quota: %+v", rep.OverQuota)
	}
	wantRows := []int{5, 6, 7, 8}
	for i, r := range rep.Rows {
		if r.Row != wantRows[i] || r.Action != store.ActionNew {
			t.Errorf("row %d: %+v", i, r)
		}
	}

	rep, err = s.ImportFile(ctx, store.ImportDelegates, path, false)
	if err != nil || !rep.Applied || rep.New != 4 {
		t.Fatalf("import: %v %+v", err, rep)
	}
	// Xã Quảng Hòa exists in the demo; Xã Quảng Ngọc is new (a commune).
	if len(rep.NewUnits) != 1 || rep.NewUnits[0] != "Xã Quảng Ngọc" || len(rep.NewGroups) != 0 {
		t.Errorf("new units %v groups %v", rep.NewUnits, rep.NewGroups)
	}
	d1, u1, a1 := count(t, s)
	if d1 != d0+4 || u1 != u0+1 {
		t.Fatalf("delegates +%d units +%d", d1-d0, u1-u0)
	}
	if a1 != a0+4+1+1 { // four delegates, one unit, the import itself
		t.Errorf("audit +%d", a1-a0)
	}
	ds, _ := s.Delegates(ctx)
	got := map[string]store.Delegate{}
	for _, d := range ds[d0:] {
		got[d.FullName] = d
	}
	mai, ok := got["Lê Thị Mai"]
	if !ok {
		t.Fatalf("decomposed name not normalised: %v", got)
	}
	if mai.Phone != "0987654321" || mai.UnitName != "Xã Quảng Hòa" || mai.GroupName != "Đại biểu phụ nữ" || mai.Code == "" {
		t.Errorf("Mai: %+v", mai)
	}
	if got["Phạm Thị Thu"].UnitKind != store.UnitCommune || got["Phạm Thị Thu"].Phone != "0378111222" {
		t.Errorf("Thu: %+v", got["Phạm Thị Thu"])
	}

	rep, err = s.ImportFile(ctx, store.ImportDelegates, path, false)
	if err != nil || rep.New != 0 || rep.Unchanged != 4 || rep.Updated != 0 {
		t.Fatalf("second import: %v %+v", err, rep)
	}
	if d, u, _ := count(t, s); d != d1 || u != u1 {
		t.Fatalf("second import duplicated: delegates %d->%d units %d->%d", d1, d, u1, u)
	}

	// The same people from a CSV typed without accents for the unit, a
	// new title for one: matched by name and unit, one update.
	csv := "\xEF\xBB\xBFHọ tên;Đơn vị;Chức vụ\r\nLê Thị Mai;xa quang hoa;Tổ trưởng\r\nNguyễn Thị Hoà;XÃ QUẢNG HÒA;\r\n"
	rep, err = s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "sua.csv", []byte(csv)), false)
	if err != nil || rep.New != 0 || rep.Updated != 1 || rep.Unchanged != 1 {
		t.Fatalf("csv update: %v %+v", err, rep)
	}
	if rep.Rows[0].Changes[0] != "title" {
		t.Errorf("changes %v", rep.Rows[0].Changes)
	}
	if d, u, _ := count(t, s); d != d1 || u != u1 {
		t.Fatalf("csv import duplicated")
	}
}

func TestImportBadRowImportsNothing(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	d0, u0, a0 := count(t, s)
	csv := strings.Join([]string{
		"Danh sách khách mời,,,,",
		"Mã,Họ và tên,Đơn vị,Điện thoại,Thành phần",
		"K01,Nguyễn Văn An,Đơn vị mới,0912345678,Nhóm mới",
		"K02,,Phường Ba Đồn,,",
		"k01,Trần Văn Bình,,,",
		"K03,Lê Văn Cường,,chưa có,",
		"K04,Phạm Văn Dũng,,,",
	}, "\n")
	rep, err := s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "bad.csv", []byte(csv)), false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Applied {
		t.Fatal("applied a file with problems")
	}
	want := []store.Problem{
		{Row: 4, Column: "Họ và tên", Msg: "name is missing"},
		{Row: 5, Column: "Mã", Msg: "code k01 is also on row 3"},
		{Row: 6, Column: "Điện thoại", Msg: `"chưa có" is not a phone number`},
	}
	if len(rep.Problems) != len(want) {
		t.Fatalf("problems %+v", rep.Problems)
	}
	for i, p := range want {
		if got := rep.Problems[i]; got.Row != p.Row || got.Column != p.Column || got.Msg != p.Msg {
			t.Errorf("problem %d = %+v, want %+v", i, rep.Problems[i], p)
		}
	}
	if d, u, a := count(t, s); d != d0 || u != u0 || a != a0 {
		t.Fatalf("a bad file changed the meeting: delegates +%d units +%d audit +%d", d-d0, u-u0, a-a0)
	}
	gs, _ := s.Groups(ctx)
	for _, g := range gs {
		if g.Name == "Nhóm mới" {
			t.Fatal("group of a rolled-back import kept")
		}
	}
}

func TestImportMatchesByCode(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	d0, _, _ := count(t, s)
	// LD02 is "Lê Thị Thanh Hà" in the demo; the file corrects the name.
	csv := "Code,Full name,Phone\nld02,Lê Thị Thanh Hải,\n"
	rep, err := s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "fix.csv", []byte(csv)), false)
	if err != nil || rep.Updated != 1 || !rep.Applied {
		t.Fatalf("%v %+v", err, rep)
	}
	d, err := s.DelegateByCode(ctx, "LD02")
	if err != nil || d.FullName != "Lê Thị Thanh Hải" || d.Phone != "0974884232" {
		t.Fatalf("%v %+v", err, d)
	}
	if n, _, _ := count(t, s); n != d0 {
		t.Fatal("duplicated")
	}
	h, _ := s.History(ctx, "delegate", d.ID, 0)
	if last := h[len(h)-1]; last.Action != "update" || !strings.Contains(last.Before, "Thanh Hà") {
		t.Errorf("audit %+v", last)
	}
}

func TestImportPetitions(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	p0, _ := s.Petitions(ctx)
	csv := strings.Join([]string{
		"TỔNG HỢP KIẾN NGHỊ CỦA PHỤ NỮ;;;;;",
		"STT;Người kiến nghị;Đơn vị;Lĩnh vực;Nội dung kiến nghị;Cơ quan được giao;Nội dung trả lời",
		"1;LD02;;binh dang gioi;Đề nghị tăng tỷ lệ nữ cán bộ chủ chốt cấp xã.;phong noi vu;Phòng Nội vụ sẽ tham mưu.",
		"2;;Xã Quảng Hòa;Nước sạch;Đề nghị đầu tư hệ thống nước sạch cho thôn Đông.;Phòng Kinh tế - Hạ tầng;",
		"3;Bà Lê Thị Thanh Hà (UBND thị xã);;Bình đẳng giới;Đề nghị có chính sách cho nữ cán bộ.;Phòng Nội vụ;",
		";;;;;",
		"Tổng cộng: 2 kiến nghị;;;;;",
	}, "\r\n")
	path := writeFile(t, "kien-nghi.csv", []byte(csv))
	rep, err := s.ImportFile(ctx, store.ImportPetitions, path, false)
	if err != nil || !rep.Applied || rep.New != 3 {
		t.Fatalf("%v %+v", err, rep)
	}
	if len(rep.NewUnits) != 1 || rep.NewUnits[0] != "Phòng Kinh tế - Hạ tầng" || len(rep.NewTopics) != 1 {
		t.Errorf("new units %v topics %v", rep.NewUnits, rep.NewTopics)
	}
	ps, _ := s.Petitions(ctx)
	if len(ps) != len(p0)+3 {
		t.Fatalf("%d petitions", len(ps))
	}
	a, b := ps[len(ps)-3], ps[len(ps)-2]
	if c := ps[len(ps)-1]; c.SourceName != "Lê Thị Thanh Hà" {
		t.Errorf("third: %+v", c)
	}
	if a.SourceName != "Lê Thị Thanh Hà" || a.AgencyName != "Phòng Nội vụ" || a.Topic != "Bình đẳng giới" || a.PreparedAnswer == "" {
		t.Errorf("first: %+v", a)
	}
	if b.SourceUnit != "Xã Quảng Hòa" || b.DelegateID != 0 || b.Topic != "Nước sạch" {
		t.Errorf("second: %+v", b)
	}
	topics, _ := s.Topics(ctx)
	if topics[len(topics)-1] != "Nước sạch" {
		t.Errorf("topics %v", topics)
	}
	rep, err = s.ImportFile(ctx, store.ImportPetitions, path, false)
	if err != nil || rep.New != 0 || rep.Unchanged != 3 {
		t.Fatalf("again: %v %+v", err, rep)
	}
	if ps2, _ := s.Petitions(ctx); len(ps2) != len(ps) {
		t.Fatal("petitions duplicated")
	}

	bad := "Nội dung,Đại biểu\nĐề nghị A,Không Có Ai\n,LD01\nĐề nghị C,\n"
	rep, _ = s.ImportFile(ctx, store.ImportPetitions, writeFile(t, "bad.csv", []byte(bad)), false)
	if rep.Applied || len(rep.Problems) != 3 || rep.Problems[0].Row != 2 || rep.Problems[1].Row != 3 || rep.Problems[1].Column != "Nội dung" ||
		rep.Problems[2].Row != 4 {
		t.Fatalf("problems %+v", rep.Problems)
	}
}

func TestImportAgenda(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	if err := s.SaveMeeting(ctx, store.Meeting{Title: "Đối thoại"}); err != nil {
		t.Fatal(err)
	}
	csv := strings.Join([]string{
		"CHƯƌNG TRÌNH HỘI NGHỊ,,,",
		"Thời gian,Nội dung,Người trình bày,Loại",
		"7h30 - 7h45,Văn nghệ chào mừng,Đội văn nghệ xã,van nghe",
		"7h45 - 7h50,\"Tuyên bố lý do, giới thiệu đại biểu\",Chánh Văn phòng,",
		"7h50 - 8h00,Phát biểu khai mạc,Chủ tịch UBND thị xã,Speech",
		"8h00 - 10h00,Đối thoại với phụ nữ,,ĐỐI THOẠI",
		"10h00 - 10h10,Bế mạc,,",
	}, "\n")
	path := writeFile(t, "chuong-trinh.csv", []byte(csv))
	rep, err := s.ImportFile(ctx, store.ImportAgenda, path, false)
	if err != nil || !rep.Applied || rep.New != 5 {
		t.Fatalf("%v %+v", err, rep)
	}
	items, _ := s.Agenda(ctx)
	want := []struct {
		kind store.ItemKind
		min  int
	}{{store.ItemPerformance, 15}, {store.ItemIntroduction, 5}, {store.ItemSpeech, 10}, {store.ItemDialogue, 120}, {store.ItemClosing, 10}}
	for i, w := range want {
		if items[i].Kind != w.kind || items[i].PlannedMinutes != w.min {
			t.Errorf("item %d: %+v", i, items[i])
		}
	}
	rep, err = s.ImportFile(ctx, store.ImportAgenda, path, false)
	if err != nil || rep.New != 0 || rep.Unchanged != 5 {
		t.Fatalf("again %v %+v", err, rep)
	}
	bad := "Nội dung;Loại;Phút\nA;múa lân;5\nB;;mười\n"
	rep, _ = s.ImportFile(ctx, store.ImportAgenda, writeFile(t, "bad.csv", []byte(bad)), false)
	if rep.Applied || len(rep.Problems) != 2 || rep.Problems[0].Column != "Loại" || rep.Problems[1].Column != "Phút" {
		t.Fatalf("%+v", rep.Problems)
	}
	if items2, _ := s.Agenda(ctx); len(items2) != 5 {
		t.Fatal("bad file changed the agenda")
	}
}

func TestImportWindows1258(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	// "Họ tên;Đơn vị" / "Nguyễn Thị Hoà;Xã Quảng Hòa" as Windows-1258
	// writes them: tones as combining marks.
	data := "Ho\xf2 t\xean;\xd0\xf5n vi\xf2\r\nNguy\xea\xden Thi\xf2 Hoa\xcc;X\xe3 Qu\xe2\xf2ng Ho\xf2a\r\n"
	rep, err := s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "cp1258.csv", []byte(data)), false)
	if err != nil || !rep.Applied || rep.New != 1 || len(rep.NewUnits) != 0 {
		t.Fatalf("%v %+v", err, rep)
	}
	ds, _ := s.Delegates(ctx)
	if d := ds[len(ds)-1]; d.FullName != "Nguyễn Thị Hoà" || d.UnitName != "Xã Quảng Hòa" {
		t.Fatalf("%+v", d)
	}
}

func TestImportNoHeader(t *testing.T) {
	s, _ := openDemo(t)
	rep, err := s.ImportFile(context.Background(), store.ImportDelegates, writeFile(t, "x.csv", []byte("a,b\n1,2\n")), false)
	if err != nil || rep.Applied || len(rep.Problems) != 1 || rep.Problems[0].Row != 0 {
		t.Fatalf("%v %+v", err, rep)
	}
}

func TestGuessKinds(t *testing.T) {
	for title, k := range map[string]store.ItemKind{
		"Chương trình văn nghệ chào mừng": store.ItemPerformance, "Phát biểu kết luận": store.ItemConclusion,
		"Giải lao": store.ItemBreak, "Trả lời kiến nghị của cử tri": store.ItemOther, "Thông tin về chính sách": store.ItemBriefing,
	} {
		if got := store.GuessItemKind(title); got != k {
			t.Errorf("GuessItemKind(%q) = %s, want %s", title, got, k)
		}
	}
	for name, k := range map[string]store.UnitKind{
		"Xã Quảng Hòa": store.UnitCommune, "Phường Ba Đồn": store.UnitWard, "Phòng Y tế": store.UnitAgency,
		"Hội Nông dân": store.UnitOrganisation, "Ủy ban MTTQ thị xã": store.UnitFront, "Công ty ABC": store.UnitOther,
	} {
		if got := store.GuessUnitKind(name, store.UnitOther); got != k {
			t.Errorf("GuessUnitKind(%q) = %s, want %s", name, got, k)
		}
	}
}

// TestImportAgendaStartTimes: a "Thời gian" column of start times gives
// each item the time until the next one (the last gets none).
func TestImportAgendaStartTimes(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	s.SaveMeeting(ctx, store.Meeting{Title: "x"})
	csv := "Thời gian;Nội dung\n7h30;Đón tiếp đại biểu\n8h00;Văn nghệ chào mừng\n08:15;Phát biểu khai mạc\n8h25;Đối thoại\n"
	rep, err := s.ImportFile(ctx, store.ImportAgenda, writeFile(t, "ct.csv", []byte(csv)), false)
	if err != nil || !rep.Applied {
		t.Fatalf("%v %+v", err, rep)
	}
	items, _ := s.Agenda(ctx)
	for i, want := range []int{30, 15, 10, 0} {
		if items[i].PlannedMinutes != want {
			t.Errorf("item %d %q: %d minutes, want %d", i, items[i].Title, items[i].PlannedMinutes, want)
		}
	}
}

// An import must not turn one person into another: a code given with
// someone else's name, or the same person copied twice, is a problem and
// nothing is imported. A group the file pushes past its quota is noted;
// one that was over before and the file did not touch is not.
func TestImportRefusesOtherPersonAndCopiedRows(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	csv := "Mã,Họ và tên,Đơn vị,Điện thoại\n" +
		"PN002,Đinh Thị Mã Trùng,Xã Quảng Hải,\n" +
		",Trần Thị Mới,Phường Ba Đồn,912 345 678\n" +
		",Lê Văn Khác,Phường Ba Đồn,\n" +
		",Trần Thị Mới,Phường Ba Đồn,0912345678\n"
	rep, err := s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "x.csv", []byte(csv)), true)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]int{}
	for _, p := range rep.Problems {
		codes[p.Code] = p.Row
	}
	if codes["code_other_name"] != 2 || codes["row_dup"] != 5 || len(rep.Problems) != 2 {
		t.Fatalf("problems %+v", rep.Problems)
	}
	// the women's group is over its quota only after an import that adds
	// to it; an import of officials does not repeat the note
	women := "Họ và tên,Đơn vị,Thành phần\nLê Thị Một,Phường Ba Đồn,Đại biểu phụ nữ\nLê Thị Hai,Phường Ba Đồn,Đại biểu phụ nữ\nLê Thị Ba,Phường Ba Đồn,Đại biểu phụ nữ\n"
	if rep, err = s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "w.csv", []byte(women)), false); err != nil || len(rep.OverQuota) != 1 {
		t.Fatalf("women: %v %+v", err, rep)
	}
	other := "Họ và tên,Đơn vị\nHồ Văn Bốn,Phòng Nội vụ\n"
	if rep, err = s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "o.csv", []byte(other)), false); err != nil || len(rep.OverQuota) != 0 || !rep.Applied {
		t.Fatalf("officials: %v %+v", err, rep)
	}
}
