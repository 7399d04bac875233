package docs

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"
	"testing"
)

// docxParts opens a .docx and checks what Word and LibreOffice need to
// open it cleanly: every XML part well-formed, every part's content type
// declared, every relationship target present, every table with a grid
// that matches its rows. It returns the parts by name.
func docxParts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts[f.Name] = string(b)
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			wellFormed(t, f.Name, b)
		}
	}
	for _, need := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} {
		if _, ok := parts[need]; !ok {
			t.Fatalf("missing part %s", need)
		}
	}
	// Content types: each part is covered by an Override or a Default.
	var ct struct {
		Defaults []struct {
			Ext string `xml:"Extension,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal([]byte(parts["[Content_Types].xml"]), &ct); err != nil {
		t.Fatal(err)
	}
	exts, over := map[string]bool{}, map[string]bool{}
	for _, d := range ct.Defaults {
		exts[strings.ToLower(d.Ext)] = true
	}
	for _, o := range ct.Overrides {
		over[o.Part] = true
		if _, ok := parts[strings.TrimPrefix(o.Part, "/")]; !ok {
			t.Errorf("[Content_Types].xml overrides %s, which is not in the zip", o.Part)
		}
	}
	for name := range parts {
		if name == "[Content_Types].xml" {
			continue
		}
		ext := strings.TrimPrefix(path.Ext(name), ".")
		if !over["/"+name] && !exts[ext] {
			t.Errorf("part %s has no content type", name)
		}
	}
	if !over["/word/document.xml"] {
		t.Error("document.xml has no main-document override")
	}
	// Relationships point at parts that exist.
	for name, body := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels struct {
			Rel []struct {
				Target string `xml:"Target,attr"`
				Mode   string `xml:"TargetMode,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal([]byte(body), &rels); err != nil {
			t.Fatal(err)
		}
		base := path.Dir(path.Dir(name)) // _rels/x.rels -> its source's folder
		for _, r := range rels.Rel {
			if r.Mode == "External" {
				continue
			}
			target := path.Clean(path.Join(base, r.Target))
			if strings.HasPrefix(r.Target, "/") {
				target = strings.TrimPrefix(r.Target, "/")
			}
			if _, ok := parts[target]; !ok {
				t.Errorf("%s: relationship target %s missing", name, target)
			}
		}
	}
	checkTables(t, parts["word/document.xml"])
	return parts
}

func wellFormed(t *testing.T, name string, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
}

// checkTables asserts every table has a grid, every row's spans add up to
// the grid, and every cell ends with a paragraph.
func checkTables(t *testing.T, doc string) {
	t.Helper()
	type tbl struct{ grid, row int }
	var stack []*tbl
	d := xml.NewDecoder(strings.NewReader(doc))
	span := 1
	var last string // the last element closed inside a cell
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tbl":
				stack = append(stack, &tbl{})
			case "gridCol":
				stack[len(stack)-1].grid++
			case "tr":
				if stack[len(stack)-1].grid == 0 {
					t.Fatal("a table row before (or without) its tblGrid")
				}
				stack[len(stack)-1].row = 0
			case "tc":
				span = 1
			case "gridSpan":
				for _, a := range e.Attr {
					if a.Name.Local == "val" {
						span, _ = strconv.Atoi(a.Value)
					}
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "tc":
				if last != "p" {
					t.Errorf("a cell ends with <%s>, not a paragraph", last)
				}
				stack[len(stack)-1].row += span
			case "tr":
				tb := stack[len(stack)-1]
				if tb.row != tb.grid {
					t.Errorf("a row spans %d columns, the grid has %d", tb.row, tb.grid)
				}
			case "tbl":
				stack = stack[:len(stack)-1]
			}
			last = e.Name.Local
		}
	}
	if !strings.Contains(doc, "<w:tblGrid>") && strings.Contains(doc, "<w:tbl>") {
		t.Error("tables without grids")
	}
}

// plainText is the document's text, paragraphs on lines.
func plainText(t *testing.T, doc string) string {
	t.Helper()
	var b strings.Builder
	d := xml.NewDecoder(strings.NewReader(doc))
	inT := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inT = e.Name.Local == "t"
			if e.Name.Local == "br" {
				b.WriteString("\n")
			}
		case xml.EndElement:
			inT = false
			if e.Name.Local == "p" {
				b.WriteString("\n")
			}
		case xml.CharData:
			if inT {
				b.Write(e)
			}
		}
	}
}

// a4 asserts the A4 page and the Decree 30 margins and font.
func a4(t *testing.T, parts map[string]string) {
	t.Helper()
	doc := parts["word/document.xml"]
	if !strings.Contains(doc, `<w:pgSz w:w="11906" w:h="16838" w:code="9"/>`) {
		t.Error("page is not A4 (pgSz 11906 x 16838, code 9)")
	}
	if !strings.Contains(doc, `<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"`) {
		t.Error("margins are not 20/15/20/30 mm")
	}
	if !strings.Contains(parts["word/styles.xml"], `w:ascii="Times New Roman"`) || !strings.Contains(parts["word/styles.xml"], `w:cs="Times New Roman"`) {
		t.Error("default font is not Times New Roman")
	}
}
