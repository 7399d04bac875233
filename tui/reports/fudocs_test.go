package reports_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"doithoai/store/docs"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// TestFollowupDocsFromStation: the register, the notice, the report and
// the reminder letters are written from the station like the others; the
// letters one per agency into the folder.
func TestFollowupDocsFromStation(t *testing.T) {
	// a week after the answer owed by Phòng Y tế by 30/11/2023 was due
	was := commontest.Now
	commontest.Now = time.Date(2023, 12, 7, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	t.Cleanup(func() { commontest.Now = was })
	s, _, tmp := open(t, i18n.VI, 100, 30)
	index := func(k docs.Kind) int {
		for i, x := range docs.Kinds {
			if x == k {
				return i
			}
		}
		t.Fatalf("%s not listed", k)
		return 0
	}
	at := 0
	move := func(k docs.Kind) {
		for ; at < index(k); at++ {
			s = press(t, s, "down")
		}
	}
	for _, c := range []struct {
		kind docs.Kind
		file string
	}{{docs.Register, "so-theo-doi-tra-loi-2023-10-18.xlsx"}, {docs.Results, "thong-bao-ket-qua-tra-loi-2023-10-18.docx"}, {docs.Report, "bao-cao-ket-qua-giai-quyet-2023-10-18.docx"}} {
		move(c.kind)
		s = press(t, s, "enter")
		if _, err := os.Stat(filepath.Join(tmp, "exports", c.file)); err != nil {
			t.Errorf("%s: %v\n%s", c.kind, err, s.View())
		}
	}
	move(docs.Reminders)
	s = press(t, s, "enter")
	// the written answer and the petitions nobody raised (due 30 days
	// after the meeting) are overdue: a letter to each agency
	yte, _ := filepath.Glob(filepath.Join(tmp, "exports", "don-doc-tra-loi-sau-doi-thoai-phong-y-te-*.docx"))
	letters, _ := filepath.Glob(filepath.Join(tmp, "exports", "don-doc-tra-loi-sau-doi-thoai-*.docx"))
	if len(yte) != 1 || len(letters) < 2 {
		t.Errorf("letters %v\n%s", letters, s.View())
	}
	if v := s.View(); !strings.Contains(v, fmt.Sprintf("%d công văn đôn đốc", len(letters))) {
		t.Errorf("the count of letters is not shown:\n%s", v)
	}
}
