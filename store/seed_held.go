package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// HeldSeed is what happened at the demo meeting and in the month after
// it: the turns of the dialogue with their answers, then the written
// answers received and the extensions given. Days count from the day the
// meeting was held; delegates, petitions and agencies are named as in
// the Seed (delegate code, petition number, unit name).
type HeldSeed struct {
	Turns      []HeldTurn      `json:"turns"`
	Receipts   []HeldReceipt   `json:"receipts"`
	Extensions []HeldExtension `json:"extensions"`
}

// HeldTurn is one speaker's turn: her question and the answers.
type HeldTurn struct {
	Asker    string       `json:"asker"`              // delegate code
	Petition int          `json:"petition,omitempty"` // petition number raised
	Topic    string       `json:"topic"`
	Text     string       `json:"text"`
	Answers  []HeldAnswer `json:"answers"`
}

// HeldAnswer is an answer; Owes and DueDays a written answer's or a
// referral's agency and deadline.
type HeldAnswer struct {
	Person  string  `json:"person"`
	Agency  string  `json:"agency"`
	Outcome Outcome `json:"outcome"`
	Summary string  `json:"summary"`
	Owes    string  `json:"owes,omitempty"`
	DueDays int     `json:"due_days,omitempty"`
}

// HeldReceipt is a written answer received: for the obligation of turn
// Turn (1-based), or of petition Petition when it was not settled.
type HeldReceipt struct {
	Turn        int    `json:"turn,omitempty"`
	Petition    int    `json:"petition,omitempty"`
	DocNo       string `json:"doc_no"` // without its date: Day gives it
	Day         int    `json:"day"`
	Signer      string `json:"signer"`
	Result      Result `json:"result"`
	Summary     string `json:"summary"`
	ForwardedTo string `json:"forwarded_to,omitempty"`
}

// HeldExtension is an extension recorded on day Day.
type HeldExtension struct {
	Turn       int    `json:"turn"`
	Day        int    `json:"day"`
	NewDueDays int    `json:"new_due_days"`
	Reason     string `json:"reason"`
}

// HeldDays is how long after the meeting the held demo stands.
const HeldDays = 30

// heldClock is the demo's clock, moved along as the day is replayed.
type heldClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *heldClock) now() time.Time           { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *heldClock) set(t time.Time)          { c.mu.Lock(); c.t = t; c.mu.Unlock() }
func (c *heldClock) add(d time.Duration)      { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }
func (c *heldClock) at(day string, hm string) { c.set(dayAt(day, hm)) }

var vnZone = fixedZone(420)

func dayAt(day, hm string) time.Time {
	t, _ := time.ParseInLocation("2006-01-02 15:04", day+" "+hm, vnZone)
	return t
}

// CreateHeldDemo writes into a new file at path the demo meeting as it
// stands HeldDays days after it was held on day (YYYY-MM-DD): the seed's
// dates moved to that day (and its year into the title), the agenda run,
// about 110 delegates checked in, the turns of the dialogue recorded,
// then the answers received and the extensions given. Everything goes
// through the store's own API on a clock set to each moment, so the file
// is what the stations would have made, audit log included, and the same
// day gives the same meeting.
func CreateHeldDemo(ctx context.Context, path string, seed Seed, held HeldSeed, day string) error {
	d, err := time.Parse(dayLayout, day)
	if err != nil {
		return invalid("date", "expected YYYY-MM-DD")
	}
	seed = shiftSeed(seed, day)
	clk := &heldClock{}
	clk.at(AddDays(day, -1), "16:00")
	s, err := Open(ctx, path, Options{Create: true, NoWatch: true, NoCheck: true, Now: clk.now, Actor: Actor{Station: "init", Role: RoleAdmin}})
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.LoadSeed(ctx, seed); err != nil {
		return fmt.Errorf("demo meeting: %w", err)
	}
	h := &heldRun{s: s, clk: clk, day: d.Format(dayLayout), seed: seed, held: held}
	for _, step := range []func(context.Context) error{h.checkIns, h.runDay, h.afterDay} {
		if err := step(ctx); err != nil {
			return fmt.Errorf("held demo: %w", err)
		}
	}
	return s.Checkpoint(ctx)
}

