package tui

import (
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"doithoai/store"
	"doithoai/store/textclean"
	"doithoai/tui/i18n"
)

// What an attacker puts in a name: OSC 2 (window title), OSC 52 (the
// device's clipboard), CSI colours and screen clearing, a bidi override.
const (
	osc2  = "\x1b]2;PWNED\x07"
	osc52 = "\x1b]52;c;cm0gLXJmIH4=\x1b\\"
	csi   = "\x1b[31m\x1b[2J"
	rlo   = "\u202e"
)

var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// unsafeFrame says what a rendered frame holds beyond lipgloss's own
// styling (SGR): any other ESC, a control, a bidi override, the payloads.
func unsafeFrame(v string) string {
	rest := sgr.ReplaceAllString(v, "")
	if strings.ContainsRune(rest, 0x1b) {
		i := strings.IndexByte(rest, 0x1b)
		return "ESC outside SGR near " + rest[max(0, i-20):min(len(rest), i+20)]
	}
	if !textclean.Safe(rest, true) {
		return "a control or bidi character"
	}
	for _, p := range []string{"PWNED", "cm0gLXJmIH4"} {
		if strings.Contains(rest, p) {
			return "the payload " + p
		}
	}
	return ""
}

// A delegates csv with OSC 2, OSC 52, CSI and U+202E in its names: the
// store keeps none of them, and no station draws them. Then the same
// bytes written straight into the file, as sqlite3 would: the stations
// still draw none, in colour (SGR) and in the Ascii profile.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	st := relMeeting(t, 0, 0, 0)
	ctx := context.Background()
	csv := "Họ và tên,Chức vụ,Đơn vị\n" +
		"\"" + osc2 + "Pwnhoa" + rlo + " Một\",Hội viên,\"" + csi + "Xã Quảng Sơn\"\n" +
		"\"" + osc52 + "Pwnlan" + csi + " Hai\",\"" + rlo + "Hội viên\",Xã Quảng Sơn\n"
	path := filepath.Join(t.TempDir(), "ds.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := st.ImportFile(ctx, store.ImportDelegates, path, false)
	if err != nil || !rep.Applied {
		t.Fatalf("import: %v %+v", err, rep)
	}
	ds, _ := st.Delegates(ctx)
	var ids []int64
	for _, d := range ds {
		if strings.HasPrefix(d.FullName, "Pwn") {
			ids = append(ids, d.ID)
			if !textclean.Safe(d.FullName+d.Title+d.UnitName, false) || strings.Contains(d.FullName, "PWNED") || strings.Contains(d.FullName, "cm0g") {
				t.Errorf("stored %q / %q / %q", d.FullName, d.Title, d.UnitName)
			}
		}
	}
	if len(ids) != 2 || ds[0].FullName == "" {
		t.Fatalf("imported %v", ids)
	}
	// on every station: arrived, queued, asking, answered
	for _, id := range ids {
		if _, err := st.CheckIn(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	item, err := st.Advance(ctx) // the running item
	if err != nil {
		t.Fatal(err)
	}
	for item.Kind != store.ItemDialogue {
		if item, err = st.Advance(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, DelegateID: ids[0]}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, DelegateID: ids[1]}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CallNext(ctx, item.ID); err != nil {
		t.Fatal(err)
	}
	q, err := st.SaveQuestion(ctx, store.Question{ItemID: item.ID, DelegateID: ids[0], AskerName: "Pwnhoa Một", Topic: "Vay vốn", Text: "Pwnq câu hỏi"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveAnswer(ctx, store.Answer{QuestionID: q, Person: "Pwnans", Outcome: store.OutcomeSpot}); err != nil {
		t.Fatal(err)
	}
	// and a written answer owed, for the follow-up register
	us, _ := st.Units(ctx)
	if _, err := st.SaveAnswer(ctx, store.Answer{QuestionID: q, Person: "Pwnans", Outcome: store.OutcomeWritten, FollowupAgencyID: us[0].ID,
		DueDate: "2023-11-30"}); err != nil {
		t.Fatal(err)
	}
	render := func(when string) {
		t.Helper()
		for _, profile := range []termenv.Profile{termenv.TrueColor, termenv.Ascii} {
			for _, id := range Stations {
				r := lipgloss.NewRenderer(io.Discard)
				r.SetColorProfile(profile)
				c := NewCommon(ctx, st, r, i18n.VI, st.Path(), func() time.Time { return relNow })
				m := New(c, id, false)
				m.Update(tea.WindowSizeMsg{Width: 160, Height: 50})
				settle(m, relInit(m), benchQuiet)
				own := m.station(id).View()
				if why := unsafeFrame(own); why != "" {
					t.Errorf("%s, %s, profile %d: the station draws %s", when, id, profile, why)
				}
				if why := unsafeFrame(m.View()); why != "" {
					t.Errorf("%s, %s, profile %d: the frame holds %s", when, id, profile, why)
				}
				if profile == termenv.TrueColor && !strings.Contains(own, "\x1b[") {
					t.Errorf("%s: no styling drawn in colour: the check proves nothing", id)
				}
				// the hostile rows are on these screens, cleaned (the
				// others draw the hostile units and meeting details)
				if id != Reports && id != Setup && !strings.Contains(own, "Pwn") {
					t.Errorf("%s, %s: no hostile name on screen: the check proves nothing", when, id)
				}
				m.Close()
			}
		}
	}
	render("after the import")

	// The same bytes written into the file by hand.
	db, err := sql.Open("sqlite", st.Path()+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`UPDATE delegates SET full_name = ?1 || full_name, title = ?2 || title WHERE full_name LIKE 'Pwn%'`,
		`UPDATE units SET name = ?1 || name`,
		`UPDATE speakers SET name = ?1 || name, unit_name = ?2 || unit_name`,
		`UPDATE questions SET asker_name = ?1 || asker_name, text = ?2 || text, topic = ?1 || topic`,
		`UPDATE answers SET person = ?1 || person, summary = ?2`,
		`UPDATE agenda_items SET title = ?1 || title, presenter = ?2 || presenter`,
		`UPDATE meeting SET title = ?1 || title, chair = ?2 || chair, venue = ?1 || venue`,
		`UPDATE groups SET name = ?2 || name`,
		`UPDATE topics SET name = ?1 || name`,
		`UPDATE petitions SET text = ?2 || text, topic = ?1 || topic`,
	} {
		if _, err := db.Exec(q, osc2+osc52+rlo, csi+osc2+"\u2066"); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	var raw string
	db.QueryRow(`SELECT title FROM meeting`).Scan(&raw)
	if !strings.Contains(raw, "\x1b]2;") {
		t.Fatalf("the hand-written row is not hostile: %q", raw)
	}
	render("after sqlite3")
}

// A 5 MB paste into a field, through the root and the real station
// models: the root keeps the first 4,000 characters and says so, the
// field keeps what it may hold and says so, and the station answers the
// next key.
func TestHugePasteIsCut(t *testing.T) {
	st := relMeeting(t, 0, 0, 0)
	huge := paste(5 << 20)
	for _, tc := range []struct {
		name  string
		id    StationID
		keys  []string
		typed string
		want  []string // on screen after the paste
	}{
		// the name field of a delegate: 200
		{"setup delegate name", Setup, []string{"tab", "tab", "tab"}, "le thanh ha", []string{"5242880", "tối đa 200"}},
		// the question's text: 4,000, full
		{"qa question text", QA, []string{"n", "tab", "tab"}, "", []string{"5242880", "4000/4000"}},
		// the agenda item's title: 400
		{"agenda item title", Agenda, []string{"a", "tab"}, "", []string{"5242880", "tối đa 400"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := relRoot(t, st, i18n.VI, tc.id)
			m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
			settle(m, relInit(m), 100*time.Millisecond)
			press := func(k tea.KeyMsg) {
				_, c := m.Update(k)
				settle(m, c, 100*time.Millisecond)
			}
			for _, k := range tc.keys {
				press(commontestKey(k))
			}
			for _, r := range tc.typed {
				press(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			}
			if tc.typed != "" {
				press(commontestKey("enter")) // open the record found
			}
			before := m.View()
			press(huge)
			v := m.View()
			for _, w := range tc.want {
				if !strings.Contains(v, w) {
					t.Errorf("%q not on screen after the paste:\n%s\n(before it:\n%s)", w, v, before)
				}
			}
			press(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'x'}})
			if v := m.View(); strings.Contains(v, "5242880") {
				t.Errorf("the notice outlived the next key:\n%s", v)
			}
		})
	}
}

func commontestKey(s string) tea.KeyMsg {
	switch s {
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}
