package docs

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"
)

// This file is a minimal WordprocessingML writer. godocx was tried first,
// but it embeds pictures only from files on disk (each QR code would need
// a temporary file), its A4 constant writes Letter's paper code, and its
// template brings Calibri styles we would have to override run by run.
// Writing the few parts a document needs keeps every byte under our
// control, so the tests can check exactly what Word and LibreOffice read.

// Page geometry in twips (1/1440 inch; 1 mm = 56.7 twips).
const (
	a4W = 11906
	a4H = 16838
	// Decree 30/2020: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
	marginTop    = 1134 // 20 mm
	marginBottom = 1134 // 20 mm
	marginLeft   = 1701 // 30 mm
	marginRight  = 851  // 15 mm
	// textW is the width between the margins.
	textW = a4W - marginLeft - marginRight
)

const font = "Times New Roman"

// run is a piece of text with one formatting.
type run struct {
	text              string
	bold, ital, under bool
	size              int // points; 0 = the document default
	br                bool
	raw               string // ready-made run XML (pictures)
}

func t(s string) run        { return run{text: s} }
func b(s string) run        { return run{text: s, bold: true} }
func it(s string) run       { return run{text: s, ital: true} }
func sz(r run, n int) run   { r.size = n; return r }
func lineBreak() run        { return run{br: true} }
func bi(s string) run       { return run{text: s, bold: true, ital: true} }
func withU(r run) run       { r.under = true; return r }
func rawRun(xml string) run { return run{raw: xml} }

// para is a paragraph's properties.
type para struct {
	align        string // left, center, right, both
	before       int    // spacing before, points
	after        int    // spacing after, points
	line         int    // line spacing in 240ths (240 = single); 0 = default
	firstLine    int    // first-line indent, twips
	indL, indR   int    // indents, twips
	keepNext     bool
	keepLines    bool // the paragraph's lines stay on one page
	pageBreak    bool // page break before
	topRule      bool // a rule above (the short lines under header blocks)
	size         int  // font size of the paragraph mark, points
	noSpaceAfter bool
}

type docx struct {
	body     []block
	media    [][]byte // PNG pictures, word/media/imageN.png
	title    string
	fontSize int // default size, points
	created  time.Time
	// noPageNumbers leaves out the page number Decree 30/2020 puts in the
	// top margin from page 2 on (invitation cards are cut apart).
	noPageNumbers bool
}

// block is a body paragraph, kept as parts until written so that a
// closing can still bind the last lines of text to the signature
// (keepTail), or ready-made XML (tables).
type block struct {
	p    para
	runs []run
	raw  string
}

func newDocx(title string, fontSize int, created time.Time) *docx {
	return &docx{title: title, fontSize: fontSize, created: created}
}

