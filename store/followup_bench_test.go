package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// The follow-up register's numbers: a register of 10,000 obligations over
// 50 meeting files opens (each file read unchanged, the registers merged)
// in under a second; a receipt commits within 1.5x a bare INSERT+COMMIT.

// fuBenchMeeting writes into a new file a meeting held on 18/10/2023 with
// per obligations: three in four written answers (20 agencies, due dates
// over two months), the rest petitions nobody raised; a receipt on every
// fifth, an extension on every tenth. Rows go in by SQL in one
// transaction: what is measured is reading them.
func fuBenchMeeting(b *testing.B, path string, per int) {
	ctx := context.Background()
	now := time.Date(2023, 12, 1, 9, 0, 0, 0, vnZone)
	s, err := Open(ctx, path, Options{Create: true, NoWatch: true, Now: func() time.Time { return now }})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.SaveMeeting(ctx, Meeting{Title: "Hội nghị đối thoại " + filepath.Base(path), Date: "2023-10-18"}); err != nil {
		b.Fatal(err)
	}
	err = s.write(ctx, PermSetup, func(t *Tx) error {
		var units []int64
		for i := range 20 {
			id, err := t.saveUnit(ctx, Unit{Name: fmt.Sprintf("Phòng chuyên môn số %d", i+1), Kind: UnitAgency})
			if err != nil {
				return err
			}
			units = append(units, id)
		}
		for i := range per {
			agency := units[i%len(units)]
			var key string
			if i%4 == 3 {
				r, err := t.exec(ctx, `INSERT INTO petitions(no, topic, text, agency_id, folded) VALUES (?,?,?,?,?)`,
					i+1, "Việc làm", fmt.Sprintf("Kiến nghị số %d về đào tạo nghề cho lao động nữ nông thôn", i+1), agency, "")
				if err != nil {
					return err
				}
				id, _ := r.LastInsertId()
				key = fmt.Sprintf("p%d", id)
			} else {
				r, err := t.exec(ctx, `INSERT INTO questions(asked_at, asker_name, asker_unit, topic, text) VALUES (?,?,?,?,?)`,
					now.UnixMilli()+int64(i), "Nguyễn Thị Hoa", "Xã Quảng Hải", "Vay vốn", fmt.Sprintf("Câu hỏi số %d về vốn vay ưu đãi cho phụ nữ khởi nghiệp", i+1))
				if err != nil {
					return err
				}
				qid, _ := r.LastInsertId()
				r, err = t.exec(ctx, `INSERT INTO answers(question_id, position, person, summary, outcome, followup_agency_id, due_date) VALUES (?,1,?,?,?,?,?)`,
					qid, "Trưởng phòng", "Sẽ trả lời bằng văn bản", OutcomeWritten, agency, AddDays("2023-10-18", 10+i%60))
				if err != nil {
					return err
				}
				aid, _ := r.LastInsertId()
				key = fmt.Sprintf("a%d", aid)
			}
			if i%5 == 0 {
				if _, err := t.exec(ctx, `INSERT INTO receipts(obligation, doc_no, doc_key, doc_date, agency_id, summary, result, basis_agency, basis_due, created_at)
					VALUES (?,?,?,?,?,?,?,?,?,?)`, key, fmt.Sprintf("%d/UBND", i+1), fmt.Sprintf("%d/ubnd@2023", i+1), "2023-11-20", agency,
					"Đã trả lời", ResultSettled, agency, "", now.UnixMilli()); err != nil {
					return err
				}
			}
			if i%10 == 1 {
				if _, err := t.exec(ctx, `INSERT INTO extensions(obligation, new_due, reason, basis_agency, created_at) VALUES (?,?,?,?,?)`,
					key, "2024-01-15", "Chờ kinh phí", agency, now.UnixMilli()); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Checkpoint(ctx); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRegister10kOver50Files opens 50 meeting files of 200
// obligations each, read-only, and merges their registers.
func BenchmarkRegister10kOver50Files(b *testing.B) {
	const files, per = 50, 200
	dir := b.TempDir()
	tpl := filepath.Join(dir, "mau.db")
	fuBenchMeeting(b, tpl, per)
	var paths []string
	for i := range files {
		p := filepath.Join(dir, fmt.Sprintf("hoi-nghi-%02d.db", i+1))
		if err := copyFile(tpl, p); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for range b.N {
		var regs []*Register
		for _, p := range paths {
			r, err := OpenRegister(ctx, p, "2023-12-01")
			if err != nil {
				b.Fatal(err)
			}
			regs = append(regs, r)
		}
		n = len(MergeRegisters(regs...).Obligations)
	}
	b.StopTimer()
	if n != files*per {
		b.Fatalf("%d obligations, want %d", n, files*per)
	}
	b.ReportMetric(float64(n), "obligations")
}

// BenchmarkReceiptVsBare alternates recording a receipt through the store
// (the obligation's basis read, the dates and the number checked, the
// row, its audit row, COMMIT) with a bare single-row INSERT+COMMIT on the
// same disk, and reports both means and their ratio (bounded at 1.5).
func BenchmarkReceiptVsBare(b *testing.B) {
	path := benchFile(b, "receipt")
	fuBenchMeeting(b, path, 200)
	ctx := context.Background()
	now := time.Date(2023, 12, 1, 9, 0, 0, 0, vnZone)
	s, err := Open(ctx, path, Options{NoWatch: true, Now: func() time.Time { return now }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	db := bareBench(b)
	var rc, bare time.Duration
	b.ResetTimer()
	for i := range b.N {
		in := ReceiptInput{Obligation: fmt.Sprintf("a%d", 1+i%150), DocNo: fmt.Sprintf("Số %d/LĐTBXH-VL ngày 20/11/2023", 1000+i),
			Signer: "Phan Thị Hồng", Summary: "Đã trả lời", Result: ResultAnswered}
		t0 := time.Now()
		if _, err := s.RecordReceipt(ctx, in); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		bareInsert(b, db, i)
		rc += t1.Sub(t0)
		bare += time.Since(t1)
	}
	b.ReportMetric(float64(rc.Nanoseconds())/float64(b.N), "receipt-ns")
	b.ReportMetric(float64(bare.Nanoseconds())/float64(b.N), "bare-ns")
	b.ReportMetric(float64(rc)/float64(bare), "ratio")
}

// BenchmarkRegisterReload10k is what the follow-up station does after
// another station's change: the register of one meeting of 10,000
// obligations read again (store.Register), alternating with the floor: the
// rows it is derived from (questions, answers, petitions, receipts,
// extensions) read from the same file by a plain connection, every column
// scanned, nothing derived. Both means and their ratio are reported; the
// stations refresh within half a second.
func BenchmarkRegisterReload10k(b *testing.B) {
	const per = 10_000
	path := benchFile(b, "reload")
	fuBenchMeeting(b, path, per)
	ctx := context.Background()
	now := time.Date(2023, 12, 1, 9, 0, 0, 0, vnZone)
	s, err := Open(ctx, path, Options{NoWatch: true, NoCheck: true, Now: func() time.Time { return now }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	db, err := sql.Open("sqlite", dsn(path, 10*time.Second, "&_pragma=query_only(1)"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	queries := []string{
		`SELECT id, asked_at, topic, asker_name, asker_unit, text, coalesce(petition_id,0) FROM questions`,
		`SELECT a.id, a.question_id, a.person, coalesce(a.agency_id,0), coalesce(u.name,''), a.summary, a.outcome, coalesce(a.due_date,'')
			FROM answers a LEFT JOIN units u ON u.id = coalesce(a.followup_agency_id, a.agency_id)`,
		`SELECT id, no, topic, text, coalesce(agency_id,0) FROM petitions`,
		`SELECT ` + receiptCols + ` FROM receipts`,
		`SELECT ` + extensionCols + ` FROM extensions`,
	}
	bare := func() int {
		n := 0
		for _, q := range queries {
			rows, err := db.QueryContext(ctx, q)
			if err != nil {
				b.Fatal(err)
			}
			cols, _ := rows.Columns()
			vals := make([]sql.RawBytes, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					b.Fatal(err)
				}
				n++
			}
			if err := rows.Err(); err != nil {
				b.Fatal(err)
			}
			rows.Close()
		}
		return n
	}
	var reg, floor time.Duration
	n := 0
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		r, err := s.Register(ctx)
		if err != nil {
			b.Fatal(err)
		}
		n = len(r.Obligations)
		t1 := time.Now()
		bare()
		reg += t1.Sub(t0)
		floor += time.Since(t1)
	}
	b.StopTimer()
	if n != per {
		b.Fatalf("%d obligations, want %d", n, per)
	}
	b.ReportMetric(float64(reg.Nanoseconds())/float64(b.N), "register-ns")
	b.ReportMetric(float64(floor.Nanoseconds())/float64(b.N), "bare-ns")
	b.ReportMetric(float64(reg)/float64(floor), "ratio")
}
