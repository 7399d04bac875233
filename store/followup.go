package store

// The follow-up register (sổ theo dõi): every promise born of the meeting,
// followed until its written answer arrives. This is the API the
// follow-up station (tui/followup) and the documents (store/docs) use.
//
// # Obligations
//
// An Obligation is derived on read, never typed: Register builds the list
// from the meeting file each time it is called.
//
//   - each answer whose outcome is a written answer (OutcomeWritten): owed
//     by the answer's FollowupAgency by its DueDate;
//   - each referral to a higher level (OutcomeReferred): owed by the agency
//     named to take it up (or none), by the answer's due date if one was
//     given, else PetitionDueDays after the meeting; a receipt with
//     ResultForwarded records the letter that passed it on, and to whom
//     (ReferredTo);
//   - each petition sent before the day (kiến nghị) that was not raised,
//     or raised but not settled (no answer on the spot, in writing or by
//     referral): owed by its assigned agency, PetitionDueDays after the
//     meeting;
//   - each item carried from the previous meeting's register by
//     `init --carry-from` (Carried, shown "từ kỳ trước"), with its own due
//     date.
//
// Each has a stable Key: "a12" (answer 12), "p3" (petition 3), "c7"
// (carried item 7). Receipts and extensions are stored against the key,
// so they stay attached whatever the qa station does to the answer later.
// Each records the obligation as it stood (agency, due date); when the
// answer is edited afterwards the obligation carries a Drift saying what
// it was, until AcceptDrift acknowledges it. An answer changed to an
// outcome that owes nothing keeps its obligation in the register while
// receipts or extensions are attached to it (Orphan), so nothing recorded
// ever disappears from view.
//
// # Status
//
// Status is derived from dates and receipts, in the meeting's calendar
// (Store.Zone: UTC+7 unless set otherwise, whatever the machine's zone):
// StatusNotDue (chưa đến hạn), StatusDueSoon (sắp đến hạn, due in at most
// DueSoonDays days), StatusOverdue (quá hạn Days ngày), StatusAnswered
// (đã trả lời, OnTime or Days late), StatusForwarded (đã chuyển). The
// receipts and extensions of an obligation are read in the order they
// were recorded: an extension or a ResultFurther receipt sets a new due
// date and reopens the matter; a ResultSettled, ResultAnswered or
// ResultForwarded receipt closes it, on time if the document is dated on
// or before the due date then in force.
//
// # Reading
//
//	reg, err := st.Register(ctx)          // today in the meeting's zone
//	reg, err := st.RegisterAsOf(ctx, day) // as of another day (YYYY-MM-DD)
//	list := reg.Filter(store.RegisterFilter{Agency: "…", Statuses: …, Text: "lao dong"})
//	sums, total := reg.ByAgency()         // owed, on time, late, overdue, rate
//
// Register lists overdue items first (most overdue first), then those due
// soon, not yet due, forwarded and answered. OpenRegister reads another
// meeting file without changing it, and MergeRegisters joins several
// (doithoai export register --db a.db --db b.db).
//
// # Writing (PermFollowup: the followup and admin roles)
//
//	rc, err := st.RecordReceipt(ctx, store.ReceiptInput{Obligation: key,
//		DocNo: "Số 123/LĐTBXH-VL ngày 20/11/2023", Signer: …, Summary: …,
//		Result: store.ResultSettled, File: "/path/scan.pdf"})
//	err = st.UpdateReceipt(ctx, id, in)   // a correction (the file is kept unless in.File is set)
//	err = st.VoidReceipt(ctx, id, true)   // undo; false restores it
//	ex, err := st.Extend(ctx, key, "2023-12-15", "Chờ ý kiến của Sở")
//	err = st.VoidExtension(ctx, id, true)
//	err = st.AcceptDrift(ctx, key)
//	path, err := st.ReceiptFile(ctx, id)  // the scanned copy, checked against its SHA-256
//
// Every write is one audited transaction ("receipt", "extension",
// "carried" entities). Refusals return before anything is saved: a
// FieldError (ErrInvalid) for a document dated before the meeting or
// after today, a number line without a number, a missing or bad due
// date; a *DocNumberError (ErrDuplicate) for a number already recorded
// from another agency; a *FileError for a scanned copy that is missing,
// unreadable, not a PDF or image, or over MaxAttachment bytes. The
// scanned copy is copied and synced under its content's hash before the
// row is committed, so a committed row never points at a missing file (a
// crash in between leaves at worst a file no row names). The tui package
// tui/sysopen opens it with the system viewer.
//
// Linking a question of this meeting to a carried item (LinkCarried) is
// the secretary's (PermQA): a carried item raised again and answered on
// the spot counts as answered on the day.

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DueSoonDays: an obligation due within this many days is "sắp đến hạn".
const DueSoonDays = 3

