package docs

import (
	"context"
	"strings"
	"testing"

	"doithoai/store"
)

func TestTopicPhrase(t *testing.T) {
	for in, want := range map[string]string{
		"Khác":                         "các vấn đề khác",
		" khác ":                       "các vấn đề khác",
		"Các vấn đề khác":              "các vấn đề khác",
		"Đào tạo nghề, việc làm":       "đào tạo nghề, việc làm",
		"Chăm sóc sức khỏe phụ nữ":     "chăm sóc sức khỏe phụ nữ",
		"Bình đẳng giới":               "bình đẳng giới",
		"HTX và tổ hợp tác":            "HTX và tổ hợp tác",
		"OCOP":                         "OCOP",
		"Quảng Hải: đường giao thông":  "Quảng Hải: đường giao thông",
		"Hội Liên hiệp Phụ nữ cơ sở":   "Hội Liên hiệp Phụ nữ cơ sở",
		"Ý kiến khác":                  "ý kiến khác",
		"Chương trình OCOP của thị xã": "chương trình OCOP của thị xã",
	} {
		if got := topicPhrase(in); got != want {
			t.Errorf("topicPhrase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsIssuer(t *testing.T) {
	m := store.Meeting{Organiser: "Ủy ban nhân dân thị xã Ba Đồn"}
	for agency, want := range map[string]bool{
		"UBND thị xã":                   true,
		"Uỷ ban nhân dân thị xã":        true,
		"Ủy ban nhân dân thị xã Ba Đồn": true,
		"UBND thị xã Ba Đồn":            true,
		"ubnd thi xa":                   true,
		"UBND tỉnh":                     false,
		"UBND xã Quảng Hải":             false,
		"Văn phòng HĐND và UBND thị xã": false,
		"Phòng Y tế":                    false,
		"":                              false,
	} {
		if got := isIssuer(m, agency); got != want {
			t.Errorf("isIssuer(%q) = %v, want %v", agency, got, want)
		}
	}
	h := store.Meeting{Organiser: "Hội đồng nhân dân xã Quảng Hải"}
	if !isIssuer(h, "HĐND xã Quảng Hải") || isIssuer(h, "UBND xã Quảng Hải") {
		t.Error("a council organiser is not recognised")
	}
}

// A question under "Khác", one without a topic, and two tasks owed by the
// issuing body itself: the notice says "Về các vấn đề khác", words the
// body's own tasks as its undertakings, and does not send it to itself.
func TestConclusionOtherTopicAndOwnTasks(t *testing.T) {
	st, _ := demo(t)
	ctx := context.Background()
	units, err := st.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ubnd int64
	for _, u := range units {
		if u.Name == "UBND thị xã" {
			ubnd = u.ID
		}
	}
	if ubnd == 0 {
		t.Fatal("the demo has no unit UBND thị xã")
	}
	q, err := st.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Mai", AskerUnit: "Xã Quảng Sơn", Topic: "Khác",
		Text: "Đề nghị làm đường điện chiếu sáng thôn Vĩnh Lộc."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveAnswer(ctx, store.Answer{QuestionID: q, Person: "Trần Minh Đức", Outcome: store.OutcomeWritten,
		FollowupAgencyID: ubnd, DueDate: "2023-12-01"}); err != nil {
		t.Fatal(err)
	}
	q, err = st.SaveQuestion(ctx, store.Question{AskerName: "Hồ Thị Na", Text: "Đề nghị hỗ trợ kinh phí sửa nhà văn hóa thôn."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveAnswer(ctx, store.Answer{QuestionID: q, Person: "Trần Minh Đức", Outcome: store.OutcomeReferred,
		FollowupAgencyID: ubnd}); err != nil {
		t.Fatal(err)
	}
	s, err := Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	text := plainText(t, docxParts(t, render(t, s, Conclusion, DOCX, opts))["word/document.xml"])
	for _, want := range []string{
		"- Về đào tạo nghề, việc làm (1 ý kiến):",
		"- Về chăm sóc sức khỏe phụ nữ (1 ý kiến):",
		"- Về các vấn đề khác (2 ý kiến):",
		"- UBND thị xã chỉ đạo các cơ quan chuyên môn tham mưu trả lời bằng văn bản ý kiến của bà Lê Thị Mai (xã Quảng Sơn) (“Đề nghị làm đường",
		"- UBND thị xã tổng hợp, báo cáo cấp có thẩm quyền xem xét, giải quyết ý kiến của",
		"Giao Phòng Y tế nghiên cứu, trả lời bằng văn bản",
		"- Chủ tịch, các PCT UBND thị xã;",
		"- Lưu: VT, NV.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("conclusion lacks %q", want)
		}
	}
	for _, bad := range []string{"Về khác", "Giao UBND thị xã", "về các vấn đề khác (“", "- UBND thị xã;", "- UBND thị xã."} {
		if strings.Contains(text, bad) {
			t.Errorf("conclusion has %q", bad)
		}
	}
	if strings.Count(text, "Về các vấn đề khác") != 1 {
		t.Error("two headings for other matters")
	}
	i := strings.Index(text, "Nơi nhận:")
	if i < 0 {
		t.Fatal("no Nơi nhận")
	}
	for _, l := range strings.Split(text[i:], "\n") {
		if strings.HasPrefix(l, "- ") && isIssuer(s.Meeting, strings.TrimRight(l[2:], ";.")) {
			t.Errorf("the issuing body is among the recipients: %q", l)
		}
	}
}
