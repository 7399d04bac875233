package docs

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"doithoai/store"
)

// freshDemo is the demo meeting as it stands before the day: nobody has
// arrived, nothing has started.
func freshDemo(t *testing.T) (*store.Store, *Snapshot) {
	t.Helper()
	st := openDemo(t, func() time.Time { return time.Date(2023, 10, 16, 9, 0, 0, 0, hcm) })
	s, err := Load(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	return st, s
}

func scriptText(t *testing.T, s *Snapshot, o Options) string {
	t.Helper()
	parts := docxParts(t, render(t, s, Script, DOCX, o))
	a4(t, parts)
	return plainText(t, parts["word/document.xml"])
}

// TestScriptBeforeTheDay: printed before the day, the script has every
// item with its planned time and presenter, the MC's words from the
// templates (the meeting's facts in them), and the introductions list
// every official invited, in protocol order, apologies noted.
func TestScriptBeforeTheDay(t *testing.T) {
	_, s := freshDemo(t)
	o := Options{Loc: hcm, Now: time.Date(2023, 10, 16, 9, 0, 0, 0, hcm)}
	text := scriptText(t, s, o)
	for _, want := range []string{
		"KỊCH BẢN", "(07 giờ 30, thứ Tư, ngày 18 tháng 10 năm 2023, tại Hội trường UBND thị xã Ba Đồn)",
		"Đại biểu giới thiệu theo danh sách mời",
		"07:30 – 07:45", "15 phút", "1. Chương trình văn nghệ chào mừng",
		"Mở đầu Chương trình, xin mời quý vị cùng thưởng thức chương trình văn nghệ chào mừng do Đội văn nghệ",
		"Kính thưa đồng chí Trần Minh Đức, Chủ tịch UBND thị xã!",
		"Kính thưa các đại biểu phụ nữ!",
		"với chủ đề “Thúc đẩy bình đẳng giới",
		"Đến dự Chương trình hôm nay, chúng tôi trân trọng giới thiệu:",
		"- Đồng chí Trần Minh Đức, Chủ tịch UBND thị xã;",
		"Xin trân trọng giới thiệu và nhiệt liệt chào mừng!",
		"xin trân trọng kính mời đồng chí Trần Minh Đức, Chủ tịch UBND thị xã phát biểu khai mạc.",
		"(Sau phần trình bày)",
		"xin trân trọng kính mời đồng chí Cao Xuân Trường, Trưởng phòng Lao động - Thương binh và Xã hội thông tin về tình hình việc làm",
		"Chương trình xin phép được giải lao 10 phút.",
		"phần đối thoại giữa Chủ tịch UBND thị xã với các đại biểu phụ nữ",
		"mỗi lượt phát biểu không quá 03 phút",
		"Chương trình xin được kết thúc. Xin trân trọng cảm ơn!",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.Contains(text, "vắng –") || strings.Contains(text, OfficialsMark) {
		t.Error("before the day: an official marked absent, or the list's mark left in")
	}
	// protocol order: the chair, his deputy, then Party boards before the
	// Front (both rank 3), then the departments
	order := []string{"Đồng chí Trần Minh Đức", "Đồng chí Lê Thị Thanh Hà", "Đồng chí Hoàng Thị Minh Nguyệt", "Đồng chí Phạm Quang Vinh", "Đồng chí Đinh Văn Toàn"}
	last := -1
	for _, n := range order {
		i := strings.Index(text, n)
		if i <= last {
			t.Errorf("%s out of protocol order", n)
		}
		last = i
	}
}

// TestScriptAtTheLastMinute: printed again once people arrive, the
// introductions keep every official invited, those not checked in marked
// "vắng"; a flag forces either list.
func TestScriptAtTheLastMinute(t *testing.T) {
	_, s := demo(t) // LD01 and LD03 have checked in; the agenda runs
	o := opts
	text := scriptText(t, s, o)
	if !strings.Contains(text, "Đại biểu giới thiệu theo điểm danh lúc 12:00 ngày 18/10/2023") {
		t.Error("not the list of those present")
	}
	for _, want := range []string{
		"- Đồng chí Trần Minh Đức, Chủ tịch UBND thị xã;",
		"- Đồng chí Hoàng Thị Minh Nguyệt, Trưởng Ban Dân vận Thị ủy;",
		"- Đồng chí Lê Thị Thanh Hà, Phó Chủ tịch UBND thị xã – vắng",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	o.Roll = RollInvited
	if text := scriptText(t, s, o); strings.Contains(text, "– vắng") || !strings.Contains(text, "theo danh sách mời") {
		t.Error("--roll invited still marks the absent")
	}
	_, fresh := freshDemo(t)
	o.Roll = RollPresent
	if text := scriptText(t, fresh, o); !strings.Contains(text, "Đồng chí Trần Minh Đức, Chủ tịch UBND thị xã – vắng") {
		t.Error("--roll present before anyone came does not mark them absent")
	}
}

// TestScriptWordsEdited: the moderator's own words replace the template;
// the list of officials goes where the mark is, or after words without it.
func TestScriptWordsEdited(t *testing.T) {
	st, _ := freshDemo(t)
	ctx := context.Background()
	items, _ := st.Agenda(ctx)
	if err := st.SetItemWords(ctx, items[1].ID, "Xin giới thiệu các đồng chí lãnh đạo:\n"+OfficialsMark+"\nXin chào mừng!"); err != nil {
		t.Fatal(err)
	}
	if err := st.SetItemWords(ctx, items[2].ID, "Kính mời Chủ tịch khai mạc."); err != nil {
		t.Fatal(err)
	}
	s, _ := Load(ctx, st)
	text := scriptText(t, s, Options{Loc: hcm, Now: time.Date(2023, 10, 16, 9, 0, 0, 0, hcm)})
	if !strings.Contains(text, "Xin giới thiệu các đồng chí lãnh đạo:\n- Đồng chí Trần Minh Đức") || !strings.Contains(text, "Xin chào mừng!") ||
		!strings.Contains(text, "Kính mời Chủ tịch khai mạc.") || strings.Contains(text, "phát biểu khai mạc.") {
		t.Errorf("edited words not used:\n%s", text)
	}
	// words without the mark: the list follows them
	st.SetItemWords(ctx, items[1].ID, "Xin giới thiệu:")
	s, _ = Load(ctx, st)
	text = scriptText(t, s, Options{Loc: hcm, Now: time.Date(2023, 10, 16, 9, 0, 0, 0, hcm)})
	if !strings.Contains(text, "Xin giới thiệu:\n- Đồng chí Trần Minh Đức") {
		t.Errorf("list not after the words:\n%s", text)
	}
	if *outDir != "" {
		os.MkdirAll(*outDir, 0o755)
	}
}

func TestAudience(t *testing.T) {
	if got := Audience([]store.Group{{Name: "Lãnh đạo"}, {Name: "Đại biểu phụ nữ", Quota: 100}}); got != "các đại biểu phụ nữ" {
		t.Errorf("audience %q", got)
	}
	if got := Audience([]store.Group{{Name: "Lãnh đạo"}}); got != "" {
		t.Errorf("no quota: %q", got)
	}
	w := Words{Meeting: store.Meeting{Title: "Hội nghị tiếp xúc cử tri"}, Items: []store.AgendaItem{{Kind: store.ItemClosing, Title: "Bế mạc"}}}
	if got := w.Template(0); !strings.Contains(got, "Thưa toàn thể các đồng chí!") || !strings.Contains(got, "Hội nghị tiếp xúc cử tri đến đây") {
		t.Errorf("closing without chair or audience:\n%s", got)
	}
	if w.Template(5) != "" || w.For(-1) != "" {
		t.Error("words for an item that does not exist")
	}
}
