package store_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"doithoai/store"
	"doithoai/store/sheet"
	"doithoai/store/sheet/sheettest"
)

// peakRSS is this process's peak resident memory (VmHWM), in bytes.
func peakRSS() (int64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

// TestRefusedImportMemory imports each oversized file in a process of its
// own and reads that process's peak memory: every refusal says one line
// and none costs 200 MB. A one-row import is the baseline.
func TestRefusedImportMemory(t *testing.T) {
	if file := os.Getenv("DOITHOAI_IMPORT_CHILD"); file != "" {
		s, err := store.Open(context.Background(), filepath.Join(filepath.Dir(file), "m.db"), store.Options{Create: true, NoWatch: true})
		if err != nil {
			fmt.Println("ERR open", err)
			os.Exit(1)
		}
		rep, err := s.ImportFile(context.Background(), store.ImportDelegates, file, true)
		switch {
		case err != nil:
			fmt.Printf("REFUSED %v\n", err)
		case len(rep.Problems) > 0:
			fmt.Printf("PROBLEMS %v\n", rep.Problems[0])
		default:
			fmt.Printf("READ %d rows\n", len(rep.Rows))
		}
		peak, _ := peakRSS()
		fmt.Printf("PEAK %d\n", peak)
		os.Exit(0)
	}
	if _, ok := peakRSS(); !ok {
		t.Skip("no /proc/self/status: peak memory is measured on Linux")
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := filepath.Join(dir, "big.csv")
	f, _ := os.Create(big)
	f.Truncate(sheet.MaxFileBytes + 10<<20)
	f.Close()
	cases := []struct {
		name, file string
		refused    bool
	}{
		{"one row (baseline)", write("one.csv", sheettest.CSVRows(2, 2)), false},
		{"csv over 50 MB", big, true},
		{"csv of 100,001 rows, 47 MB", write("rows.csv", sheettest.CSVWide(sheet.MaxRows+2, 440)), true},
		{"csv of 201 columns", write("cols.csv", sheettest.CSVRows(100, sheet.MaxCols+1)), true},
		{"xlsx of 100,001 rows", write("rows.xlsx", sheettest.XLSXRows(sheet.MaxRows+1, 2)), true},
		{"xlsx zip bomb (sheet unpacks past 200 MB)", write("bomb.xlsx", sheettest.Bomb(false)), true},
		{"xlsx zip bomb whose directory lies", write("liar.xlsx", sheettest.Bomb(true)), true},
	}
	for _, c := range cases {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRefusedImportMemory$")
		cmd.Env = append(os.Environ(), "DOITHOAI_IMPORT_CHILD="+c.file)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v: %s", c.name, err, out)
		}
		var result string
		var peak int64
		for _, line := range strings.Split(string(out), "\n") {
			if v, ok := strings.CutPrefix(line, "PEAK "); ok {
				peak, _ = strconv.ParseInt(v, 10, 64)
			} else if strings.HasPrefix(line, "REFUSED ") || strings.HasPrefix(line, "READ ") || strings.HasPrefix(line, "PROBLEMS ") {
				result = line
			}
		}
		t.Logf("%-45s peak %4d MB  %s", c.name, peak>>20, result)
		if c.refused != strings.HasPrefix(result, "REFUSED ") {
			t.Errorf("%s: %s", c.name, result)
		}
		if peak == 0 || peak >= 200<<20 {
			t.Errorf("%s: peak memory %d MB", c.name, peak>>20)
		}
	}
}

// A UTF-8 file with a stray byte on one row imports nothing and says which
// row; the same names in Windows-1258 import.
func TestImportInvalidUTF8(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	before, _, _ := count(t, s)
	data := "Họ và tên,Đơn vị\nNguyễn Thị Hoà,Xã Quảng Hòa\nLê Thị \xffLan,Xã Quảng Sơn\n"
	rep, err := s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "bad.csv", []byte(data)), false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Applied || len(rep.Problems) != 1 || rep.Problems[0].Row != 3 || rep.Problems[0].Code != "bad_utf8" {
		t.Fatalf("%+v", rep)
	}
	if after, _, _ := count(t, s); after != before {
		t.Fatalf("%d delegates imported", after-before)
	}
	var le *sheet.LimitError
	_, err = s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "wide.csv", sheettest.CSVRows(3, 300)), false)
	if !errors.As(err, &le) || le.What != "columns" {
		t.Fatalf("wide file: %v", err)
	}
}
