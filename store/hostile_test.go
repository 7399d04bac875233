package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"doithoai/store"
)

// hostile wraps s in what an attacker puts in a name: OSC 2 (window
// title), OSC 52 (clipboard), CSI colours, C1 controls, bidi overrides.
func hostile(s string) string {
	return "\x1b]2;PWNED\x07\x1b]52;c;cm0gLXJmIH4=\x1b\\\x1b[31m" + s + "\u202e\x1b[0m\u009b2J\x00\x7f"
}

// unsafeText names what no stored text may hold.
func unsafeText(s string) string {
	for _, r := range s {
		switch {
		case r == '\n':
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			return fmt.Sprintf("control %U", r)
		case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			return "bidi control"
		}
	}
	for _, esc := range []string{`\u001b`, `\u009b`, `\u009d`, `\u202e`, "PWNED", "cm0gLXJmIH4"} {
		if strings.Contains(s, esc) {
			return "escaped " + esc
		}
	}
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	return ""
}

// scanAllText reads every text cell of every table (the audit's JSON
// included) and fails on any control, escape or bidi override.
func scanAllText(t *testing.T, path string) int {
	t.Helper()
	db := rawDB(t, path)
	tables, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'drafts'`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	cells := 0
	for _, tbl := range names {
		rows, err := db.Query(`SELECT * FROM "` + tbl + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]sql.NullString, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				cells++
				if why := unsafeText(v.String); why != "" {
					t.Errorf("%s.%s holds %s: %q", tbl, cols[i], why, v.String)
				}
			}
		}
		rows.Close()
	}
	return cells
}

// Every mutation path of the store cleans the text it saves, whoever
// writes it (an SSH user name included).
func TestStoreCleansEveryText(t *testing.T) {
	admin, path := openTemp(t)
	ctx := context.Background()
	s := admin.As(store.Actor{Station: hostile("desk"), User: hostile("qa@10.0.0.9"), Role: store.RoleAdmin})
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SaveMeeting(ctx, store.Meeting{Title: hostile("Đối thoại"), Theme: hostile("Bình đẳng"), Venue: hostile("Hội trường"),
		Organiser: hostile("UBND"), Place: hostile("Ba Đồn"), Chair: hostile("Chủ tịch"), ChairTitle: hostile("Chủ tịch UBND")}))
	unit, err := s.SaveUnit(ctx, store.Unit{Name: hostile("Phòng Nội vụ"), Short: hostile("NV"), Kind: store.UnitAgency})
	must(err)
	group, err := s.SaveGroup(ctx, store.Group{Name: hostile("Đại biểu phụ nữ")})
	must(err)
	must(s.SetTopics(ctx, []string{hostile("Việc làm"), hostile("Y tế")}))
	must(s.RenameTopic(ctx, "Y tế", hostile("Sức khỏe")))
	del, err := s.SaveDelegate(ctx, store.Delegate{FullName: hostile("Nguyễn Thị Hoa"), Title: hostile("Hội viên"), Code: hostile("PN-1"),
		UnitID: unit, GroupID: group})
	must(err)
	_, err = s.RegisterWalkIn(ctx, store.WalkIn{FullName: hostile("Lê Thị Lan"), Title: hostile("Khách"), UnitName: hostile("Xã Quảng Hòa")})
	must(err)
	item, err := s.SaveItem(ctx, store.AgendaItem{Kind: store.ItemDialogue, Title: hostile("Đối thoại"), Presenter: hostile("MC"), PlannedMinutes: 60})
	must(err)
	_, err = s.AddSpeaker(ctx, store.Speaker{ItemID: item, Name: hostile("Trần Thị B"), UnitName: hostile("Phường Ba Đồn")})
	must(err)
	_, err = s.SavePetition(ctx, store.Petition{Text: hostile("Đề nghị\r\nhỗ trợ\tvốn"), Topic: hostile("Việc làm"), SourceUnitID: unit,
		PreparedAnswer: hostile("Sẽ trả lời")})
	must(err)
	q, err := s.SaveQuestion(ctx, store.Question{ItemID: item, AskerName: hostile("Phạm Thị C"), AskerUnit: hostile("Xã"), Topic: hostile("Y tế"),
		Text: hostile("Câu hỏi\ndòng hai")})
	must(err)
	_, err = s.SaveAnswer(ctx, store.Answer{QuestionID: q, Person: hostile("Giám đốc"), Summary: hostile("Trả lời\ntại chỗ"), Outcome: store.OutcomeSpot})
	must(err)
	must(s.EditDialogueTopics(ctx, []string{hostile("Giáo dục")}, nil))
	csv := "Họ và tên,Chức vụ,Đơn vị,Thành phần\n" +
		`"` + hostile("Đỗ Thị D") + `",` + hostile("Hội viên") + `,"` + hostile("Xã Quảng Sơn") + `",` + hostile("Khách mời") + "\n"
	rep, err := s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "\x1b]2;PWNED\x07ds\u202e\x1b[31m.csv", []byte(csv)), false)
	must(err)
	if !rep.Applied {
		t.Fatalf("import: %+v", rep.Problems)
	}
	if n := scanAllText(t, path); n < 100 {
		t.Fatalf("only %d cells scanned", n)
	}
	d, err := s.Delegate(ctx, del)
	must(err)
	if d.FullName != "Nguyễn Thị Hoa" || d.Title != "Hội viên" || d.UnitName != "Phòng Nội vụ" {
		t.Fatalf("cleaned wrongly: %+v", d)
	}
	if a := s.Actor(); a.Station != "desk" || a.User != "qa@10.0.0.9" {
		t.Fatalf("actor %+v", a)
	}
	ps, err := s.Petitions(ctx)
	must(err)
	if ps[0].Text != "Đề nghị\nhỗ trợ vốn" {
		t.Fatalf("petition text %q: long texts keep their line breaks", ps[0].Text)
	}
}
