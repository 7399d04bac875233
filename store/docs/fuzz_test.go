package docs

import (
	"bytes"
	"testing"

	"doithoai/store"
)

// FuzzDocxText checks that any text a person can type into a name, a
// question or an answer (control characters, invalid UTF-8, markup) still
// gives well-formed documents.
func FuzzDocxText(f *testing.F) {
	for _, s := range []string{"", "Nguyễn Thị Hoa", "<w:p>&amp;</w:p>", "a\x00b\x01c\x1f", "\xff\xfe", "\uFFFE\uFFFF", "line\r\nbreak\nx", "]]>", "Nguye\u0302\u0303n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := &Snapshot{Meeting: store.Meeting{Title: "Hội nghị " + text, Organiser: text, Chair: text, Place: text, Venue: text}}
		s.Delegates = []store.Delegate{{ID: 1, Code: "X1", FullName: text, Title: text, UnitName: text}}
		s.Questions = []store.Question{{ID: 1, AskerName: text, AskerUnit: text, Topic: text, Text: text,
			Answers: []store.Answer{{Person: text, Summary: text, Outcome: store.OutcomeWritten, FollowupAgencyName: text, DueDate: "2023-11-30"}}}}
		s.Petitions = []store.Petition{{ID: 1, No: 1, Topic: text, Text: text, SourceName: text, SourceUnit: text, AgencyID: 1, AgencyName: text, DueOn: "2023-10-09"}}
		s.Units = []store.Unit{{ID: 1, Name: text, Contact: text, Phone: text}}
		for _, k := range []Kind{Minutes, Conclusion, Followup, Attendance, Briefing} {
			var buf bytes.Buffer
			if err := Write(&buf, s, k, DOCX, opts); err != nil {
				t.Fatal(err)
			}
			docxParts(t, buf.Bytes())
		}
	})
}
