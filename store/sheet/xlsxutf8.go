package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// A workbook's XML must be UTF-8; a part holding other bytes (written by
// a broken exporter, or edited by hand) would make the XML reader refuse
// the whole file with a byte offset nobody can act on. Instead the stray
// bytes become U+FFFD and the rows holding them are problems with their
// row numbers, as in a damaged CSV: nothing is imported.

// repairUTF8 returns the workbook with every byte that is not UTF-8 in
// its XML parts replaced by U+FFFD, and whether there was any. An
// unreadable zip is returned as it is (excelize reports the damage).
func repairUTF8(data []byte) ([]byte, bool) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return data, false
	}
	damaged := false
	for _, zf := range zr.File {
		if xmlPart(zf.Name) && !validPart(zf) {
			damaged = true
			break
		}
	}
	if !damaged {
		return data, false
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return data, false
		}
		// checkZip bounded every part's declared size; the LimitReader
		// holds a part to it
		b, err := io.ReadAll(io.LimitReader(rc, MaxSheetBytes+1))
		rc.Close()
		if err != nil {
			return data, false
		}
		if xmlPart(zf.Name) {
			b = bytes.ToValidUTF8(b, []byte(string(utf8.RuneError)))
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			return data, false
		}
		w.Write(b)
	}
	if zw.Close() != nil {
		return data, false
	}
	return buf.Bytes(), true
}

func xmlPart(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels")
}

// validPart reads one part as a stream and says whether it is all UTF-8;
// a character cut between two reads is carried to the next.
func validPart(zf *zip.File) bool {
	rc, err := zf.Open()
	if err != nil {
		return true // excelize reports the damage
	}
	defer rc.Close()
	r := io.LimitReader(rc, MaxSheetBytes+1)
	buf := make([]byte, 64<<10)
	var tail []byte
	for {
		k, err := r.Read(buf)
		chunk := append(tail, buf[:k]...)
		cut := len(chunk)
		for i := len(chunk) - 1; i >= max(0, len(chunk)-utf8.UTFMax+1); i-- {
			if utf8.RuneStart(chunk[i]) {
				if !utf8.FullRune(chunk[i:]) {
					cut = i
				}
				break
			}
		}
		if err != nil {
			cut = len(chunk) // nothing follows: a cut character is damage
		}
		if !utf8.Valid(chunk[:cut]) {
			return false
		}
		tail = append([]byte{}, chunk[cut:]...)
		if err != nil {
			return true
		}
	}
}

// damagedRow is the problem of a row of a repaired workbook holding a
// replaced byte.
func damagedRow(n int) Problem {
	return Problem{Row: n, Msg: "text that is not valid UTF-8: the workbook is damaged here; retype this row in Excel and save again", Code: "bad_utf8_xlsx"}
}