// shiftSeed moves every date of the seed by the days between its meeting
// date and day, and the meeting's year in its title.
func shiftSeed(sd Seed, day string) Seed {
	delta := DaysBetween(sd.Meeting.Date, day)
	oldYear, newYear := year4(sd.Meeting.Date), year4(day)
	sd.Meeting.Date = day
	if oldYear != "" {
		sd.Meeting.Title = strings.ReplaceAll(sd.Meeting.Title, oldYear, newYear)
	}
	shift := func(s string) string {
		if s == "" {
			return ""
		}
		return AddDays(s, delta)
	}
	sd.Petitions = slices.Clone(sd.Petitions)
	for i := range sd.Petitions {
		p := &sd.Petitions[i]
		p.AskedOn, p.DueOn, p.ReceivedOn = shift(p.AskedOn), shift(p.DueOn), shift(p.ReceivedOn)
	}
	return sd
}

type heldRun struct {
	s        *Store
	clk      *heldClock
	day      string
	seed     Seed
	held     HeldSeed
	codes    map[string]Delegate
	answers  [][]int64 // answer ids by turn
	petition map[int]int64
}

// HeldArrived is how many the held demo checks in.
const HeldArrived = 110

// checkIns checks in the officials and the substitutes of those who sent
// apologies, the women who will ask a question, then three women in four
// up to HeldArrived, from 06:50, twenty seconds apart.
func (h *heldRun) checkIns(ctx context.Context) error {
	ds, err := h.s.Delegates(ctx)
	if err != nil {
		return err
	}
	h.codes = map[string]Delegate{}
	for _, d := range ds {
		h.codes[d.Code] = d
	}
	sorry := map[string]bool{}
	for _, a := range h.seed.Apologies {
		sorry[a.Code] = true
	}
	asks := map[string]bool{}
	for _, tn := range h.held.Turns {
		asks[tn.Asker] = true
	}
	var askers, women, others []Delegate
	for i, d := range ds {
		switch {
		case sorry[d.Code]:
		case asks[d.Code]:
			askers = append(askers, d)
		case !strings.HasPrefix(d.Code, "PN"):
			others = append(others, d)
		case i%4 != 3:
			women = append(women, d)
		}
	}
	desk := h.s.As(Actor{Station: "checkin", User: "ban-1", Role: RoleCheckin})
	h.clk.at(h.day, "06:50")
	n := 0
	for _, a := range h.seed.Apologies {
		if a.Substitute != "" {
			h.clk.add(20 * time.Second)
			if _, err := desk.CheckInSubstitute(ctx, h.codes[a.Code].ID); err != nil {
				return err
			}
			n++
		}
	}
	for _, d := range slices.Concat(others, askers, women) {
		if n >= HeldArrived {
			break
		}
		h.clk.add(20 * time.Second)
		if _, err := desk.CheckIn(ctx, d.ID); err != nil {
			return err
		}
		n++
	}
	return nil
}

