package docs

import (
	"bytes"
	"io"
	"testing"
	"time"

	"doithoai/store"
	"doithoai/store/fold"
)

// big is a synthetic snapshot of 10,000 delegates, a third checked in,
// in units named after the generator's wards and agencies.
func big() *Snapshot {
	s := &Snapshot{Meeting: store.Meeting{Title: "Hội nghị", Date: "2023-10-18", Organiser: "Ủy ban nhân dân thị xã Ba Đồn"}}
	s.Groups = []store.Group{{ID: 1, Position: 1, Name: "Đại biểu"}, {ID: 2, Position: 2, Name: "Khách mời"}}
	units := map[string]int64{}
	at := time.Date(2023, 10, 18, 7, 0, 0, 0, hcm)
	for i, e := range fold.GenerateNames(10000, 1) {
		id, ok := units[e.Unit]
		if !ok {
			id = int64(len(units) + 1)
			units[e.Unit] = id
			s.Units = append(s.Units, store.Unit{ID: id, Name: e.Unit, Kind: store.UnitWard})
		}
		d := store.Delegate{ID: e.ID, Code: e.Code, FullName: e.Name, Title: e.Title, UnitID: id, UnitName: e.Unit,
			UnitKind: store.UnitWard, GroupID: int64(1 + i%2), GroupName: s.Groups[i%2].Name, SheetNo: i + 1}
		if i%3 == 0 {
			d.ArrivedAt = at.Add(time.Duration(i) * time.Second)
		}
		s.Delegates = append(s.Delegates, d)
	}
	return s
}

func BenchmarkSummarize10k(b *testing.B) {
	s := big()
	b.ReportAllocs()
	for b.Loop() {
		s.Summarize()
	}
}

func BenchmarkAttendance10k(b *testing.B) {
	s := big()
	for _, f := range []Format{XLSX, CSV, DOCX} {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				var buf bytes.Buffer
				if err := Write(&buf, s, Attendance, f, opts); err != nil {
					b.Fatal(err)
				}
				n = buf.Len()
			}
			b.ReportMetric(float64(n), "bytes/file")
		})
	}
}

func BenchmarkInvitations1k(b *testing.B) {
	s := big()
	s.Delegates = s.Delegates[:1000]
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, s, Invitations, DOCX, opts); err != nil {
			b.Fatal(err)
		}
	}
}