// PetitionDueDays is the time an agency has, from the meeting, to answer
// in writing a petition not settled there, or a referral given no date.
const PetitionDueDays = 30

// ObligationKind says where an obligation comes from.
type ObligationKind string

const (
	KindWritten  ObligationKind = "written"  // an answer promised in writing
	KindReferred ObligationKind = "referred" // a referral to a higher level
	KindPetition ObligationKind = "petition" // a petition not raised or not settled
)

// StatusKind is an obligation's derived status.
type StatusKind int

const (
	StatusOverdue   StatusKind = iota // quá hạn Days ngày
	StatusDueSoon                     // sắp đến hạn (Days left, 0 = today)
	StatusNotDue                      // chưa đến hạn (Days left)
	StatusForwarded                   // đã chuyển
	StatusAnswered                    // đã trả lời: đúng hạn, or trễ Days ngày
)

// StatusKinds lists every status in the register's order.
var StatusKinds = []StatusKind{StatusOverdue, StatusDueSoon, StatusNotDue, StatusForwarded, StatusAnswered}

func (k StatusKind) String() string {
	return [...]string{"overdue", "due-soon", "not-due", "forwarded", "answered"}[k]
}

// Status is what the dates and receipts say of an obligation on a day.
type Status struct {
	Kind StatusKind
	// Days: overdue by, days left (not due, due soon), or days late
	// (answered or forwarded after the due date; 0 = on time).
	Days int
	// On is the date of the document that closed it (answered, forwarded).
	On string
}

// Open reports whether the obligation still waits for an answer.
func (s Status) Open() bool { return s.Kind <= StatusNotDue }

// OnTime reports whether a closed obligation was answered by its due date.
func (s Status) OnTime() bool { return !s.Open() && s.Days == 0 }

// Result is what a received answer does to its obligation.
type Result string

const (
	ResultSettled   Result = "settled"   // giải quyết dứt điểm
	ResultAnswered  Result = "answered"  // đã trả lời, chưa giải quyết dứt điểm
	ResultFurther   Result = "further"   // cần tiếp tục theo dõi, with a new due date
	ResultForwarded Result = "forwarded" // chuyển cấp có thẩm quyền (a referral passed on)
)

// Results lists every result.
var Results = []Result{ResultSettled, ResultAnswered, ResultFurther, ResultForwarded}

// Receipt is a written answer received (văn bản trả lời).
type Receipt struct {
	ID          int64  `json:"id"`
	Obligation  string `json:"obligation"`
	DocNo       string `json:"doc_no"`   // "123/LĐTBXH-VL"
	DocDate     string `json:"doc_date"` // YYYY-MM-DD
	AgencyID    int64  `json:"agency_id,omitempty"`
	Signer      string `json:"signer,omitempty"`
	Summary     string `json:"summary,omitempty"`
	Result      Result `json:"result"`
	NextDue     string `json:"next_due,omitempty"`     // ResultFurther
	ForwardedTo string `json:"forwarded_to,omitempty"` // ResultForwarded
	// The scanned copy: its name in AttachmentDir, SHA-256 (hex), size,
	// and the name it was attached from.
	File       string    `json:"file,omitempty"`
	FileSHA256 string    `json:"file_sha256,omitempty"`
	FileSize   int64     `json:"file_size,omitempty"`
	FileOrig   string    `json:"file_orig,omitempty"`
	BasisAgent int64     `json:"basis_agency,omitempty"` // the obligation's agency when recorded
	BasisDue   string    `json:"basis_due,omitempty"`    // and its base due date
	CreatedAt  time.Time `json:"created_at"`
	Voided     bool      `json:"voided,omitempty"`

	Agency string `json:"-"`
}

