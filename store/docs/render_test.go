package docs

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The documents as a person reads them: LibreOffice lays them out and
// prints them to PDF, and the test reads the pages' text. Page numbers and
// a signature kept with its text are properties of the layout, which the
// docx only asks for; this is where they are seen to hold. Without
// LibreOffice or poppler's pdftotext the test is skipped (TestDecreeLayout
// still checks the properties in the docx).

// pdfPages converts every .docx in dir to PDF with one LibreOffice run and
// returns each file's pages as text, by base name.
func pdfPages(t *testing.T, dir string) map[string][]string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: the rendered layout is not checked, only the docx properties (TestDecreeLayout)")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: the rendered layout is not checked, only the docx properties (TestDecreeLayout)")
	}
	docs, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	out := filepath.Join(dir, "pdf")
	// A profile of its own: soffice refuses to run twice on one profile,
	// and other tests or people may be using theirs.
	profile := "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "lo"))
	args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", out}, docs...)
	if b, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	pages := map[string][]string{}
	for _, d := range docs {
		name := strings.TrimSuffix(filepath.Base(d), ".docx")
		b, err := exec.Command(pdftotext, "-layout", filepath.Join(out, name+".pdf"), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", name, err)
		}
		pages[name] = strings.Split(strings.TrimSuffix(string(b), "\f"), "\f")
	}
	return pages
}

// firstLine is a page's first line with text, trimmed.
func firstLine(page string) string {
	for _, l := range strings.Split(page, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// collapse folds runs of spaces (pdftotext -layout pads columns).
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func writeDocx(t *testing.T, dir, name string, s *Snapshot, k Kind) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, s, k, DOCX, opts); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".docx"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRenderedWithLibreOffice prints every document, then the notice and
// the minutes grown a few lines at a time so that, in some of them, the
// signature falls where a page breaks. Each page after the first carries
// its number at the top, the first none; the page with the signer's name
// also has the authority line and the end of the text it signs.
func TestRenderedWithLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: LibreOffice not run")
	}
	t.Parallel() // LibreOffice takes seconds: the package's other tests run meanwhile
	_, s := demo(t)
	dir := t.TempDir()
	for _, k := range Kinds {
		if Supports(k, DOCX) && !Batch(k) {
			writeDocx(t, dir, string(k), s, k)
		}
	}
	const grow = 11 // variants, 4 lines more each: a page and more
	sentence := "Chương trình đối thoại diễn ra dân chủ, cởi mở, đúng kế hoạch; các ý kiến của đại biểu được trả lời rõ ràng. "
	for i := range grow {
		v := *s
		v.Meeting.Assessment = strings.Repeat(sentence, 4*i)
		writeDocx(t, dir, fmt.Sprintf("conclusion-%02d", i), &v, Conclusion)
		// The minutes of a short meeting: one question, longer each time.
		v = *s
		v.Questions = s.Questions[:1:1]
		v.Questions[0].Text = strings.Repeat(sentence, 4*i+1)
		v.Petitions = nil
		writeDocx(t, dir, fmt.Sprintf("minutes-%02d", i), &v, Minutes)
	}
	pages := pdfPages(t, dir)

	for name, ps := range pages {
		if name == string(Invitations) {
			for i, p := range ps {
				if strings.TrimSpace(firstLine(p)) == strconv.Itoa(i+1) {
					t.Errorf("invitation card page %d has a page number", i+1)
				}
			}
			continue
		}
		if firstLine(ps[0]) == "1" {
			t.Errorf("%s: the first page shows its number", name)
		}
		for i, p := range ps[1:] {
			if got := firstLine(p); got != strconv.Itoa(i+2) {
				t.Errorf("%s: page %d begins %q, not its number", name, i+2, got)
			}
		}
	}

	signed := func(name, signer string, lines []string, end string) {
		t.Helper()
		ps := pages[name]
		at := -1
		for i, p := range ps {
			if strings.Contains(p, signer) {
				at = i
			}
		}
		if at < 0 {
			t.Fatalf("%s: no %q on any page", name, signer)
		}
		page := collapse(ps[at])
		for _, l := range lines {
			if !strings.Contains(page, l) {
				t.Errorf("%s: %q signs on page %d without %q above", name, signer, at+1, l)
			}
		}
		if !strings.Contains(page, end) {
			t.Errorf("%s: the signature on page %d is apart from the end of the text (%q)", name, at+1, end)
		}
	}
	signed(string(Conclusion), "Dương Quốc Bảo", []string{"TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"}, "thực hiện./.")
	signed(string(Minutes), "Trần Minh Đức", []string{"THƯ KÝ", "CHỦ TRÌ", "Phan Thị Oanh"}, "nội dung biên bản./.")
	breaks := 0
	for i := range grow {
		n := fmt.Sprintf("conclusion-%02d", i)
		signed(n, "Dương Quốc Bảo", []string{"TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"}, "thực hiện./.")
		signed(fmt.Sprintf("minutes-%02d", i), "Trần Minh Đức", []string{"THƯ KÝ", "CHỦ TRÌ", "Phan Thị Oanh"}, "nội dung biên bản./.")
		breaks += len(pages[n]) - 1
	}
	if breaks == 0 {
		t.Error("no variant of the notice ran over a page: the sweep tests nothing")
	}
}