func esc(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			sb.WriteString("&amp;")
		case '<':
			sb.WriteString("&lt;")
		case '>':
			sb.WriteString("&gt;")
		case '"':
			sb.WriteString("&quot;")
		case '\t':
			sb.WriteString(" ")
		default:
			// XML 1.0 forbids most control characters even escaped.
			if r < 0x20 && r != '\n' && r != '\r' {
				continue
			}
			if r == 0xFFFE || r == 0xFFFF {
				continue
			}
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

func pPr(p para) string {
	var s strings.Builder
	s.WriteString("<w:pPr>")
	if p.keepNext {
		s.WriteString("<w:keepNext/>")
	}
	if p.keepLines {
		s.WriteString("<w:keepLines/>")
	}
	if p.pageBreak {
		s.WriteString("<w:pageBreakBefore/>")
	}
	if p.topRule {
		s.WriteString(`<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>`)
	}
	s.WriteString(fmt.Sprintf(`<w:spacing w:before="%d" w:after="%d"`, p.before*20, p.after*20))
	if p.line > 0 {
		s.WriteString(fmt.Sprintf(` w:line="%d" w:lineRule="auto"`, p.line))
	}
	s.WriteString("/>")
	if p.firstLine != 0 || p.indL != 0 || p.indR != 0 {
		s.WriteString(fmt.Sprintf(`<w:ind w:left="%d" w:right="%d" w:firstLine="%d"/>`, p.indL, p.indR, p.firstLine))
	}
	if p.align != "" {
		s.WriteString(`<w:jc w:val="` + p.align + `"/>`)
	}
	if p.size > 0 {
		s.WriteString(fmt.Sprintf(`<w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, p.size*2, p.size*2))
	}
	s.WriteString("</w:pPr>")
	return s.String()
}

func runXML(r run) string {
	if r.raw != "" {
		return r.raw
	}
	if r.br {
		return "<w:r><w:br/></w:r>"
	}
	var s strings.Builder
	s.WriteString("<w:r>")
	if r.bold || r.ital || r.under || r.size > 0 {
		s.WriteString("<w:rPr>")
		if r.bold {
			s.WriteString("<w:b/><w:bCs/>")
		}
		if r.ital {
			s.WriteString("<w:i/><w:iCs/>")
		}
		if r.size > 0 {
			s.WriteString(fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, r.size*2, r.size*2))
		}
		if r.under {
			s.WriteString(`<w:u w:val="single"/>`)
		}
		s.WriteString("</w:rPr>")
	}
	// A newline inside a text becomes a line break, so multi-line answers
	// keep their shape.
	for i, line := range strings.Split(strings.ReplaceAll(r.text, "\r\n", "\n"), "\n") {
		if i > 0 {
			s.WriteString("<w:br/>")
		}
		s.WriteString(`<w:t xml:space="preserve">` + esc(line) + `</w:t>`)
	}
	s.WriteString("</w:r>")
	return s.String()
}

func paraXML(p para, runs ...run) string {
	var s strings.Builder
	s.WriteString("<w:p>" + pPr(p))
	for _, r := range runs {
		s.WriteString(runXML(r))
	}
	s.WriteString("</w:p>")
	return s.String()
}

// P appends a paragraph.
func (d *docx) P(p para, runs ...run) { d.body = append(d.body, block{p: p, runs: runs}) }

// Raw appends ready-made body XML (from paraXML or rule).
func (d *docx) Raw(xml string) { d.body = append(d.body, block{raw: xml}) }

// keepTail binds the last n paragraphs of text to what follows (the
// signature block): each keeps with the next and the last keeps its lines
// together, so a page break never leaves the signature alone on a page.
// Empty spacer paragraphs in between are bound too but do not count.
func (d *docx) keepTail(n int) {
	last := true
	for i := len(d.body) - 1; i >= 0 && n > 0; i-- {
		bl := &d.body[i]
		if bl.raw != "" {
			return // a table: what precedes it does not run on into the closing
		}
		bl.p.keepNext = true
		if len(bl.runs) > 0 {
			bl.p.keepLines = bl.p.keepLines || last
			last = false
			n--
		}
	}
}

// cell is one table cell: its paragraphs (XML from paraXML), how many grid
// columns it spans, and a fill colour.
type cell struct {
	paras  []string
	span   int
	fill   string
	vAlign string
}

func tc(p para, runs ...run) cell { return cell{paras: []string{paraXML(p, runs...)}} }

// table describes a table: grid widths in twips (always written, Word and
// LibreOffice lay out differently without them), borders or none, rows.
type table struct {
	widths    []int
	borders   bool
	header    int // leading rows repeated on each page
	rows      [][]cell
	rowHeight int // exact height of every row (twips); 0 = auto
	cantSplit bool
}

// Table appends a table.
func (d *docx) Table(tb table) { d.Raw(tableXML(tb)) }

func tableXML(tb table) string {
	var s strings.Builder
	total := 0
	for _, w := range tb.widths {
		total += w
	}
	s.WriteString("<w:tbl><w:tblPr>")
	s.WriteString(fmt.Sprintf(`<w:tblW w:w="%d" w:type="dxa"/>`, total))
	if tb.borders {
		s.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			s.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="auto"/>`)
		}
		s.WriteString(`</w:tblBorders>`)
	} else {
		s.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			s.WriteString(`<w:` + side + ` w:val="nil"/>`)
		}
		s.WriteString(`</w:tblBorders>`)
	}
	s.WriteString(`<w:tblLayout w:type="fixed"/>`)
	s.WriteString(`<w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar>`)
	s.WriteString(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`)
	s.WriteString("</w:tblPr><w:tblGrid>")
	for _, w := range tb.widths {
		s.WriteString(fmt.Sprintf(`<w:gridCol w:w="%d"/>`, w))
	}
	s.WriteString("</w:tblGrid>")
	for ri, row := range tb.rows {
		s.WriteString("<w:tr>")
		if ri < tb.header || tb.rowHeight > 0 || tb.cantSplit {
			s.WriteString("<w:trPr>")
			if tb.cantSplit {
				s.WriteString("<w:cantSplit/>")
			}
			if tb.rowHeight > 0 {
				s.WriteString(fmt.Sprintf(`<w:trHeight w:val="%d" w:hRule="exact"/>`, tb.rowHeight))
			}
			if ri < tb.header {
				s.WriteString("<w:tblHeader/>")
			}
			s.WriteString("</w:trPr>")
		}
		col := 0
		for _, c := range row {
			span := c.span
			if span < 1 {
				span = 1
			}
			w := 0
			for i := col; i < col+span && i < len(tb.widths); i++ {
				w += tb.widths[i]
			}
			col += span
			s.WriteString(fmt.Sprintf(`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w))
			if span > 1 {
				s.WriteString(fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, span))
			}
			if c.fill != "" {
				s.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + c.fill + `"/>`)
			}
			if c.vAlign != "" {
				s.WriteString(`<w:vAlign w:val="` + c.vAlign + `"/>`)
			}
			s.WriteString("</w:tcPr>")
			if len(c.paras) == 0 {
				s.WriteString("<w:p/>")
			}
			for _, p := range c.paras {
				s.WriteString(p)
			}
			s.WriteString("</w:tc>")
		}
		s.WriteString("</w:tr>")
	}
	s.WriteString("</w:tbl>")
	// Two tables in a row would merge; a table must also not end a cell
	// or the body, so a paragraph always follows.
	s.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>`)
	return s.String()
}

// Picture adds a PNG and returns the run that shows it inline at w x h mm.
func (d *docx) Picture(png []byte, wMM, hMM float64, name string) run {
	d.media = append(d.media, png)
	n := len(d.media)
	const emuPerMM = 36000
	cx, cy := int(wMM*emuPerMM), int(hMM*emuPerMM)
	return rawRun(fmt.Sprintf(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`+
		`<wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="%d" name="%s"/>`+
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">`+
		`<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="%d" name="image%d.png"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="rIdImg%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>`+
		`</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`, cx, cy, n, esc(name), n, n, n, cx, cy))
}

const nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func (d *docx) documentXML() string {
	var body strings.Builder
	for _, bl := range d.body {
		if bl.raw != "" {
			body.WriteString(bl.raw)
		} else {
			body.WriteString(paraXML(bl.p, bl.runs...))
		}
	}
	// The page number sits in the top margin from page 2 on: a default
	// header with the PAGE field, an empty one for the first page
	// (titlePg).
	headers, titlePg := "", ""
	if !d.noPageNumbers {
		headers = `<w:headerReference w:type="default" r:id="rIdHdrPage"/><w:headerReference w:type="first" r:id="rIdHdrFirst"/>`
		titlePg = `<w:titlePg/>`
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + nsW + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"` +
		` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>` +
		body.String() +
		`<w:sectPr>` + headers + fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d" w:code="9"/>`+
		`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/>`+
		`<w:cols w:space="720"/>`, a4W, a4H, marginTop, marginRight, marginBottom, marginLeft) + titlePg + `</w:sectPr>` +
		`</w:body></w:document>`
}

// pageNumberSize is the size of the page number (Decree 30/2020: 13–14,
// upright).
const pageNumberSize = 13

// headerXML is a header part: the page number centred, or nothing.
func headerXML(pageNumber bool) string {
	p := `<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>`
	if pageNumber {
		rPr := fmt.Sprintf(`<w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, pageNumberSize*2, pageNumberSize*2)
		p = `<w:p><w:pPr><w:jc w:val="center"/>` + rPr + `</w:pPr>` +
			`<w:r>` + rPr + `<w:fldChar w:fldCharType="begin"/></w:r>` +
			`<w:r>` + rPr + `<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
			`<w:r>` + rPr + `<w:fldChar w:fldCharType="separate"/></w:r>` +
			`<w:r>` + rPr + `<w:t>2</w:t></w:r>` +
			`<w:r>` + rPr + `<w:fldChar w:fldCharType="end"/></w:r></w:p>`
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:hdr ` + nsW + `>` + p + `</w:hdr>`
}

func (d *docx) stylesXML() string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:styles ` + nsW + `><w:docDefaults><w:rPrDefault><w:rPr>` +
		`<w:rFonts w:ascii="` + font + `" w:hAnsi="` + font + `" w:eastAsia="` + font + `" w:cs="` + font + `"/>` +
		fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, d.fontSize*2, d.fontSize*2) +
		`<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
		`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`
}

const settingsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<w:settings ` + nsW + `><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

func (d *docx) coreXML() string {
	ts := d.created.UTC().Format("2006-01-02T15:04:05Z")
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"` +
		` xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(d.title) + `</dc:title><dc:creator>doithoai</dc:creator><dc:language>vi-VN</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:modified></cp:coreProperties>`
}

const appXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>doithoai</Application></Properties>`

// Write writes the document as a .docx (a zip of XML parts).
func (d *docx) Write(w io.Writer) error {
	z := zip.NewWriter(w)
	ct := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`
	if len(d.media) > 0 {
		ct += `<Default Extension="png" ContentType="image/png"/>`
	}
	ct += `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`
	if !d.noPageNumbers {
		for _, h := range []string{"header1", "header2"} {
			ct += `<Override PartName="/word/` + h + `.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`
		}
	}
	ct += `</Types>`
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`
	var docRels strings.Builder
	docRels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>`)
	if !d.noPageNumbers {
		docRels.WriteString(`<Relationship Id="rIdHdrPage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
			`<Relationship Id="rIdHdrFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>`)
	}
	for i := range d.media {
		docRels.WriteString(fmt.Sprintf(`<Relationship Id="rIdImg%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image%d.png"/>`, i+1, i+1))
	}
	docRels.WriteString(`</Relationships>`)
	type part struct {
		name string
		data []byte
	}
	parts := []part{
		{"[Content_Types].xml", []byte(ct)},
		{"_rels/.rels", []byte(rels)},
		{"docProps/core.xml", []byte(d.coreXML())},
		{"docProps/app.xml", []byte(appXML)},
		{"word/document.xml", []byte(d.documentXML())},
		{"word/styles.xml", []byte(d.stylesXML())},
		{"word/settings.xml", []byte(settingsXML)},
		{"word/_rels/document.xml.rels", []byte(docRels.String())},
	}
	if !d.noPageNumbers {
		parts = append(parts, part{"word/header1.xml", []byte(headerXML(true))}, part{"word/header2.xml", []byte(headerXML(false))})
	}
	for i, m := range d.media {
		parts = append(parts, part{fmt.Sprintf("word/media/image%d.png", i+1), m})
	}
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: d.created})
		if err != nil {
			return err
		}
		if _, err := f.Write(p.data); err != nil {
			return err
		}
	}
	return z.Close()
}
