package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"doithoai/store/docno"
)

const receiptCols = `id, obligation, doc_no, doc_date, coalesce(agency_id,0), signer, summary, result, next_due, forwarded_to,
	file_name, file_sha256, file_size, file_orig, coalesce(basis_agency,0), basis_due, created_at, voided`

func scanReceipt(r scanner) (Receipt, error) {
	var x Receipt
	var at int64
	err := r.Scan(&x.ID, &x.Obligation, &x.DocNo, &x.DocDate, &x.AgencyID, &x.Signer, &x.Summary, &x.Result, &x.NextDue, &x.ForwardedTo,
		&x.File, &x.FileSHA256, &x.FileSize, &x.FileOrig, &x.BasisAgent, &x.BasisDue, &at, &x.Voided)
	x.CreatedAt = time.UnixMilli(at)
	return x, err
}

const extensionCols = `id, obligation, new_due, reason, coalesce(basis_agency,0), basis_due, created_at, voided`

func scanExtension(r scanner) (Extension, error) {
	var x Extension
	var at int64
	err := r.Scan(&x.ID, &x.Obligation, &x.NewDue, &x.Reason, &x.BasisAgent, &x.BasisDue, &at, &x.Voided)
	x.CreatedAt = time.UnixMilli(at)
	return x, err
}

// ReceiptInput is a received answer as the office types it.
type ReceiptInput struct {
	Obligation string // the obligation's key
	// DocNo is the number line as written on the letter ("Số 123/LĐTBXH-VL
	// ngày 20/11/2023"); its date is the document's date unless DocDate
	// (YYYY-MM-DD) is given.
	DocNo   string
	DocDate string
	// AgencyID is who sent it; 0 means the agency owing the obligation.
	AgencyID    int64
	Signer      string
	Summary     string
	Result      Result
	NextDue     string // ResultFurther: the new due date (YYYY-MM-DD)
	ForwardedTo string // ResultForwarded: the higher level it was sent to
	// File is a scanned copy (PDF or image) to attach: its path on this
	// machine. It is copied beside the meeting file.
	File string
}

// DocNumberError: the document number was already recorded as another
// agency's. It wraps ErrDuplicate.
type DocNumberError struct {
	Number    string
	Agency    string // the agency it was recorded for
	ReceiptID int64
}

func (e *DocNumberError) Error() string {
	return fmt.Sprintf("document %s %v for %s (receipt %d)", e.Number, ErrDuplicate, e.Agency, e.ReceiptID)
}
func (e *DocNumberError) Unwrap() error { return ErrDuplicate }

// Field limits of a receipt.
const (
	MaxDocNo   = 100
	MaxSummary = MaxText
)

func validResult(r Result) bool { return slices.Contains(Results, r) }

// prepare cleans and checks what can be checked without the file: the
// number line, the fields' lengths, the result and its dates.
func (in *ReceiptInput) prepare() (Receipt, error) {
	var rc Receipt
	line, err := clean("doc_no", in.DocNo, true, MaxName)
	if err != nil {
		return rc, err
	}
	ref, err := docno.Parse(line)
	if err != nil {
		if errors.Is(err, docno.ErrBadDate) {
			return rc, invalid("doc_date", "not a day of the calendar")
		}
		return rc, invalid("doc_no", "no document number")
	}
	if len([]rune(ref.Number)) > MaxDocNo {
		return rc, invalid("doc_no", "too long")
	}
	rc = Receipt{Obligation: in.Obligation, DocNo: ref.Number, DocDate: ref.Date, AgencyID: in.AgencyID, Result: in.Result, NextDue: in.NextDue}
	if in.DocDate != "" {
		if _, err := time.Parse(dayLayout, in.DocDate); err != nil {
			return rc, invalid("doc_date", "expected YYYY-MM-DD")
		}
		rc.DocDate = in.DocDate
	}
	if rc.DocDate == "" {
		return rc, invalid("doc_date", "required")
	}
	if rc.Signer, err = clean("signer", in.Signer, false, MaxName); err != nil {
		return rc, err
	}
	if rc.Summary, err = clean("summary", in.Summary, false, MaxSummary); err != nil {
		return rc, err
	}
	if rc.ForwardedTo, err = clean("forwarded_to", in.ForwardedTo, false, MaxName); err != nil {
		return rc, err
	}
	if !validResult(rc.Result) {
		return rc, invalid("result", "required")
	}
	if rc.Result == ResultFurther {
		if rc.NextDue == "" {
			return rc, invalid("next_due", "required")
		}
		if _, err := time.Parse(dayLayout, rc.NextDue); err != nil {
			return rc, invalid("next_due", "expected YYYY-MM-DD")
		}
		if rc.NextDue < rc.DocDate {
			return rc, invalid("next_due", "before the document's date")
		}
	} else {
		rc.NextDue = ""
	}
	if rc.Result != ResultForwarded {
		rc.ForwardedTo = ""
	}
	return rc, nil
}

