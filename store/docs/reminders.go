package docs

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"doithoai/store"
)

// A reminder letter (công văn đôn đốc) goes to one agency and lists what
// it still owes: the prepared answers it has not sent before the day, or
// the written answers it has not sent after it. One builder serves both;
// the caller says what the letter is about (Letter) and gives each
// agency's items (AgencyOwed).

// Owed is one thing an agency still owes.
type Owed struct {
	Ref   string // "Kiến nghị số 9", "Ý kiến số 3": bold at the head of the row
	From  string // who raised it: "Nguyễn Thị A (Xã Quảng Hải)"
	Text  string // what was asked
	Since string // when the agency was asked (YYYY-MM-DD; "" leaves the cell empty)
	Due   string // the deadline (YYYY-MM-DD; "" leaves the cell empty)
}

// AgencyOwed is one letter: the agency it goes to and what it owes.
type AgencyOwed struct {
	Agency string
	Items  []Owed
}

// Letter is what a batch of reminder letters says; only the agency and
// its items change from one letter to the next.
type Letter struct {
	Code    string // ký hiệu after "Số: /", e.g. "UBND-NV"
	Subject string // trích yếu, written after "V/v "
	// Intro and Request are the paragraphs before and after the list of
	// items, given the agency's name and how many items it owes.
	Intro, Request func(agency string, n int) string
	// Cols heads the "since" and "due" columns ("Ngày giao", "Hạn trả lời").
	SinceCol, DueCol string
	// Recipients follow "Như trên" (the agency itself) in "Nơi nhận",
	// the archive line ("Lưu: VT, NV") last.
	Recipients []string
	// File starts each file's name ("don-doc-tra-loi-kien-nghi"); the
	// agency and the day follow.
	File string
	Day  string // the letter's date (YYYY-MM-DD), for its year and file name
}

// WriteReminder writes one agency's letter in the layout of an
// administrative letter (Decree 30/2020/NĐ-CP): the header with the
// subject under the number, "Kính gửi", the paragraphs and the list, then
// "Nơi nhận" and the signature.
func WriteReminder(w io.Writer, m store.Meeting, l Letter, a AgencyOwed, o Options) error {
	o.fill()
	d := newDocx("Công văn đôn đốc - "+a.Agency, 14, o.Now)
	adminHeader(d, m, l.Day, l.Code)
	// the subject (trích yếu) sits under the number, centred in the
	// header's left column, 12 pt
	d.P(para{align: "center", indR: textW - headLeftW, before: 2}, sz(t("V/v "+l.Subject), 12))
	d.P(para{align: "center", before: 12, after: 12}, t("Kính gửi: "+a.Agency+"."))
	body := para{align: "both", firstLine: 567, before: 6, line: 264}
	if l.Intro != nil {
		p := body
		p.after = 6
		d.P(p, t(l.Intro(a.Agency, len(a.Items))))
	}
	widths := []int{650, 0, 1500, 1500}
	widths[1] = textW - widths[0] - widths[2] - widths[3]
	tb := table{widths: widths, borders: true, header: 1, cantSplit: true, rows: [][]cell{{
		headCell("STT"), headCell("Nội dung"), headCell(cmpOr(l.SinceCol, "Ngày giao")), headCell(cmpOr(l.DueCol, "Hạn trả lời"))}}}
	for i, x := range a.Items {
		head := []run{sz(b(x.Ref), 12)}
		if x.From != "" {
			head = append(head, sz(t(" – "), 12), sz(it(x.From), 12))
		}
		content := []string{paraXML(para{before: 2}, head...)}
		if txt := strings.TrimSpace(x.Text); txt != "" {
			content = append(content, paraXML(para{align: "both", before: 2, after: 2}, sz(t(txt), 12)))
		}
		tb.rows = append(tb.rows, []cell{bodyCell("center", strconv.Itoa(i+1), 2), {paras: content},
			bodyCell("center", vnDate(x.Since), 2), bodyCell("center", vnDate(x.Due), 2)})
	}
	d.Table(tb)
	if l.Request != nil {
		d.P(body, t(l.Request(a.Agency, len(a.Items))))
	}
	closing(d, append([]string{"Như trên"}, l.Recipients...), noticeSigner(m))
	return d.Write(w)
}

// ExportReminders writes one letter per agency into dir, in one go, and
// returns the files' paths in the agencies' order. Each file appears
// whole or not at all; agencies with nothing owed get no letter.
func ExportReminders(dir string, m store.Meeting, l Letter, owed []AgencyOwed, o Options) ([]string, error) {
	o.fill()
	if l.Day == "" {
		l.Day = o.Now.In(o.Loc).Format("2006-01-02")
	}
	var paths []string
	used := map[string]int{}
	for _, a := range owed {
		if len(a.Items) == 0 {
			continue
		}
		var buf bytes.Buffer
		if err := WriteReminder(&buf, m, l, a, o); err != nil {
			return paths, err
		}
		name := cmpOr(l.File, "don-doc") + "-" + slug(a.Agency, 48)
		// two agencies whose names fold alike still get a file each
		if used[name]++; used[name] > 1 {
			name += fmt.Sprintf("-%d", used[name])
		}
		path := filepath.Join(dir, name+"-"+l.Day+".docx")
		if err := writeFileAtomic(path, buf.Bytes()); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// slug is a name without accents, in lower case, words joined by dashes,
// cut to about n bytes at a dash: "Phòng Tài nguyên và Môi trường" gives
// "phong-tai-nguyen-va-moi-truong".
func slug(s string, n int) string {
	var b strings.Builder
	dash := false
	for _, r := range store.Fold(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	out := b.String()
	if len(out) > n {
		out = out[:n]
		if i := strings.LastIndexByte(out, '-'); i > n/2 {
			out = out[:i]
		}
	}
	return cmpOr(out, "co-quan")
}