// runDay runs the agenda from 07:30 at its planned pace, the dialogue's
// turns four minutes each.
func (h *heldRun) runDay(ctx context.Context) error {
	mc := h.s.As(Actor{Station: "agenda", Role: RoleAgenda})
	qa := h.s.As(Actor{Station: "qa", Role: RoleQA})
	items, err := h.s.Agenda(ctx)
	if err != nil {
		return err
	}
	ps, err := h.s.Petitions(ctx)
	if err != nil {
		return err
	}
	h.petition = map[int]int64{}
	for _, p := range ps {
		h.petition[p.No] = p.ID
	}
	units, err := h.s.Units(ctx)
	if err != nil {
		return err
	}
	unit := func(name string) int64 {
		for _, u := range units {
			if Fold(u.Name) == Fold(name) {
				return u.ID
			}
		}
		return 0
	}
	h.clk.at(h.day, "07:30")
	for _, it := range items {
		if _, err := mc.Advance(ctx); err != nil {
			return err
		}
		if it.Kind != ItemDialogue {
			h.clk.add(time.Duration(it.PlannedMinutes) * time.Minute)
			continue
		}
		for _, tn := range h.held.Turns {
			d, ok := h.codes[tn.Asker]
			if !ok {
				return fmt.Errorf("turn of %s: no such delegate", tn.Asker)
			}
			if _, err := mc.AddSpeaker(ctx, Speaker{ItemID: it.ID, DelegateID: d.ID}); err != nil {
				return err
			}
			h.clk.add(30 * time.Second)
			sp, err := mc.CallNext(ctx, it.ID)
			if err != nil {
				return err
			}
			h.clk.add(90 * time.Second)
			q := Question{ItemID: it.ID, SpeakerID: sp.ID, DelegateID: d.ID, AskerName: d.FullName, AskerUnit: d.UnitName, Topic: tn.Topic,
				Text: tn.Text, PetitionID: h.petition[tn.Petition]}
			qid, err := qa.SaveQuestion(ctx, q)
			if err != nil {
				return err
			}
			var ids []int64
			for _, a := range tn.Answers {
				h.clk.add(60 * time.Second)
				ans := Answer{QuestionID: qid, Person: a.Person, AgencyID: unit(a.Agency), Summary: a.Summary, Outcome: a.Outcome, FollowupAgencyID: unit(a.Owes)}
				if a.DueDays > 0 {
					ans.DueDate = AddDays(h.day, a.DueDays)
				}
				id, err := qa.SaveAnswer(ctx, ans)
				if err != nil {
					return fmt.Errorf("answer to %s: %w", tn.Asker, err)
				}
				ids = append(ids, id)
			}
			h.answers = append(h.answers, ids)
			h.clk.add(30 * time.Second)
			if err := mc.EndTurn(ctx); err != nil {
				return err
			}
		}
		// the dialogue runs to its planned end when the turns are shorter
		start := dayAt(h.day, "07:30")
		if end := start.Add(h.plannedUntil(items, it.ID)); h.clk.now().Before(end) {
			h.clk.set(end)
		}
	}
	_, err = mc.Advance(ctx) // the closing ends
	return err
}

// plannedUntil is the planned time from the start to the end of item id.
func (h *heldRun) plannedUntil(items []AgendaItem, id int64) time.Duration {
	var d time.Duration
	for _, it := range items {
		d += time.Duration(it.PlannedMinutes) * time.Minute
		if it.ID == id {
			break
		}
	}
	return d
}

// afterDay records the receipts and extensions, each on its day at 09:00
// in the follow-up office's name.
func (h *heldRun) afterDay(ctx context.Context) error {
	fu := h.s.As(Actor{Station: "followup", Role: RoleFollowup})
	key := func(turn, petition int) (string, error) {
		switch {
		case turn > 0 && turn <= len(h.answers) && len(h.answers[turn-1]) > 0:
			return "a" + strconv.FormatInt(h.answers[turn-1][0], 10), nil
		case petition > 0 && h.petition[petition] != 0:
			return "p" + strconv.FormatInt(h.petition[petition], 10), nil
		}
		return "", fmt.Errorf("no obligation for turn %d, petition %d", turn, petition)
	}
	type step struct {
		day int
		do  func() error
	}
	var steps []step
	for _, r := range h.held.Receipts {
		k, err := key(r.Turn, r.Petition)
		if err != nil {
			return err
		}
		docDay := AddDays(h.day, r.Day)
		in := ReceiptInput{Obligation: k, DocNo: r.DocNo + " ngày " + dmy(docDay), Signer: r.Signer, Summary: r.Summary, Result: r.Result, ForwardedTo: r.ForwardedTo}
		steps = append(steps, step{r.Day, func() error { _, err := fu.RecordReceipt(ctx, in); return err }})
	}
	for _, e := range h.held.Extensions {
		k, err := key(e.Turn, 0)
		if err != nil {
			return err
		}
		due, reason := AddDays(h.day, e.NewDueDays), e.Reason
		steps = append(steps, step{e.Day, func() error { _, err := fu.Extend(ctx, k, due, reason); return err }})
	}
	slices.SortStableFunc(steps, func(a, b step) int { return a.day - b.day })
	for _, st := range steps {
		// a letter dated day N reaches the office the next morning
		h.clk.at(AddDays(h.day, st.day+1), "09:00")
		if err := st.do(); err != nil {
			return err
		}
	}
	return nil
}