// basis is what an obligation is when something is recorded against it:
// its agency and base due date, with the day the meeting was held and the
// day it is now (both in the meeting's zone), read with it.
type basis struct {
	agency      int64
	due         string
	held, today string
}

// obligationBasis reads one obligation's agency and base due date
// without deriving the whole register (a receipt commits as fast as a
// check-in). ErrNotFound if the key names nothing the register lists.
func (t *Tx) obligationBasis(ctx context.Context, key string) (basis, error) {
	kind, id, err := keyKind(key)
	if err != nil {
		return basis{}, err
	}
	var b basis
	var m meetingRow
	var ok bool
	switch kind {
	case 'a':
		var outcome Outcome
		var fu, ag int64
		err = t.queryRow(ctx, `SELECT outcome, coalesce(followup_agency_id,0), coalesce(agency_id,0), coalesce(due_date,''), `+meetingDaysCols+` FROM answers WHERE id = ?`, id).
			Scan(&outcome, &fu, &ag, &b.due, &m.off, &m.day, &m.first)
		b.agency = fu
		if fu == 0 {
			b.agency = ag
		}
		ok = outcome == OutcomeWritten || outcome == OutcomeReferred
	case 'p':
		err = t.queryRow(ctx, `SELECT coalesce(agency_id,0), `+meetingDaysCols+` FROM petitions WHERE id = ?`, id).Scan(&b.agency, &m.off, &m.day, &m.first)
		ok = true // a settled petition is refused below unless it has records
		var settled bool
		if err == nil {
			err = t.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM questions q JOIN answers a ON a.question_id = q.id
				WHERE q.petition_id = ? AND a.outcome IN ('spot','written','referred'))`, id).Scan(&settled)
			ok = !settled
		}
	case 'c':
		err = t.queryRow(ctx, `SELECT coalesce(agency_id,0), due, `+meetingDaysCols+` FROM carried WHERE id = ?`, id).Scan(&b.agency, &b.due, &m.off, &m.day, &m.first)
		ok = true
	}
	if errors.Is(err, sql.ErrNoRows) {
		return basis{}, fmt.Errorf("%w: obligation %s", ErrNotFound, key)
	}
	if err != nil {
		return basis{}, mapErr(err)
	}
	b.held, b.today = m.days(t.now)
	if b.due == "" {
		b.due = AddDays(b.held, PetitionDueDays)
	}
	if !ok {
		var n int
		if err := t.queryRow(ctx, `SELECT (SELECT count(*) FROM receipts WHERE obligation = ?) + (SELECT count(*) FROM extensions WHERE obligation = ?)`, key, key).
			Scan(&n); err != nil {
			return basis{}, mapErr(err)
		}
		if n == 0 {
			return basis{}, fmt.Errorf("%w: the meeting owes nothing for %s", ErrNotFound, key)
		}
	}
	return b, nil
}

// checkDates refuses a document dated before the meeting was held or
// after today (both in the meeting's zone), and a new due date out of
// DueInRange.
func checkDates(rc Receipt, held, today string) error {
	if held != "" && rc.DocDate < held {
		return invalid("doc_date", "before the meeting day")
	}
	if rc.DocDate > today {
		return invalid("doc_date", "in the future")
	}
	if rc.NextDue != "" {
		if err := DueInRange(rc.NextDue, held); err != nil {
			return invalid("next_due", err.(*FieldError).Reason)
		}
	}
	return nil
}

// checkDocNumber refuses a number (in the document's year) already
// recorded, not voided, as another agency's; skip is the receipt being
// corrected.
func (t *Tx) checkDocNumber(ctx context.Context, rc Receipt, skip int64) error {
	var id, agency int64
	err := t.queryRow(ctx, `SELECT id, coalesce(agency_id,0) FROM receipts WHERE doc_key = ? AND voided = 0 AND id <> ? AND coalesce(agency_id,0) <> ? LIMIT 1`,
		docKey(rc), skip, rc.AgencyID).Scan(&id, &agency)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return mapErr(err)
	}
	var name string
	t.queryRow(ctx, `SELECT name FROM units WHERE id = ?`, agency).Scan(&name) // a refusal needs no speed
	return &DocNumberError{Number: rc.DocNo, Agency: name, ReceiptID: id}
}

// docKey is the number folded with the document's year: offices number
// their letters afresh each year.
func docKey(rc Receipt) string { return docno.Key(rc.DocNo) + "@" + year4(rc.DocDate) }

func year4(day string) string {
	if len(day) >= 4 {
		return day[:4]
	}
	return ""
}

func (t *Tx) checkAgency(ctx context.Context, id int64) error {
	if id == 0 {
		return nil
	}
	var n int
	if err := t.queryRow(ctx, `SELECT count(*) FROM units WHERE id = ?`, id).Scan(&n); err != nil {
		return mapErr(err)
	}
	if n == 0 {
		return invalid("agency", "unknown")
	}
	return nil
}

// RecordReceipt records a received answer against an obligation: the
// scanned copy (if any) is checked and copied first, then the receipt
// and its audit row commit together. It returns the receipt as saved.
func (s *Store) RecordReceipt(ctx context.Context, in ReceiptInput) (Receipt, error) {
	if _, _, err := keyKind(in.Obligation); err != nil {
		return Receipt{}, err
	}
	rc, err := in.prepare()
	if err != nil {
		return Receipt{}, err
	}
	if !s.actor.Role.Allows(PermFollowup) {
		return Receipt{}, fmt.Errorf("%w: %s cannot %s", ErrForbidden, s.actor.Role, PermFollowup)
	}
	var att attachment
	if in.File != "" {
		if att, err = s.stageAttachment(in.File); err != nil {
			return Receipt{}, err
		}
		rc.File, rc.FileSHA256, rc.FileSize, rc.FileOrig = att.name, att.sha, att.size, att.orig
	}
	err = s.write(ctx, PermFollowup, func(t *Tx) error {
		b, err := t.obligationBasis(ctx, rc.Obligation)
		if err != nil {
			return err
		}
		if rc.AgencyID == 0 {
			rc.AgencyID = b.agency
		}
		rc.BasisAgent, rc.BasisDue, rc.CreatedAt = b.agency, b.due, t.now
		if err := t.checkReceipt(ctx, rc, 0, b.held, b.today); err != nil {
			return err
		}
		r, err := t.exec(ctx, `INSERT INTO receipts(obligation, doc_no, doc_key, doc_date, agency_id, signer, summary, result, next_due, forwarded_to,
			file_name, file_sha256, file_size, file_orig, basis_agency, basis_due, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			rc.Obligation, rc.DocNo, docKey(rc), rc.DocDate, nullID(rc.AgencyID), rc.Signer, rc.Summary, rc.Result, rc.NextDue, rc.ForwardedTo,
			rc.File, rc.FileSHA256, rc.FileSize, rc.FileOrig, nullID(rc.BasisAgent), rc.BasisDue, ms(t.now))
		if err != nil {
			return err
		}
		rc.ID, _ = r.LastInsertId()
		return t.audit(ctx, "create", "receipt", rc.ID, nil, rc)
	})
	if err != nil {
		s.dropAttachment(ctx, att)
		return Receipt{}, err
	}
	return rc, nil
}

