// Package docs builds the documents the office needs before and after the
// day (attendance list and sign-in sheet, minutes, follow-up list,
// conclusion notice draft, invitation cards) from a snapshot of a meeting,
// as .xlsx, .csv, .docx or .md. It only reads the store, except that a
// sign-in sheet first gives every delegate a sheet number.
package docs

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"doithoai/store"
)

// Kind is a document.
type Kind string

const (
	Attendance  Kind = "attendance"  // danh sách điểm danh
	Signin      Kind = "signin"      // danh sách ký tên (printed before the day)
	Minutes     Kind = "minutes"     // biên bản
	Followup    Kind = "followup"    // theo dõi trả lời bằng văn bản
	Conclusion  Kind = "conclusion"  // dự thảo thông báo kết luận
	Invitations Kind = "invitations" // giấy mời
	Briefing    Kind = "briefing"    // tài liệu phục vụ đối thoại (for the Chairman, before the day)
	Script      Kind = "script"      // kịch bản chương trình (the MC's words)
	Results     Kind = "results"     // thông báo kết quả trả lời ý kiến, kiến nghị (after the day)
	Report      Kind = "report"      // báo cáo kết quả giải quyết ý kiến, kiến nghị
	Register    Kind = "register"    // sổ theo dõi (the follow-up register)
	Reminders   Kind = "reminders"   // công văn đôn đốc, one file per agency with an overdue answer
)

// Kinds lists every document in the order the reports station shows them.
var Kinds = []Kind{Attendance, Signin, Minutes, Followup, Conclusion, Invitations, Briefing, Script, Register, Results, Report, Reminders}

// Format is a file format.
type Format string

const (
	XLSX Format = "xlsx"
	CSV  Format = "csv"
	DOCX Format = "docx"
	MD   Format = "md"
)

var formats = map[Kind][]Format{
	Attendance:  {XLSX, CSV, DOCX},
	Signin:      {XLSX, CSV, DOCX},
	Minutes:     {DOCX, MD},
	Followup:    {XLSX, DOCX},
	Conclusion:  {DOCX},
	Invitations: {DOCX},
	Briefing:    {DOCX},
	Script:      {DOCX},
	Register:    {XLSX, CSV},
	Results:     {DOCX},
	Report:      {DOCX},
	Reminders:   {DOCX},
}

// Batch reports whether kind is written as several files into a folder
// (ExportBatch), not as one (Write, Export).
func Batch(k Kind) bool { return k == Reminders }

// ExportBatch writes a batch kind into dir and returns the files (none
// when there is nothing to write: no answer overdue).
func ExportBatch(ctx context.Context, st *store.Store, k Kind, dir string, o Options) ([]string, error) {
	if k != Reminders {
		return nil, fmt.Errorf("%w: %s is one file", ErrFormat, k)
	}
	return ExportOverdueReminders(ctx, st, dir, o)
}

// Formats lists the formats of kind, the first being the default.
func Formats(k Kind) []Format { return formats[k] }

// ParseKind returns the kind named s.
func ParseKind(s string) (Kind, bool) {
	_, ok := formats[Kind(s)]
	return Kind(s), ok
}

// Supports reports whether kind can be written as f.
func Supports(k Kind, f Format) bool {
	for _, x := range formats[k] {
		if x == f {
			return true
		}
	}
	return false
}

// Options tune a document.
type Options struct {
	// WithContacts adds phone numbers; every export leaves them out
	// otherwise.
	WithContacts bool
	// Loc is the time zone of arrival times (time.Local when nil).
	Loc *time.Location
	// Now stamps the file (time.Now when zero).
	Now time.Time
	// Roll says whom the script's introductions list (RollAuto decides
	// from whether the meeting has started or anyone has arrived).
	Roll Roll
}

