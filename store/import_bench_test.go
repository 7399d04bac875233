package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"doithoai/store"
	"doithoai/store/fold"
)

// BenchmarkImportDelegates10k imports a 10,000-row invitee list into an
// empty meeting (first run) and then again (every row matched, nothing
// written but the check). Each iteration uses a fresh file.
func BenchmarkImportDelegates10k(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("\xEF\xBB\xBFSTT;Họ và tên;Chức vụ;Đơn vị;Điện thoại\r\n")
	for i, e := range fold.GenerateNames(10000, 1) {
		fmt.Fprintf(&sb, "%d;%s;%s;%s;9%08d\r\n", i+1, e.Name, e.Title, e.Unit, i)
	}
	ctx := context.Background()
	for _, again := range []bool{false, true} {
		name := "first"
		if again {
			name = "again"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				path := filepath.Join(b.TempDir(), "m.db")
				s, err := store.Open(ctx, path, store.Options{Create: true, NoWatch: true})
				if err != nil {
					b.Fatal(err)
				}
				s.SaveMeeting(ctx, store.Meeting{Title: "bench"})
				csv := writeFile(b, "ds.csv", []byte(sb.String()))
				if again {
					if rep, err := s.ImportFile(ctx, store.ImportDelegates, csv, false); err != nil || !rep.Applied {
						b.Fatal(err, rep.Problems)
					}
				}
				b.StartTimer()
				rep, err := s.ImportFile(ctx, store.ImportDelegates, csv, false)
				b.StopTimer()
				if err != nil || !rep.Applied || (again && rep.Unchanged != 10000) || (!again && rep.New != 10000) {
					b.Fatal(err, rep.New, rep.Unchanged, rep.Problems)
				}
				s.Close()
				b.StartTimer()
			}
		})
	}
}