func (t *Tx) checkReceipt(ctx context.Context, rc Receipt, self int64, held, today string) error {
	if rc.AgencyID != rc.BasisAgent { // the obligation's own agency exists
		if err := t.checkAgency(ctx, rc.AgencyID); err != nil {
			return err
		}
	}
	if err := checkDates(rc, held, today); err != nil {
		return err
	}
	return t.checkDocNumber(ctx, rc, self)
}

func (t *Tx) readReceipt(ctx context.Context, id int64) (Receipt, error) {
	rc, err := scanReceipt(t.queryRow(ctx, `SELECT `+receiptCols+` FROM receipts WHERE id = ?`, id))
	return rc, notFound(err)
}

// UpdateReceipt corrects a receipt: every field from in (its obligation
// stays); the scanned copy is kept unless in.File names a new one.
func (s *Store) UpdateReceipt(ctx context.Context, id int64, in ReceiptInput) error {
	rc, err := in.prepare()
	if err != nil {
		return err
	}
	if !s.actor.Role.Allows(PermFollowup) {
		return fmt.Errorf("%w: %s cannot %s", ErrForbidden, s.actor.Role, PermFollowup)
	}
	var att attachment
	if in.File != "" {
		if att, err = s.stageAttachment(in.File); err != nil {
			return err
		}
	}
	err = s.write(ctx, PermFollowup, func(t *Tx) error {
		old, err := t.readReceipt(ctx, id)
		if err != nil {
			return err
		}
		rc.ID, rc.Obligation, rc.BasisAgent, rc.BasisDue, rc.CreatedAt, rc.Voided = old.ID, old.Obligation, old.BasisAgent, old.BasisDue, old.CreatedAt, old.Voided
		rc.File, rc.FileSHA256, rc.FileSize, rc.FileOrig = old.File, old.FileSHA256, old.FileSize, old.FileOrig
		if in.File != "" {
			rc.File, rc.FileSHA256, rc.FileSize, rc.FileOrig = att.name, att.sha, att.size, att.orig
		}
		if rc.AgencyID == 0 {
			rc.AgencyID = old.AgencyID
		}
		held, today, err := meetingDays(ctx, t, t.now)
		if err != nil {
			return err
		}
		if err := t.checkReceipt(ctx, rc, id, held, today); err != nil {
			return err
		}
		if rc == old {
			return nil // nothing to save
		}
		if _, err := t.exec(ctx, `UPDATE receipts SET doc_no=?, doc_key=?, doc_date=?, agency_id=?, signer=?, summary=?, result=?, next_due=?, forwarded_to=?,
			file_name=?, file_sha256=?, file_size=?, file_orig=? WHERE id=?`,
			rc.DocNo, docKey(rc), rc.DocDate, nullID(rc.AgencyID), rc.Signer, rc.Summary, rc.Result, rc.NextDue, rc.ForwardedTo,
			rc.File, rc.FileSHA256, rc.FileSize, rc.FileOrig, id); err != nil {
			return err
		}
		return t.audit(ctx, "update", "receipt", id, old, rc)
	})
	if err != nil {
		s.dropAttachment(ctx, att)
	}
	return err
}

