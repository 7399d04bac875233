package docs

import (
	"fmt"
	"strings"

	"doithoai/store"
)

// The MC's words (lời dẫn) for each agenda item: a Vietnamese template by
// the item's kind, read the way an MC reads at a People's Committee
// event, filled with the meeting's facts; the moderator may replace them
// item by item (AgendaItem.Words) in the agenda station.

// OfficialsMark stands in the words of an introduction where the list of
// officials goes: the script prints the list there (those invited, or
// those present with "vắng" for the others), since it changes as people
// arrive. Words without it get the list after them.
const OfficialsMark = "[DANH SÁCH ĐẠI BIỂU]"

// Words makes the MC's words of a meeting's agenda.
type Words struct {
	Meeting store.Meeting
	Items   []store.AgendaItem
	// Audience is who the dialogue is with, as the MC greets them ("các
	// đại biểu phụ nữ"); empty greets "toàn thể các vị đại biểu".
	Audience string
}

// Audience is the largest group by quota (else the last group), lowered
// to be greeted: "Đại biểu phụ nữ" gives "các đại biểu phụ nữ".
func Audience(groups []store.Group) string {
	best := -1
	for i, g := range groups {
		if best < 0 || g.Quota > groups[best].Quota {
			best = i
		}
	}
	if best < 0 || groups[best].Quota == 0 {
		return ""
	}
	return "các " + lowerFirst(groups[best].Name)
}

// For is the item's words: the moderator's, else the template.
func (w Words) For(i int) string {
	if i < 0 || i >= len(w.Items) {
		return ""
	}
	if s := strings.TrimSpace(w.Items[i].Words); s != "" {
		return s
	}
	return w.Template(i)
}

// name is a presenter's name without the title after the comma
// ("Trần Minh Đức, Chủ tịch UBND thị xã" → "Trần Minh Đức").
func name(presenter string) string {
	n, _, _ := strings.Cut(presenter, ",")
	return strings.TrimSpace(n)
}

// invite is "đồng chí Trần Minh Đức, Chủ tịch UBND thị xã": the presenter
// as the MC invites them; a body or a group ("Đội văn nghệ…", "Người dẫn
// chương trình") is named as it is.
func invite(presenter string) string {
	p := strings.TrimSpace(presenter)
	f := store.Fold(p)
	for _, pre := range []string{"doi ", "nguoi dan", "ban ", "phong ", "hoi ", "trung tam", "uy ban", "cac ", "dai dien", "dong chi "} {
		if strings.HasPrefix(f, pre) {
			return p
		}
	}
	return "đồng chí " + p
}

// greeting opens what the MC says at the start of the programme.
func (w Words) greeting() string {
	m := w.Meeting
	var g []string
	if m.Chair != "" {
		g = append(g, "Kính thưa đồng chí "+joinNonEmpty(", ", m.Chair, m.ChairTitle)+"!")
	}
	g = append(g, "Kính thưa các vị đại biểu, khách quý!")
	if w.Audience != "" {
		g = append(g, "Kính thưa "+w.Audience+"!")
	} else {
		g = append(g, "Thưa toàn thể các đồng chí!")
	}
	return strings.Join(g, "\n")
}