// Extension is a new due date given with its reason (gia hạn).
type Extension struct {
	ID         int64     `json:"id"`
	Obligation string    `json:"obligation"`
	NewDue     string    `json:"new_due"`
	Reason     string    `json:"reason"`
	BasisAgent int64     `json:"basis_agency,omitempty"`
	BasisDue   string    `json:"basis_due,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
	Voided     bool      `json:"voided,omitempty"`
}

// Drift is the obligation as it stood when something was recorded
// against it, shown while the qa station's later edit is unacknowledged.
type Drift struct {
	AgencyID int64
	Agency   string
	Due      string
}

// Obligation is one promise of the meeting (see the top of this file).
type Obligation struct {
	Key  string
	Kind ObligationKind
	// Source ids in the meeting file (0 when not that kind).
	QuestionID, AnswerID, PetitionID, CarriedID int64
	QNo                                         int // the question's number in the minutes (0: none)
	PetitionNo                                  int // the petition's number (0: none)

	AgencyID   int64
	Agency     string // who owes the answer ("" = not assigned)
	ReferredTo string // a referral's higher level, from its forwarding receipt
	Topic      string
	Asker      string // name
	AskerUnit  string
	Text       string // what was asked
	Said       string // what was answered at the meeting (who: summary)
	BaseDue    string // due date from the meeting (YYYY-MM-DD)
	// DefaultDue: nobody set BaseDue; it is PetitionDueDays after the
	// meeting, which the office should know before it chases anyone.
	DefaultDue bool
	Due        string // the due date in force (after extensions)

	Carried      bool   // from the previous meeting
	Origin       string // its meeting's title
	OriginDay    string // the day it was held
	OriginKey    string // its key there
	History      string // what was recorded there, one line each
	LinkedQNo    int    // the question of this meeting it was raised again as
	LinkedAnswer string // and what was said then (carried items)

	Receipts   []Receipt   // oldest first, voided ones included
	Extensions []Extension // oldest first, voided ones included
	Status     Status
	Drift      *Drift
	Orphan     bool // no longer owed by its answer, kept for what is recorded

	// Meeting and File name the meeting file in a merged register.
	Meeting string
	File    string

	folded     string // search text
	held       string // the meeting's day
	linkedSpot bool   // carried, raised again and answered on the spot
}

// Active returns the receipts not voided.
func (o Obligation) ActiveReceipts() []Receipt {
	var out []Receipt
	for _, r := range o.Receipts {
		if !r.Voided {
			out = append(out, r)
		}
	}
	return out
}

// Register is the derived register of one meeting (or several merged).
type Register struct {
	Meeting Meeting
	HeldOn  string // YYYY-MM-DD
	// Ran: the meeting has run (its agenda started or a question was
	// recorded); until then its petitions owe nothing.
	Ran         bool
	Today       string // the day statuses are computed for
	Obligations []Obligation
	// Units in protocol order (for the per-agency table's order).
	Units []Unit
}

// Zone is the meeting's time zone: day counts and "today" follow it.
func (s *Store) Zone(ctx context.Context) (*time.Location, error) {
	return zoneOf(ctx, s.read())
}

func zoneOf(ctx context.Context, q rowQueryer) (*time.Location, error) {
	var off int
	err := q.QueryRowContext(ctx, `SELECT coalesce((SELECT utc_offset FROM meeting WHERE id = 1), 420)`).Scan(&off)
	if err != nil {
		return nil, mapErr(err)
	}
	return fixedZone(off), nil
}

func fixedZone(minutes int) *time.Location {
	sign := "+"
	m := minutes
	if m < 0 {
		sign, m = "-", -m
	}
	return time.FixedZone(fmt.Sprintf("UTC%s%02d:%02d", sign, m/60, m%60), minutes*60)
}

// SetZone sets the meeting's offset from UTC in minutes (420 = UTC+7).
func (s *Store) SetZone(ctx context.Context, minutes int) error {
	if minutes < -720 || minutes > 840 {
		return invalid("utc_offset", "out of range")
	}
	return s.write(ctx, PermSetup, func(t *Tx) error {
		var old int
		if err := t.queryRow(ctx, `SELECT utc_offset FROM meeting WHERE id = 1`).Scan(&old); err != nil {
			return notFound(err)
		}
		if _, err := t.exec(ctx, `UPDATE meeting SET utc_offset = ? WHERE id = 1`, minutes); err != nil {
			return err
		}
		return t.audit(ctx, "update", "meeting_zone", 1, map[string]int{"utc_offset": old}, map[string]int{"utc_offset": minutes})
	})
}

// Today is the current day (YYYY-MM-DD) in the meeting's zone.
func (s *Store) Today(ctx context.Context) (string, error) {
	loc, err := s.Zone(ctx)
	if err != nil {
		return "", err
	}
	return s.now().In(loc).Format(dayLayout), nil
}

const dayLayout = "2006-01-02"

// heldDay is the day the meeting was held (HeldOn) in its own zone: the
// day its first agenda item started there, else the planned date.
func heldDay(ctx context.Context, q rowQueryer) (string, error) {
	held, _, err := meetingDays(ctx, q, time.Time{})
	return held, err
}

// meetingDays reads, in one query, the day the meeting was held and the
// day now is, both in the meeting's zone.
func meetingDays(ctx context.Context, q rowQueryer, now time.Time) (held, today string, err error) {
	var d meetingRow
	err = q.QueryRowContext(ctx, `SELECT `+meetingDaysCols).Scan(&d.off, &d.day, &d.first)
	if err != nil {
		return "", "", mapErr(err)
	}
	held, today = d.days(now)
	return held, today, nil
}

// meetingDaysCols are what meetingDays reads, as columns another query of
// a write can add to its own (one statement fewer in a receipt's commit).
// min() skips the NULLs of items not started; all are NULL with no
// meeting row yet.
const meetingDaysCols = `(SELECT utc_offset FROM meeting WHERE id = 1), (SELECT date FROM meeting WHERE id = 1), (SELECT min(started_at) FROM agenda_items)`

type meetingRow struct {
	off   sql.NullInt64
	day   sql.NullString
	first sql.NullInt64
}

func (d meetingRow) days(now time.Time) (held, today string) {
	if !d.off.Valid {
		return "", now.In(fixedZone(420)).Format(dayLayout) // no meeting row yet
	}
	loc := fixedZone(int(d.off.Int64))
	held = d.day.String
	if d.first.Valid {
		held = time.UnixMilli(d.first.Int64).In(loc).Format(dayLayout)
	}
	return held, now.In(loc).Format(dayLayout)
}

// DaysBetween counts calendar days from a to b (YYYY-MM-DD), negative
// when b is earlier; 0 if either is not a date.
func DaysBetween(a, b string) int {
	ta, err1 := time.Parse(dayLayout, a)
	tb, err2 := time.Parse(dayLayout, b)
	if err1 != nil || err2 != nil {
		return 0
	}
	// both are midnight UTC: the difference is whole days, no summer time
	return int(tb.Sub(ta).Hours() / 24)
}

// AddDays is day (YYYY-MM-DD) plus n calendar days ("" if day is not one).
func AddDays(day string, n int) string {
	t, err := time.Parse(dayLayout, day)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, n).Format(dayLayout)
}

// Register reads the register as of today in the meeting's zone.
func (s *Store) Register(ctx context.Context) (*Register, error) {
	today, err := s.Today(ctx)
	if err != nil {
		return nil, err
	}
	return s.RegisterAsOf(ctx, today)
}

// RegisterAsOf reads the register with statuses as of day (YYYY-MM-DD).
// It reads in one transaction of the read pool, so it is consistent.
func (s *Store) RegisterAsOf(ctx context.Context, day string) (*Register, error) {
	if _, err := time.Parse(dayLayout, day); err != nil {
		return nil, invalid("date", "expected YYYY-MM-DD")
	}
	var r *Register
	err := s.readSnapshot(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = loadRegister(ctx, tx, day)
		return err
	})
	if err != nil {
		return nil, err
	}
	r.Meeting.fileOf(s.path, r.Obligations)
	return r, nil
}

// readSnapshot runs fn in a read-only transaction of the read pool (its
// connections are query_only): several tables read as of one moment, so
// a receipt committed mid-read never shows without its obligation.
func (s *Store) readSnapshot(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.read().BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return mapErr(err)
	}
	defer tx.Rollback()
	return fn(tx)
}

func (m Meeting) fileOf(path string, obs []Obligation) {
	for i := range obs {
		obs[i].Meeting, obs[i].File = m.Title, path
	}
}

// readTx is what loadRegister reads through: the read pool's transaction
// or a write transaction (to check a key inside a write).
type readTx interface {
	queryer
	rowQueryer
}

func loadRegister(ctx context.Context, q readTx, day string) (*Register, error) {
	r := &Register{Today: day}
	var err error
	if r.Meeting, err = readMeeting(ctx, q); err != nil {
		return nil, err
	}
	if r.HeldOn, err = heldDay(ctx, q); err != nil {
		return nil, err
	}
	if r.Units, err = queryAll(ctx, q, scanUnit, `SELECT `+unitCols+` FROM units`); err != nil {
		return nil, err
	}
	sortUnits(r.Units)
	obs, err := deriveObligations(ctx, q, r.HeldOn)
	if err != nil {
		return nil, err
	}
	r.Ran = obs.ran
	if err := attachRecords(ctx, q, obs, r.Units); err != nil {
		return nil, err
	}
	list := make([]Obligation, 0, len(obs.byKey))
	for _, k := range obs.order {
		o := obs.byKey[k]
		o.derive(day)
		o.folded = Fold(strings.Join([]string{o.Agency, o.Asker, o.AskerUnit, o.Topic, o.Text, o.Said, o.ReferredTo, o.Origin, receiptText(o)}, " "))
		list = append(list, *o)
	}
	SortRegister(list)
	r.Obligations = list
	return r, nil
}

// readMeeting reads the meeting row through q.
func readMeeting(ctx context.Context, q rowQueryer) (Meeting, error) {
	var m Meeting
	err := q.QueryRowContext(ctx, `SELECT title, date FROM meeting WHERE id = 1`).Scan(&m.Title, &m.Date)
	return m, notFound(err)
}

func receiptText(o *Obligation) string {
	var b strings.Builder
	for _, rc := range o.Receipts {
		if !rc.Voided {
			b.WriteString(rc.DocNo + " " + rc.Signer + " " + rc.Summary + " " + rc.ForwardedTo + " ")
		}
	}
	return b.String()
}

// sortUnits puts units in protocol order: kind, then name.
func sortUnits(us []Unit) {
	rank := map[UnitKind]int{}
	for i, k := range UnitKinds {
		rank[k] = i
	}
	slices.SortStableFunc(us, func(a, b Unit) int {
		return cmp.Or(cmp.Compare(rank[a.Kind], rank[b.Kind]), cmp.Compare(a.ID, b.ID))
	})
}

// SortRegister orders a register as the station lists it: overdue first
// (most overdue first), due soon, not due (earliest due first),
// forwarded, answered (latest first); then by key.
func SortRegister(list []Obligation) {
	slices.SortStableFunc(list, func(a, b Obligation) int {
		if c := cmp.Compare(a.Status.Kind, b.Status.Kind); c != 0 {
			return c
		}
		var c int
		switch a.Status.Kind {
		case StatusOverdue:
			c = cmp.Compare(b.Status.Days, a.Status.Days)
		case StatusDueSoon, StatusNotDue:
			c = cmp.Compare(a.Due, b.Due)
		default:
			c = cmp.Compare(b.Status.On, a.Status.On)
		}
		return cmp.Or(c, cmp.Compare(a.File, b.File), compareKeys(a.Key, b.Key))
	})
}

// compareKeys orders keys by kind letter then number.
func compareKeys(a, b string) int {
	if len(a) == 0 || len(b) == 0 || a[0] != b[0] {
		return strings.Compare(a, b)
	}
	na, _ := strconv.Atoi(a[1:])
	nb, _ := strconv.Atoi(b[1:])
	return cmp.Compare(na, nb)
}
