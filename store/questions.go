package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Question is a question raised on the day, perhaps linked to a petition and
// to the speaker whose turn it was.
type Question struct {
	ID         int64     `json:"id"`
	ItemID     int64     `json:"item_id,omitempty"`
	SpeakerID  int64     `json:"speaker_id,omitempty"`
	AskedAt    time.Time `json:"asked_at"`
	DelegateID int64     `json:"delegate_id,omitempty"`
	AskerName  string    `json:"asker"`
	AskerUnit  string    `json:"asker_unit,omitempty"`
	Topic      string    `json:"topic,omitempty"`
	Text       string    `json:"text"`
	PetitionID int64     `json:"petition_id,omitempty"`
	// CarriedID: the item carried from the last meeting this question
	// raises again (its link is kept on the carried row; a save sets it).
	CarriedID int64 `json:"carried_id,omitempty"`
	// Rev is the audit row of the last change, read with the question. A
	// save with Rev set is refused (ConflictError) if the question has
	// changed since; 0 saves without the check.
	Rev int64 `json:"-"`

	Answers []Answer `json:"-"`
}

// Answer is one reply to a question. A written answer names the agency
// that owes it (FollowupAgencyID) and the due date (YYYY-MM-DD).
type Answer struct {
	ID               int64   `json:"id"`
	QuestionID       int64   `json:"question_id"`
	Position         int     `json:"position"`
	Person           string  `json:"person"`
	AgencyID         int64   `json:"agency_id,omitempty"`
	Summary          string  `json:"summary,omitempty"`
	Outcome          Outcome `json:"outcome"`
	FollowupAgencyID int64   `json:"followup_agency_id,omitempty"`
	DueDate          string  `json:"due_date,omitempty"`
	// Rev: as Question.Rev.
	Rev int64 `json:"-"`

	AgencyName         string `json:"-"`
	FollowupAgencyName string `json:"-"`
}

func validOutcome(o Outcome) bool {
	for _, x := range Outcomes {
		if x == o {
			return true
		}
	}
	return false
}

func (q *Question) validate() error {
	var err error
	if q.AskerName, err = clean("asker", q.AskerName, true, MaxName); err != nil {
		return err
	}
	if q.AskerUnit, err = clean("asker_unit", q.AskerUnit, false, MaxName); err != nil {
		return err
	}
	if q.Topic, err = clean("topic", q.Topic, false, MaxName); err != nil {
		return err
	}
	if q.Text, err = clean("text", q.Text, true, MaxText); err != nil {
		return err
	}
	return nil
}

// Validate checks an answer the way the store will: a written answer
// without an agency or a due date is refused.
func (a *Answer) Validate() error {
	var err error
	if a.Person, err = clean("person", a.Person, true, MaxName); err != nil {
		return err
	}
	if a.Summary, err = clean("summary", a.Summary, false, MaxText); err != nil {
		return err
	}
	if a.Outcome == "" {
		return invalid("outcome", "required")
	}
	if !validOutcome(a.Outcome) {
		return invalid("outcome", "unknown outcome")
	}
	if a.DueDate != "" {
		if _, err := time.Parse("2006-01-02", a.DueDate); err != nil {
			return invalid("due_date", "expected YYYY-MM-DD")
		}
	}
	if a.Outcome == OutcomeWritten {
		if a.FollowupAgencyID == 0 {
			return invalid("followup_agency", "a written answer needs the agency that owes it")
		}
		if a.DueDate == "" {
			return invalid("due_date", "a written answer needs a due date")
		}
	}
	return nil
}

const questionCols = `id, coalesce(item_id,0), coalesce(speaker_id,0), asked_at, coalesce(delegate_id,0), asker_name, asker_unit, topic, text, coalesce(petition_id,0),
	coalesce((SELECT min(c.id) FROM carried c WHERE c.question_id = questions.id),0),
	coalesce((SELECT max(x.id) FROM audit x WHERE x.entity = 'question' AND x.entity_id = questions.id),0)`

func scanQuestion(r scanner) (Question, error) {
	var q Question
	var at int64
	err := r.Scan(&q.ID, &q.ItemID, &q.SpeakerID, &at, &q.DelegateID, &q.AskerName, &q.AskerUnit, &q.Topic, &q.Text, &q.PetitionID, &q.CarriedID, &q.Rev)
	q.AskedAt = time.UnixMilli(at)
	return q, err
}