// Template is the MC's words for item i by its kind.
func (w Words) Template(i int) string {
	if i < 0 || i >= len(w.Items) {
		return ""
	}
	m, a := w.Meeting, w.Items[i]
	chair := joinNonEmpty(", ", m.Chair, m.ChairTitle)
	org := orgShort(m)
	who := invite(cmpOr(a.Presenter, chair))
	thanks := ""
	if n := name(a.Presenter); n != "" && !strings.HasPrefix(who, n) {
		thanks = "\n(Sau phần trình bày)\nXin trân trọng cảm ơn đồng chí " + n + "."
	}
	title := strings.TrimSpace(a.Title)
	switch a.Kind {
	case store.ItemPerformance:
		by := ""
		if a.Presenter != "" {
			by = " do " + a.Presenter + " biểu diễn"
		}
		return fmt.Sprintf("Kính thưa quý vị đại biểu!\nMở đầu %s, xin mời quý vị cùng thưởng thức %s%s.",
			shortTitle(m.Title), lowerFirst(cmpOr(title, "chương trình văn nghệ chào mừng")), by)
	case store.ItemIntroduction:
		f := store.Fold(title)
		purpose := strings.Contains(f, "ly do") || !strings.Contains(f, "gioi thieu")
		officials := strings.Contains(f, "gioi thieu") || !strings.Contains(f, "ly do")
		parts := []string{w.greeting()}
		if purpose {
			p := fmt.Sprintf("Thực hiện Kế hoạch của %s, hôm nay, %s tổ chức %s", org, org, m.Title)
			if m.Theme != "" {
				p += " với chủ đề “" + strings.Trim(m.Theme, "\"“”") + "”"
			}
			p += ". Chương trình là dịp để lãnh đạo " + org + " trực tiếp lắng nghe ý kiến, tâm tư, nguyện vọng, kiến nghị, đề xuất"
			if w.Audience != "" {
				p += " của " + w.Audience
			}
			p += "; qua đó kịp thời chỉ đạo giải quyết, tháo gỡ những khó khăn, vướng mắc trong thời gian tới."
			parts = append(parts, p)
		}
		if officials {
			parts = append(parts, "Đến dự Chương trình hôm nay, chúng tôi trân trọng giới thiệu:", OfficialsMark,
				"Cùng các vị đại biểu, khách quý và toàn thể "+cmpOr(strings.TrimPrefix(w.Audience, "các "), "các đồng chí")+" đã về dự Chương trình.",
				"Xin trân trọng giới thiệu và nhiệt liệt chào mừng!")
		}
		return strings.Join(parts, "\n")
	case store.ItemSpeech:
		return fmt.Sprintf("Kính thưa quý vị đại biểu!\nThay mặt Ban Tổ chức, xin trân trọng kính mời %s %s.%s",
			who, lowerFirst(cmpOr(title, "phát biểu khai mạc Chương trình")), thanks)
	case store.ItemBriefing:
		return fmt.Sprintf("Tiếp theo Chương trình, xin trân trọng kính mời %s %s.%s", who, lowerFirst(title), thanks)
	case store.ItemBreak:
		pause := ""
		if a.PlannedMinutes > 0 {
			pause = fmt.Sprintf(" %d phút", a.PlannedMinutes)
		}
		return fmt.Sprintf("Kính thưa quý vị đại biểu!\nChương trình xin phép được giải lao%s. Kính mời quý vị đại biểu nghỉ giải lao "+
			"và trở lại hội trường đúng giờ để tiếp tục Chương trình.", pause)
	case store.ItemDialogue:
		turn := m.TurnSeconds / 60
		limit := ""
		if turn > 0 {
			limit = fmt.Sprintf(" mỗi lượt phát biểu không quá %02d phút;", turn)
		}
		with := cmpOr(w.Audience, "các vị đại biểu")
		return fmt.Sprintf("Kính thưa quý vị đại biểu!\nSau đây, Chương trình bước vào phần đối thoại giữa %s với %s. "+
			"Để buổi đối thoại đạt kết quả tốt, Ban Tổ chức đề nghị:%s đại biểu nêu rõ họ tên, đơn vị trước khi phát biểu; "+
			"mỗi lượt nêu ngắn gọn một vấn đề, tập trung vào chủ đề của Chương trình; các ý kiến đã được nêu xin không nhắc lại. "+
			"Đại biểu đăng ký phát biểu xin giơ tay để Ban Tổ chức mời. Những ý kiến chưa được trả lời trực tiếp tại Chương trình "+
			"sẽ được các cơ quan, đơn vị trả lời bằng văn bản.\nXin trân trọng kính mời %s chủ trì phần đối thoại.",
			cmpOr(m.ChairTitle, "lãnh đạo "+org), with, limit, invite(cmpOr(a.Presenter, chair)))
	case store.ItemConclusion:
		return fmt.Sprintf("Kính thưa quý vị đại biểu!\nBuổi đối thoại đã diễn ra trong không khí dân chủ, thẳng thắn, cởi mở. "+
			"Xin trân trọng kính mời %s phát biểu kết luận Chương trình.", who)
	case store.ItemClosing:
		g := w.greeting()
		return g + fmt.Sprintf("\n%s đến đây đã hoàn thành nội dung đề ra. Thay mặt Ban Tổ chức, xin trân trọng cảm ơn %s "+
			"cùng quý vị đại biểu đã dành thời gian về dự; cảm ơn các cơ quan, đơn vị đã chuẩn bị chu đáo nội dung trả lời. "+
			"Kính chúc quý vị đại biểu sức khỏe, hạnh phúc và thành công.\nChương trình xin được kết thúc. Xin trân trọng cảm ơn!",
			upperFirst(shortTitle(m.Title)), cmpOr(invite(chair), "các đồng chí lãnh đạo"))
	}
	if a.Presenter == "" {
		return "Tiếp theo Chương trình là phần " + lowerFirst(title) + "."
	}
	return fmt.Sprintf("Tiếp theo Chương trình, xin trân trọng kính mời %s %s.", who, lowerFirst(title))
}

// shortTitle is how the MC names the event in a sentence: "Chương trình"
// for a "Chương trình đối thoại …", else the title.
func shortTitle(title string) string {
	if strings.HasPrefix(store.Fold(title), "chuong trinh") {
		return "Chương trình"
	}
	return cmpOr(title, "Hội nghị")
}