// VoidReceipt undoes a receipt (void true) or brings a voided one back
// (false); both are audited changes, and nothing is deleted. Bringing one
// back checks its number again.
func (s *Store) VoidReceipt(ctx context.Context, id int64, void bool) error {
	return s.write(ctx, PermFollowup, func(t *Tx) error { return t.voidReceipt(ctx, id, void) })
}

func (t *Tx) voidReceipt(ctx context.Context, id int64, void bool) error {
	old, err := t.readReceipt(ctx, id)
	if err != nil {
		return err
	}
	if old.Voided == void {
		return nil
	}
	if !void {
		if err := t.checkDocNumber(ctx, old, id); err != nil {
			return err
		}
	}
	nw := old
	nw.Voided = void
	return t.setVoided(ctx, "receipts", "receipt", id, void, old, nw)
}

// setVoided voids (or restores) a row of table and audits it as
// "void" (or "restore") with the record before and after.
func (t *Tx) setVoided(ctx context.Context, table, entity string, id int64, void bool, old, nw any) error {
	if _, err := t.exec(ctx, `UPDATE `+table+` SET voided = ? WHERE id = ?`, void, id); err != nil {
		return err
	}
	action := "restore"
	if void {
		action = "void"
	}
	return t.audit(ctx, action, entity, id, old, nw)
}