const answerCols = `a.id, a.question_id, a.position, a.person, coalesce(a.agency_id,0), a.summary, a.outcome, coalesce(a.followup_agency_id,0), coalesce(a.due_date,''),
	coalesce(u.name,''), coalesce(f.name,''),
	coalesce((SELECT max(x.id) FROM audit x WHERE x.entity = 'answer' AND x.entity_id = a.id),0)`

const answerFrom = ` FROM answers a LEFT JOIN units u ON u.id = a.agency_id LEFT JOIN units f ON f.id = a.followup_agency_id`

func scanAnswer(r scanner) (Answer, error) {
	var a Answer
	err := r.Scan(&a.ID, &a.QuestionID, &a.Position, &a.Person, &a.AgencyID, &a.Summary, &a.Outcome, &a.FollowupAgencyID, &a.DueDate,
		&a.AgencyName, &a.FollowupAgencyName, &a.Rev)
	return a, err
}

// Questions lists the questions of an item (0 = all) oldest first, each with
// its answers.
func (s *Store) Questions(ctx context.Context, itemID int64) ([]Question, error) {
	q := `SELECT ` + questionCols + ` FROM questions`
	var args []any
	if itemID != 0 {
		q += ` WHERE item_id = ?`
		args = append(args, itemID)
	}
	rows, err := s.read().QueryContext(ctx, q+` ORDER BY asked_at, id`, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	var out []Question
	idx := map[int64]int{}
	for rows.Next() {
		qq, err := scanQuestion(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		idx[qq.ID] = len(out)
		out = append(out, qq)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	arows, err := s.read().QueryContext(ctx, `SELECT `+answerCols+answerFrom+` ORDER BY a.question_id, a.position, a.id`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer arows.Close()
	for arows.Next() {
		a, err := scanAnswer(arows)
		if err != nil {
			return nil, err
		}
		if i, ok := idx[a.QuestionID]; ok {
			out[i].Answers = append(out[i].Answers, a)
		}
	}
	return out, arows.Err()
}

// SaveQuestion creates (ID 0; AskedAt defaults to now) or updates a question.
func (s *Store) SaveQuestion(ctx context.Context, q Question) (int64, error) {
	r, err := s.SaveQuestionResult(ctx, q)
	return r.ID, err
}

// QuestionSaved is what SaveQuestionResult did: the question's id, and
// the asker it checked in (nil if none was needed).
type QuestionSaved struct {
	ID        int64
	CheckedIn *Delegate
}

// SaveQuestionResult saves as SaveQuestion does. Someone who asks a
// question at the meeting is present: an asker from the list (DelegateID)
// who has not checked in is checked in by the same transaction, so the
// minutes never show a question from someone the attendance calls absent.
func (s *Store) SaveQuestionResult(ctx context.Context, q Question) (QuestionSaved, error) {
	var res QuestionSaved
	if err := q.validate(); err != nil {
		return res, err
	}
	err := s.write(ctx, PermQA, func(t *Tx) error {
		var err error
		res.ID, err = t.saveQuestion(ctx, q)
		if err != nil || q.DelegateID == 0 {
			return err
		}
		res.CheckedIn, err = t.askerCheckIn(ctx, q.DelegateID)
		return err
	})
	if err != nil {
		return QuestionSaved{}, err
	}
	return res, nil
}

// askerCheckIn checks in delegate id unless she has arrived; it returns
// her if it did. The check-in row and its audit row carry this station.
func (t *Tx) askerCheckIn(ctx context.Context, id int64) (*Delegate, error) {
	r, err := t.checkIn(ctx, id)
	if err != nil || r.Already {
		return nil, err
	}
	return &r.Delegate, nil
}

func (t *Tx) saveQuestion(ctx context.Context, q Question) (int64, error) {
	var id int64
	err := func() error {
		if q.ID == 0 {
			if q.AskedAt.IsZero() {
				q.AskedAt = t.now
			}
			var err error
			if q.Topic, err = t.meetingTopic(ctx, q.Topic, true); err != nil {
				return err
			}
			r, err := t.exec(ctx, `INSERT INTO questions(item_id, speaker_id, asked_at, delegate_id, asker_name, asker_unit, topic, text, petition_id) VALUES (?,?,?,?,?,?,?,?,?)`,
				nullID(q.ItemID), nullID(q.SpeakerID), ms(q.AskedAt), nullID(q.DelegateID), q.AskerName, q.AskerUnit, q.Topic, q.Text, nullID(q.PetitionID))
			if err != nil {
				return err
			}
			id, _ = r.LastInsertId()
			q.ID = id
			if err := t.linkQuestionCarried(ctx, id, q.CarriedID); err != nil {
				return err
			}
			return t.audit(ctx, "create", "question", id, nil, q)
		}
		old, err := scanQuestion(t.queryRow(ctx, `SELECT `+questionCols+` FROM questions WHERE id = ?`, q.ID))
		if err != nil {
			return notFound(err)
		}
		if err := t.checkRev(ctx, "question", q.ID, q.Rev, old.Rev); err != nil {
			err.(*ConflictError).Question = &old
			return err
		}
		// a correction keeping the topic does not add an old free-typed
		// one to the list
		if q.Topic, err = t.meetingTopic(ctx, q.Topic, Fold(q.Topic) != Fold(old.Topic)); err != nil {
			return err
		}
		if q.AskedAt.IsZero() {
			q.AskedAt = old.AskedAt
		}
		id = q.ID
		if sameQuestion(old, q) {
			// nothing to save: no audit row, so no other terminal sees a
			// change (nor a conflict) where there is none
			return nil
		}
		if _, err := t.exec(ctx, `UPDATE questions SET item_id=?, speaker_id=?, asked_at=?, delegate_id=?, asker_name=?, asker_unit=?, topic=?, text=?, petition_id=? WHERE id=?`,
			nullID(q.ItemID), nullID(q.SpeakerID), ms(q.AskedAt), nullID(q.DelegateID), q.AskerName, q.AskerUnit, q.Topic, q.Text, nullID(q.PetitionID), q.ID); err != nil {
			return err
		}
		if err := t.linkQuestionCarried(ctx, id, q.CarriedID); err != nil {
			return err
		}
		return t.audit(ctx, "update", "question", id, old, q)
	}()
	return id, err
}

// SaveAnswer creates (ID 0, appended) or updates an answer.
func (s *Store) SaveAnswer(ctx context.Context, a Answer) (int64, error) {
	if err := a.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := s.write(ctx, PermQA, func(t *Tx) error {
		due := any(nil)
		if a.DueDate != "" {
			due = a.DueDate
			if err := t.checkDue(ctx, a.DueDate); err != nil {
				return err
			}
		}
		if a.ID == 0 {
			if err := t.queryRow(ctx, `SELECT coalesce(max(position),0)+1 FROM answers WHERE question_id = ?`, a.QuestionID).Scan(&a.Position); err != nil {
				return mapErr(err)
			}
			r, err := t.exec(ctx, `INSERT INTO answers(question_id, position, person, agency_id, summary, outcome, followup_agency_id, due_date) VALUES (?,?,?,?,?,?,?,?)`,
				a.QuestionID, a.Position, a.Person, nullID(a.AgencyID), a.Summary, a.Outcome, nullID(a.FollowupAgencyID), due)
			if err != nil {
				return err
			}
			id, _ = r.LastInsertId()
			a.ID = id
			return t.audit(ctx, "create", "answer", id, nil, a)
		}
		old, err := scanAnswer(t.queryRow(ctx, `SELECT `+answerCols+answerFrom+` WHERE a.id = ?`, a.ID))
		if err == sql.ErrNoRows {
			return ErrNotFound
		} else if err != nil {
			return mapErr(err)
		}
		if err := t.checkRev(ctx, "answer", a.ID, a.Rev, old.Rev); err != nil {
			if ce, ok := err.(*ConflictError); ok {
				ce.Answer = &old
			}
			return err
		}
		a.QuestionID, a.Position = old.QuestionID, old.Position
		id = a.ID
		if sameAnswer(old, a) {
			return nil // nothing to save: no audit row
		}
		if _, err := t.exec(ctx, `UPDATE answers SET person=?, agency_id=?, summary=?, outcome=?, followup_agency_id=?, due_date=? WHERE id=?`,
			a.Person, nullID(a.AgencyID), a.Summary, a.Outcome, nullID(a.FollowupAgencyID), due, a.ID); err != nil {
			return err
		}
		return t.audit(ctx, "update", "answer", id, old, a)
	})
	return id, err
}

// SetDialogueTopics replaces the topic list from the secretary's station:
// topics come up during the dialogue, so a station that may record it may
// also edit them (a setup station may too).
func (s *Store) SetDialogueTopics(ctx context.Context, topics []string) error {
	return s.EditDialogueTopics(ctx, topics, nil)
}

// EditDialogueTopics replaces the topic list as SetDialogueTopics does and
// carries the questions and petitions of each renamed topic to its new
// name, in the same transaction.
func (s *Store) EditDialogueTopics(ctx context.Context, topics []string, renames []TopicRename) error {
	perm := PermQA
	if s.actor.Role.Allows(PermSetup) {
		perm = PermSetup
	}
	return s.write(ctx, perm, func(t *Tx) error { return t.editTopics(ctx, topics, renames) })
}

// ErrConflict: the record was changed by someone else since it was read.
var ErrConflict = errors.New("changed since it was read")

// ConflictError says who changed a question or an answer, and when, after
// the caller read it (Rev). It wraps ErrConflict.
type ConflictError struct {
	Entity  string // "question" or "answer"
	ID      int64
	Rev     int64 // the audit row of the newer change: save with it to overwrite
	Station string
	User    string
	At      time.Time
	// The record as it is now saved (one of the two, by Entity), so the
	// caller can show what differs and merge.
	Question *Question
	Answer   *Answer
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s %d %v by %s/%s at %s", e.Entity, e.ID, ErrConflict, e.Station, e.User, e.At.Format("15:04:05"))
}
func (e *ConflictError) Unwrap() error { return ErrConflict }

// checkRev refuses a save based on revision rev when the record's last
// change (cur) is another one. rev 0 skips the check.
func (t *Tx) checkRev(ctx context.Context, entity string, id, rev, cur int64) error {
	if rev == 0 || rev == cur {
		return nil
	}
	return t.conflict(ctx, entity, id, cur)
}

func (t *Tx) conflict(ctx context.Context, entity string, id, cur int64) *ConflictError {
	e := &ConflictError{Entity: entity, ID: id, Rev: cur}
	var at int64
	if err := t.queryRow(ctx, `SELECT at, station, user FROM audit WHERE id = ?`, cur).Scan(&at, &e.Station, &e.User); err != nil {
		return e // who is unknown; the conflict stands
	}
	e.At = time.UnixMilli(at)
	return e
}

// meetingTopic returns the meeting's topic that topic names, accents and
// case aside ("moi truong" is "Môi trường"); a topic not on the list is
// added to it if add is set, so the log's filter can choose it.
func (t *Tx) meetingTopic(ctx context.Context, topic string, add bool) (string, error) {
	if topic == "" {
		return "", nil
	}
	rows, err := t.tx.QueryContext(ctx, topicsQuery)
	if err != nil {
		return "", mapErr(err)
	}
	var list []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return "", err
		}
		list = append(list, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", err
	}
	f := Fold(topic)
	for _, n := range list {
		if Fold(n) == f {
			return n, nil
		}
	}
	if !add {
		return topic, nil
	}
	return topic, t.setTopics(ctx, append(list, topic))
}

// MaxDueYears is how far after the meeting a written answer may be due.
const MaxDueYears = 2

// checkDue refuses a due date before the day the meeting was held (see
// HeldOn) or more than MaxDueYears after it (a typing slip such as
// 01/01/1990).
func (t *Tx) checkDue(ctx context.Context, due string) error {
	day, err := t.heldOn(ctx)
	if err != nil {
		return err
	}
	return DueInRange(due, day)
}

// sameQuestion: a save that would change nothing.
func sameQuestion(a, b Question) bool {
	return a.ItemID == b.ItemID && a.SpeakerID == b.SpeakerID && a.AskedAt.UnixMilli() == b.AskedAt.UnixMilli() && a.DelegateID == b.DelegateID &&
		a.AskerName == b.AskerName && a.AskerUnit == b.AskerUnit && a.Topic == b.Topic && a.Text == b.Text && a.PetitionID == b.PetitionID &&
		a.CarriedID == b.CarriedID
}

// sameAnswer: a save that would change nothing.
func sameAnswer(a, b Answer) bool {
	return a.Person == b.Person && a.AgencyID == b.AgencyID && a.Summary == b.Summary && a.Outcome == b.Outcome &&
		a.FollowupAgencyID == b.FollowupAgencyID && a.DueDate == b.DueDate
}

// DueInRange checks due (YYYY-MM-DD) against the meeting's day (the same
// form; empty = no check).
func DueInRange(due, day string) error {
	d, err := time.Parse("2006-01-02", day)
	if err != nil {
		return nil
	}
	if due < day {
		return invalid("due_date", "before the meeting day")
	}
	if due > d.AddDate(MaxDueYears, 0, 0).Format("2006-01-02") {
		return invalid("due_date", "more than two years after the meeting")
	}
	return nil
}
