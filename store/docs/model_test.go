package docs

import (
	"encoding/xml"
	"strconv"
	"strings"
	"testing"
)

// What a reader of the .docx sees of each paragraph: the properties that
// carry the Decree 30/2020 points (keep-with-next, keep-lines, borders,
// indents) and its runs with their size and weight. Tests read these from
// the XML Word and LibreOffice read, not from the writer's own structs.

type xRun struct {
	Text       string
	Bold, Ital bool
	Size       float64 // points; 0 = the document default
}

type xPara struct {
	KeepNext, KeepLines bool
	TopRule             bool
	IndL, IndR          int
	Before              int // twips
	Align               string
	Runs                []xRun
	Table, Row, Cell    int // table index (-1: body), row and cell in it
	RowCantSplit        bool
	Text                string
}

func (p xPara) size(def float64) float64 {
	for _, r := range p.Runs {
		if strings.TrimSpace(r.Text) != "" {
			return cmpF(r.Size, def)
		}
	}
	return def
}

func cmpF(v, def float64) float64 {
	if v == 0 {
		return def
	}
	return v
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// paragraphs reads every paragraph of document.xml in order, those in
// tables with their table, row and cell (nested tables are not used).
func paragraphs(t *testing.T, doc string) []xPara {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	var out []xPara
	var p *xPara
	var r *xRun
	table, row, cell := -1, -1, -1
	tables := 0
	cantSplit := false
	inPPr, inRPr, inT, inPBdr := false, false, false, false
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tbl":
				table, row = tables, -1
				tables++
			case "tr":
				row, cell, cantSplit = row+1, -1, false
			case "cantSplit":
				cantSplit = true
			case "tc":
				cell++
			case "p":
				p = &xPara{Table: table, Row: row, Cell: cell, RowCantSplit: cantSplit && table >= 0}
			case "pPr":
				inPPr = true
			case "pBdr":
				inPBdr = true
			case "top":
				if inPBdr && p != nil {
					p.TopRule = attr(e, "val") == "single"
				}
			case "keepNext":
				if inPPr && p != nil {
					p.KeepNext = true
				}
			case "keepLines":
				if inPPr && p != nil {
					p.KeepLines = true
				}
			case "ind":
				if inPPr && p != nil {
					p.IndL, _ = strconv.Atoi(attr(e, "left"))
					p.IndR, _ = strconv.Atoi(attr(e, "right"))
				}
			case "spacing":
				if inPPr && p != nil {
					p.Before, _ = strconv.Atoi(attr(e, "before"))
				}
			case "jc":
				if inPPr && p != nil {
					p.Align = attr(e, "val")
				}
			case "r":
				if p != nil {
					p.Runs = append(p.Runs, xRun{})
					r = &p.Runs[len(p.Runs)-1]
				}
			case "rPr":
				inRPr = !inPPr
			case "b":
				if inRPr && r != nil {
					r.Bold = true
				}
			case "i":
				if inRPr && r != nil {
					r.Ital = true
				}
			case "sz":
				if inRPr && r != nil {
					n, _ := strconv.Atoi(attr(e, "val"))
					r.Size = float64(n) / 2
				}
			case "t":
				inT = true
			case "br":
				if r != nil {
					r.Text += "\n"
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "tbl":
				table, row, cell = -1, -1, -1
			case "pPr":
				inPPr = false
			case "pBdr":
				inPBdr = false
			case "rPr":
				inRPr = false
			case "t":
				inT = false
			case "r":
				r = nil
			case "p":
				if p != nil {
					for _, x := range p.Runs {
						p.Text += x.Text
					}
					out = append(out, *p)
					p = nil
				}
			}
		case xml.CharData:
			if inT && r != nil {
				r.Text += string(e)
			}
		}
	}
	return out
}

// find is the first paragraph whose text starts with prefix.
func find(t *testing.T, ps []xPara, prefix string) (int, xPara) {
	t.Helper()
	for i, p := range ps {
		if strings.HasPrefix(p.Text, prefix) {
			return i, p
		}
	}
	t.Fatalf("no paragraph starts with %q", prefix)
	return -1, xPara{}
}

// runOf is the first run of p whose text contains s.
func runOf(t *testing.T, p xPara, s string) xRun {
	t.Helper()
	for _, r := range p.Runs {
		if strings.Contains(r.Text, s) {
			return r
		}
	}
	t.Fatalf("no run with %q in %q", s, p.Text)
	return xRun{}
}