func (o *Options) fill() {
	if o.Loc == nil {
		o.Loc = time.Local
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
}

// Snapshot is everything a document reads, taken once so that a document
// is consistent with itself.
type Snapshot struct {
	Meeting   store.Meeting
	Topics    []string
	Units     []store.Unit
	Groups    []store.Group
	Delegates []store.Delegate
	Agenda    []store.AgendaItem
	Petitions []store.Petition
	Questions []store.Question
	Speakers  []store.Speaker // every queue, removed entries left out
	Apologies []store.Apology
	// Carried are the obligations carried open from the previous meeting
	// (read for the Chairman's briefing only: it derives the register).
	Carried []store.Obligation
	// Register is the follow-up register as of today in the meeting's
	// zone, read (loadRegister) for the documents that need it.
	Register *store.Register
}

// Load reads a snapshot of the meeting.
func Load(ctx context.Context, st *store.Store) (*Snapshot, error) {
	var s Snapshot
	var err error
	if s.Meeting, err = st.Meeting(ctx); err != nil {
		return nil, fmt.Errorf("meeting: %w", err)
	}
	if s.Topics, err = st.Topics(ctx); err != nil {
		return nil, err
	}
	if s.Units, err = st.Units(ctx); err != nil {
		return nil, err
	}
	if s.Groups, err = st.Groups(ctx); err != nil {
		return nil, err
	}
	if s.Delegates, err = st.Delegates(ctx); err != nil {
		return nil, err
	}
	if s.Agenda, err = st.Agenda(ctx); err != nil {
		return nil, err
	}
	if s.Petitions, err = st.Petitions(ctx); err != nil {
		return nil, err
	}
	if s.Questions, err = st.Questions(ctx, 0); err != nil {
		return nil, err
	}
	if s.Speakers, err = st.Speakers(ctx, 0); err != nil {
		return nil, err
	}
	if s.Apologies, err = st.Apologies(ctx); err != nil {
		return nil, err
	}
	return &s, nil
}

// Write writes document k in format f to w.
func Write(w io.Writer, s *Snapshot, k Kind, f Format, o Options) error {
	if !Supports(k, f) {
		return fmt.Errorf("%w: %s cannot be written as %s", ErrFormat, k, f)
	}
	o.fill()
	if Batch(k) {
		return fmt.Errorf("%w: %s are written one file each (ExportBatch)", ErrFormat, k)
	}
	switch k {
	case Attendance, Signin:
		return writeAttendance(w, s, k == Signin, f, o)
	case Minutes:
		return writeMinutes(w, s, f, o)
	case Followup:
		return writeFollowup(w, s, f, o)
	case Conclusion:
		return writeConclusion(w, s, o)
	case Invitations:
		return writeInvitations(w, s, o)
	case Briefing:
		return writeBriefing(w, s, o)
	case Script:
		return writeScript(w, s, o)
	case Register, Results, Report:
		switch k {
		case Register:
			return WriteRegister(w, s.register(o), f, false, o)
		case Results:
			return writeResults(w, s, o)
		}
		return writeReport(w, s, o)
	}
	return fmt.Errorf("%w: %s", ErrFormat, k)
}

// ErrFormat is returned for an unknown kind or a kind/format pair that does
// not exist.
var ErrFormat = fmt.Errorf("unsupported document")

// Export takes a snapshot and writes document k to path. The file appears
// whole or not at all (written beside it, then renamed). A sign-in sheet
// first numbers every delegate that has no sheet number.
func Export(ctx context.Context, st *store.Store, k Kind, f Format, path string, o Options) error {
	if !Supports(k, f) {
		return fmt.Errorf("%w: %s cannot be written as %s", ErrFormat, k, f)
	}
	if k == Signin {
		if _, err := st.AssignSheetNumbers(ctx); err != nil {
			return fmt.Errorf("sheet numbers: %w", err)
		}
	}
	s, err := Load(ctx, st)
	if err != nil {
		return err
	}
	switch k {
	case Briefing:
		if err := s.loadCarried(ctx, st); err != nil {
			return err
		}
	case Register, Results, Report:
		if err := s.loadRegister(ctx, st); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, s, k, f, o); err != nil {
		return err
	}
	return writeFileAtomic(path, buf.Bytes())
}

func writeFileAtomic(path string, data []byte) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(name)
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Chmod(name, 0o644); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// FileName is the default file name of a document, in Vietnamese without
// accents so that every system and e-mail client keeps it intact.
func FileName(k Kind, f Format, m store.Meeting) string {
	base := map[Kind]string{
		Attendance:  "danh-sach-diem-danh",
		Signin:      "danh-sach-ky-ten",
		Minutes:     "bien-ban-doi-thoai",
		Followup:    "theo-doi-tra-loi",
		Conclusion:  "du-thao-thong-bao-ket-luan",
		Invitations: "giay-moi",
		Briefing:    "tai-lieu-phuc-vu-doi-thoai",
		Script:      "kich-ban-chuong-trinh",
		Register:    "so-theo-doi-tra-loi",
		Results:     "thong-bao-ket-qua-tra-loi",
		Report:      "bao-cao-ket-qua-giai-quyet",
		Reminders:   "don-doc-tra-loi-sau-doi-thoai",
	}[k]
	if m.Date != "" {
		base += "-" + m.Date
	}
	return base + "." + string(f)
}

// ExportDir is the default output folder: "exports" beside the meeting file.
func ExportDir(meetingPath string) string {
	return filepath.Join(filepath.Dir(meetingPath), "exports")
}

// --- shared helpers ---

// vnDate writes YYYY-MM-DD as dd/mm/yyyy (empty stays empty).
func vnDate(iso string) string {
	d, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return d.Format("02/01/2006")
}

// longDate writes "ngày 18 tháng 10 năm 2023" as Decree 30/2020/NĐ-CP
// (Phụ lục I) writes dates: a day below 10 and the months 1 and 2 take a
// leading zero, the other months do not ("ngày 05 tháng 02 năm 2023",
// "ngày 08 tháng 9 năm 2023").
func longDate(iso string) string {
	d, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	month := fmt.Sprint(int(d.Month()))
	if d.Month() <= time.February {
		month = "0" + month
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", d.Day(), month, d.Year())
}

func year(iso string) string {
	if len(iso) >= 4 {
		return iso[:4]
	}
	return ""
}

// upper uppercases Vietnamese text; strings.ToUpper handles the precomposed
// letters (NFC), which is what the store keeps.
func upper(s string) string { return strings.ToUpper(s) }

// hhmm is the local clock time of t ("" when zero); on another day than
// the meeting it adds the date.
func hhmm(t time.Time, o Options, meetingDate string) string {
	if t.IsZero() {
		return ""
	}
	lt := t.In(o.Loc)
	if meetingDate != "" && lt.Format("2006-01-02") != meetingDate {
		return lt.Format("02/01 15:04")
	}
	return lt.Format("15:04")
}

// heldOn is the day (YYYY-MM-DD, local) the meeting actually took place,
// against which clock times print without a date: the day the agenda
// started; before that, the planned date if anyone arrived on it, else the
// day most delegates arrived (a meeting moved to another day, or the demo
// tried out today); else the planned date.
func (s *Snapshot) heldOn(o Options) string {
	var first time.Time
	for _, a := range s.Agenda {
		if !a.StartedAt.IsZero() && (first.IsZero() || a.StartedAt.Before(first)) {
			first = a.StartedAt
		}
	}
	if !first.IsZero() {
		return first.In(o.Loc).Format("2006-01-02")
	}
	days := map[string]int{}
	best := ""
	for _, d := range s.Delegates {
		if d.ArrivedAt.IsZero() {
			continue
		}
		day := d.ArrivedAt.In(o.Loc).Format("2006-01-02")
		days[day]++
		if best == "" || days[day] > days[best] || (days[day] == days[best] && day < best) {
			best = day
		}
	}
	if best == "" || days[s.Meeting.Date] > 0 {
		return s.Meeting.Date
	}
	return best
}

// docDay is the date a document carries: the planned date on what is
// printed before the day (the sign-in sheet; the invitations write it
// themselves), the day it was held on every record of the meeting as it
// ran (attendance, minutes, follow-up list, conclusion).
func (s *Snapshot) docDay(before bool, o Options) string {
	if before {
		return s.Meeting.Date
	}
	return s.heldOn(o)
}

// unitNames maps unit id to unit.
func (s *Snapshot) unit(id int64) store.Unit {
	for _, u := range s.Units {
		if u.ID == id {
			return u
		}
	}
	return store.Unit{}
}

var outcomeVI = map[store.Outcome]string{
	store.OutcomeSpot:     "Đã trả lời trực tiếp tại hội nghị",
	store.OutcomeWritten:  "Trả lời bằng văn bản",
	store.OutcomeReferred: "Chuyển cấp có thẩm quyền",
	store.OutcomeNoted:    "Tiếp thu",
}