// MaxReason bounds an extension's reason.
const MaxReason = 1000

// Extend gives an obligation a new due date (YYYY-MM-DD) with its reason.
func (s *Store) Extend(ctx context.Context, key, newDue, reason string) (Extension, error) {
	if _, _, err := keyKind(key); err != nil {
		return Extension{}, err
	}
	reason, err := clean("reason", reason, true, MaxReason)
	if err != nil {
		return Extension{}, err
	}
	if _, err := time.Parse(dayLayout, newDue); err != nil {
		return Extension{}, invalid("new_due", "expected YYYY-MM-DD")
	}
	e := Extension{Obligation: key, NewDue: newDue, Reason: reason}
	err = s.write(ctx, PermFollowup, func(t *Tx) error {
		b, err := t.obligationBasis(ctx, key)
		if err != nil {
			return err
		}
		if err := DueInRange(newDue, b.held); err != nil {
			return invalid("new_due", err.(*FieldError).Reason)
		}
		e.BasisAgent, e.BasisDue, e.CreatedAt = b.agency, b.due, t.now
		r, err := t.exec(ctx, `INSERT INTO extensions(obligation, new_due, reason, basis_agency, basis_due, created_at) VALUES (?,?,?,?,?,?)`,
			key, newDue, reason, nullID(b.agency), b.due, ms(t.now))
		if err != nil {
			return err
		}
		e.ID, _ = r.LastInsertId()
		return t.audit(ctx, "create", "extension", e.ID, nil, e)
	})
	if err != nil {
		return Extension{}, err
	}
	return e, nil
}

// VoidExtension undoes an extension (void true) or restores it.
func (s *Store) VoidExtension(ctx context.Context, id int64, void bool) error {
	return s.write(ctx, PermFollowup, func(t *Tx) error { return t.voidExtension(ctx, id, void) })
}

func (t *Tx) voidExtension(ctx context.Context, id int64, void bool) error {
	old, err := scanExtension(t.queryRow(ctx, `SELECT `+extensionCols+` FROM extensions WHERE id = ?`, id))
	if err != nil {
		return notFound(err)
	}
	if old.Voided == void {
		return nil
	}
	nw := old
	nw.Voided = void
	return t.setVoided(ctx, "extensions", "extension", id, void, old, nw)
}

// AcceptDrift acknowledges that the obligation changed in the qa station
// after things were recorded against it: their basis becomes the
// obligation as it is now, and its Drift clears. Audited as one change.
func (s *Store) AcceptDrift(ctx context.Context, key string) error {
	return s.write(ctx, PermFollowup, func(t *Tx) error {
		b, err := t.obligationBasis(ctx, key)
		if err != nil {
			return err
		}
		type row struct {
			Table string `json:"table"`
			ID    int64  `json:"id"`
			Agent int64  `json:"basis_agency"`
			Due   string `json:"basis_due"`
		}
		var before, after []row
		for _, table := range []string{"receipts", "extensions"} {
			rows, err := queryAll(ctx, t.tx, func(r scanner) (row, error) {
				x := row{Table: table}
				err := r.Scan(&x.ID, &x.Agent, &x.Due)
				return x, err
			}, `SELECT id, coalesce(basis_agency,0), basis_due FROM `+table+` WHERE obligation = ? AND voided = 0 AND (coalesce(basis_agency,0) <> ? OR basis_due <> ?)`,
				key, b.agency, b.due)
			if err != nil {
				return err
			}
			for _, x := range rows {
				before = append(before, x)
				after = append(after, row{Table: table, ID: x.ID, Agent: b.agency, Due: b.due})
			}
			if _, err := t.exec(ctx, `UPDATE `+table+` SET basis_agency = ?, basis_due = ? WHERE obligation = ? AND voided = 0`, nullID(b.agency), b.due, key); err != nil {
				return err
			}
		}
		if len(before) == 0 {
			return nil
		}
		id, _ := strconv.ParseInt(key[1:], 10, 64)
		return t.audit(ctx, "accept", "drift:"+key[:1], id, before, after)
	})
}
