package reports_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
	"doithoai/tui/reports"
)

// tmpPad is a temp path and the padding after it, whose width varies.
var tmpPad = regexp.MustCompile(`(\$TMP\S*) +`)

// run executes cmd and feeds its messages back, like the runtime would,
// until nothing is left (batches included).
func run(t *testing.T, s common.Station, cmd tea.Cmd) common.Station {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if b, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, b...)
			continue
		}
		if msg == nil {
			continue
		}
		if _, ok := msg.(interface{ Blink() }); ok {
			continue
		}
		// Cursor blinks would loop for ever; skip what is not ours.
		if strings.Contains(fmt.Sprintf("%T", msg), "cursor.") {
			continue
		}
		var next tea.Cmd
		s, next = s.Update(msg)
		queue = append(queue, next)
	}
	return s
}

func press(t *testing.T, s common.Station, keys ...string) common.Station {
	t.Helper()
	for _, k := range keys {
		var msg tea.KeyMsg
		switch k {
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		case "up":
			msg = tea.KeyMsg{Type: tea.KeyUp}
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		case "right":
			msg = tea.KeyMsg{Type: tea.KeyRight}
		case "left":
			msg = tea.KeyMsg{Type: tea.KeyLeft}
		case "ctrl+u":
			msg = tea.KeyMsg{Type: tea.KeyCtrlU}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		var cmd tea.Cmd
		s, cmd = s.Update(msg)
		s = run(t, s, cmd)
	}
	return s
}

// typeText sends text one rune per key, as a person types.
func typeText(t *testing.T, s common.Station, text string) common.Station {
	for _, r := range text {
		s = press(t, s, string(r))
	}
	return s
}

// morning records a few check-ins, questions and answers.
func morning(t *testing.T, st *store.Store) {
	ctx := context.Background()
	ds, err := st.Delegates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds[:5] {
		if _, err := st.CheckIn(ctx, d.ID); err != nil {
			t.Fatal(err)
		}
	}
	units, _ := st.Units(ctx)
	var yte int64
	for _, u := range units {
		if u.Name == "Phòng Y tế" {
			yte = u.ID
		}
	}
	q, err := st.SaveQuestion(ctx, store.Question{AskerName: "Nguyễn Thị Lan", Text: "Khám sàng lọc miễn phí?", Topic: "Chăm sóc sức khỏe phụ nữ"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveAnswer(ctx, store.Answer{QuestionID: q, Person: "Trương Văn Phúc", Outcome: store.OutcomeWritten, FollowupAgencyID: yte, DueDate: "2023-11-30"}); err != nil {
		t.Fatal(err)
	}
}

func golden(t *testing.T, name, got, tmp string) {
	t.Helper()
	// Temp dirs differ in length from run to run: compare without the
	// padding that follows them.
	got = strings.ReplaceAll(got, tmp, "$TMP")
	lines := strings.Split(got, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(tmpPad.ReplaceAllString(l, "$1 "), " ")
	}
	got = strings.Join(lines, "\n")
	commontest.Golden(t, name, got)
}

func open(t *testing.T, lang i18n.Lang, w, h int) (common.Station, *store.Store, string) {
	c, st := commontest.NewLang(t, lang, w, h)
	morning(t, st)
	s := reports.New(c)
	s.SetSize(w, h)
	return run(t, s, s.Init()), st, filepath.Dir(st.Path())
}

// goldenDir is a fixed folder for the goldens' exports: a temp dir's name
// varies in length, and the written path wraps with it.
const goldenDir = "/tmp/doithoai-reports-golden"

func openGolden(t *testing.T, lang i18n.Lang, w, h int) common.Station {
	c, st := commontest.NewLang(t, lang, w, h)
	morning(t, st)
	os.RemoveAll(goldenDir)
	t.Cleanup(func() { os.RemoveAll(goldenDir) })
	c.Path = filepath.Join(goldenDir, "meeting.db")
	s := reports.New(c)
	s.SetSize(w, h)
	return run(t, s, s.Init())
}

func TestGoldens(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, sz := range [][2]int{{80, 20}, {140, 40}} {
			s := openGolden(t, lang, sz[0], sz[1])
			tmp := goldenDir
			golden(t, fmt.Sprintf("home_%s_%dx%d", lang, sz[0], sz[1]), s.View(), tmp)
			s = press(t, s, "down", "down", "down", "right", "enter")
			golden(t, fmt.Sprintf("exported_%s_%dx%d", lang, sz[0], sz[1]), s.View(), tmp)
		}
	}
}

func TestExportFromStation(t *testing.T) {
	s, st, tmp := open(t, i18n.VI, 80, 20)
	// Follow-up as docx: down three times, next format, Enter.
	s = press(t, s, "down", "down", "down", "right", "enter")
	path := filepath.Join(tmp, "exports", "theo-doi-tra-loi-2023-10-18.docx")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no file at %s: %v\n%s", path, err, s.View())
	}
	if !strings.Contains(s.View(), "Đã ghi:") {
		t.Errorf("written path not shown:\n%s", s.View())
	}
	// The sign-in sheet numbers every delegate in the store.
	s = press(t, s, "up", "up", "enter")
	d, err := st.DelegateBySheetNo(context.Background(), 1)
	if err != nil || d.ID == 0 {
		t.Fatalf("sheet numbers not assigned: %v", err)
	}
	if _, err := os.Stat(filepath.Join(tmp, "exports", "danh-sach-ky-ten-2023-10-18.xlsx")); err != nil {
		t.Fatal(err)
	}
}

func TestFolderField(t *testing.T) {
	s, _, tmp := open(t, i18n.VI, 80, 20)
	s = press(t, s, "o")
	if !s.Capturing() {
		t.Fatal("folder field does not capture keys")
	}
	other := filepath.Join(tmp, "khác")
	s = press(t, s, "ctrl+u")
	s = typeText(t, s, other)
	// While typing, letters are text, not commands: "c" did not toggle.
	s = press(t, s, "enter")
	if s.Capturing() {
		t.Fatal("still capturing after Enter")
	}
	if strings.Contains(s.View(), "có kèm") {
		t.Error("typing a c toggled the contacts switch")
	}
	s = press(t, s, "enter")
	if _, err := os.Stat(filepath.Join(other, "danh-sach-diem-danh-2023-10-18.xlsx")); err != nil {
		t.Fatalf("not written to the chosen folder: %v\n%s", err, s.View())
	}
	// Esc cancels an edit and leaves the folder as it was.
	s = press(t, s, "o", "x", "esc")
	if s.Capturing() || !strings.Contains(s.View(), "khác") {
		t.Errorf("esc did not cancel:\n%s", s.View())
	}
}

func TestContactsAndErrors(t *testing.T) {
	s, _, tmp := open(t, i18n.EN, 80, 20)
	s = press(t, s, "c")
	if !strings.Contains(s.View(), "Phone numbers: included") {
		t.Errorf("contacts switch not shown:\n%s", s.View())
	}
	// A folder that cannot be created: the error is shown, nothing crashes.
	blocker := filepath.Join(tmp, "file")
	os.WriteFile(blocker, []byte("x"), 0o644)
	s = press(t, s, "o", "ctrl+u")
	s = typeText(t, s, filepath.Join(blocker, "sub"))
	s = press(t, s, "enter", "enter")
	if !strings.Contains(s.View(), "Export failed") {
		t.Errorf("no error shown:\n%s", s.View())
	}
}

func TestReloadsCoalesceAndStaleDropped(t *testing.T) {
	s, st, _ := open(t, i18n.EN, 80, 20)
	_, first := s.Update(common.ChangedMsg{})
	older := first() // read before the check-in: 5 present
	ctx := context.Background()
	ds, _ := st.Delegates(ctx)
	st.CheckIn(ctx, ds[10].ID)
	// A change while a load is in flight starts no second load...
	if _, cmd := s.Update(common.ChangedMsg{}); cmd != nil {
		t.Fatal("a second load started while one is in flight")
	}
	// ...but the first one's result starts exactly one more.
	s, again := s.Update(older)
	if again == nil {
		t.Fatal("no reload after a change that arrived during a load")
	}
	s, _ = s.Update(again())
	if !strings.Contains(s.View(), "Present 6/") {
		t.Errorf("latest summary not shown:\n%s", s.View())
	}
	// An old result delivered late is dropped.
	s, _ = s.Update(older)
	if !strings.Contains(s.View(), "Present 6/") {
		t.Errorf("stale summary shown:\n%s", s.View())
	}
}

// A group nobody was invited to shows who came, not "1/0"; with a quota it
// shows the quota; a group with more invited than its quota keeps n/m.
func TestGroupLines(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		s, st, _ := open(t, lang, 140, 40)
		ctx := context.Background()
		groups, err := st.Groups(ctx)
		if err != nil {
			t.Fatal(err)
		}
		byName := map[string]store.Group{}
		for _, g := range groups {
			byName[g.Name] = g
		}
		guests, reporters := byName["Khách mời"], byName["Phóng viên"]
		if guests.ID == 0 || guests.Quota != 0 || reporters.ID == 0 {
			t.Fatalf("the demo's groups changed: %+v", groups)
		}
		if _, err := st.RegisterWalkIn(ctx, store.WalkIn{FullName: "Phạm Thị Vãng Lai", UnitName: "Xã Quảng Hải", GroupID: guests.ID}); err != nil {
			t.Fatal(err)
		}
		s, cmd := s.Update(common.ChangedMsg{})
		s = run(t, s, cmd)
		v := s.View()
		want := map[i18n.Lang][]string{
			i18n.VI: {"  Khách mời: 1\n", "  Đại biểu phụ nữ: 0/98 (chỉ tiêu 100)", "  Phóng viên: 0/2"},
			i18n.EN: {"  Khách mời: 1\n", "  Đại biểu phụ nữ: 0/98 (quota 100)", "  Phóng viên: 0/2"},
		}[lang]
		lines := strings.Split(v, "\n")
		for i, l := range lines {
			if j := strings.Index(l, "│ "); j >= 0 {
				lines[i] = strings.TrimRight(l[j+len("│ "):], " ")
			}
		}
		right := strings.Join(lines, "\n")
		for _, w := range want {
			if !strings.Contains(right, w) {
				t.Errorf("%s: summary lacks %q:\n%s", lang, w, right)
			}
		}
		// A quota but nobody invited by name: arrived and the quota.
		guests.Quota = 5
		if _, err := st.SaveGroup(ctx, guests); err != nil {
			t.Fatal(err)
		}
		s, cmd = s.Update(common.ChangedMsg{})
		s = run(t, s, cmd)
		w := map[i18n.Lang]string{i18n.VI: "Khách mời: 1 (chỉ tiêu 5)", i18n.EN: "Khách mời: 1 (quota 5)"}[lang]
		// (not just "1/0": the temp folder shown on the left may hold it)
		if v := s.View(); !strings.Contains(v, w) || strings.Contains(v, "Khách mời: 1/0") {
			t.Errorf("%s: group with a quota and no one invited:\n%s", lang, v)
		}
	}
}
