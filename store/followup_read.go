package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"doithoai/store/fold"
)

// withReadOnly opens the meeting file at path without changing it and
// runs fn on a store that cannot write (the screen role, query_only
// connections, no journal-mode switch, no migration). A file of an older
// schema is first copied to a temporary file (VACUUM INTO) and the copy
// is migrated and read. Not a meeting, or a newer version: refused.
func withReadOnly(ctx context.Context, path string, fn func(*Store) error) error {
	if err := probe(path, false); err != nil {
		return err
	}
	ro := func(p string) (*sql.DB, error) {
		db, err := sql.Open("sqlite", fmt.Sprintf("%s?_pragma=busy_timeout(10000)&_pragma=foreign_keys(ON)&_pragma=query_only(1)", p))
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(1)
		return db, nil
	}
	db, err := ro(path)
	if err != nil {
		return err
	}
	var version, appID int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return mapErr(err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		db.Close()
		return mapErr(err)
	}
	switch {
	case appID != ApplicationID && version == 0:
		db.Close()
		return fmt.Errorf("%w: %s", ErrNotMeeting, path)
	case version > SchemaVersion():
		db.Close()
		return fmt.Errorf("%w (schema %d, this program knows %d)", ErrNewerSchema, version, SchemaVersion())
	case version < SchemaVersion():
		db.Close()
		return withMigratedCopy(ctx, path, fn)
	}
	r, err := ro(path)
	if err != nil {
		db.Close()
		return err
	}
	done := make(chan struct{})
	close(done)
	s := &Store{shared: &shared{path: path, w: db, r: r, now: time.Now, hub: newHub(), done: done, stop: func() {}},
		actor: Actor{Station: "read", Role: RoleScreen}}
	defer s.Close()
	return fn(s)
}

// withMigratedCopy reads an older meeting file through a migrated copy.
func withMigratedCopy(ctx context.Context, path string, fn func(*Store) error) error {
	dir, err := os.MkdirTemp("", "doithoai-read-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "copy.db")
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	_, err = db.ExecContext(ctx, "VACUUM INTO ?", tmp)
	db.Close()
	if err != nil {
		return mapErr(err)
	}
	s, err := Open(ctx, tmp, Options{NoWatch: true, NoCheck: true, Actor: Actor{Station: "read", Role: RoleScreen}})
	if err != nil {
		return err
	}
	defer s.Close()
	s.shared.path = path // attachments and names are the original's
	return fn(s)
}

// OpenRegister reads the register of the meeting file at path, without
// changing it, as of today in that meeting's zone (day "" ) or as of day.
func OpenRegister(ctx context.Context, path, day string) (*Register, error) {
	var reg *Register
	err := withReadOnly(ctx, path, func(s *Store) error {
		var err error
		if day == "" {
			reg, err = s.Register(ctx)
		} else {
			reg, err = s.RegisterAsOf(ctx, day)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return reg, nil
}

// MergeRegisters joins the registers of several meetings into one (each
// obligation keeps its Meeting and File), ordered as SortRegister orders
// one. Meeting and HeldOn are the first one's, Today the latest.
func MergeRegisters(regs ...*Register) *Register {
	out := &Register{}
	seen := map[string]bool{}
	for i, r := range regs {
		if i == 0 {
			out.Meeting, out.HeldOn = r.Meeting, r.HeldOn
		}
		out.Today = max(out.Today, r.Today)
		out.Ran = out.Ran || r.Ran
		out.Obligations = append(out.Obligations, r.Obligations...)
		for _, u := range r.Units {
			if f := Fold(u.Name); !seen[f] {
				seen[f] = true
				out.Units = append(out.Units, u)
			}
		}
	}
	sortUnits(out.Units)
	SortRegister(out.Obligations)
	return out
}

// RegisterFilter selects obligations. Empty fields select everything.
type RegisterFilter struct {
	Agency   string       // the owing agency's name, accents and case aside
	AgencyID int64        // or its id (one meeting file)
	Topic    string       // accents and case aside
	Statuses []StatusKind // any of these
	Carried  bool         // only those from the previous meeting
	Late     bool         // only those answered late
	// Text: every word (accents aside) starts a word of the agency,
	// asker, topic, question, answer, document numbers or summaries.
	Text string
}

// Filter returns the obligations f selects, in the register's order.
func (r *Register) Filter(f RegisterFilter) []Obligation {
	agency, topic := Fold(f.Agency), Fold(f.Topic)
	words := fold.Words(Fold(f.Text))
	var out []Obligation
	for _, o := range r.Obligations {
		switch {
		case f.AgencyID != 0 && o.AgencyID != f.AgencyID,
			agency != "" && Fold(o.Agency) != agency,
			topic != "" && Fold(o.Topic) != topic,
			len(f.Statuses) > 0 && !slices.Contains(f.Statuses, o.Status.Kind),
			f.Carried && !o.Carried,
			f.Late && (o.Status.Open() || o.Status.Days == 0),
			!matchWords(o.folded, words):
			continue
		}
		out = append(out, o)
	}
	return out
}

// Matches reports whether the obligation's text holds every word of the
// folded query as the start of one of its words.
func (o Obligation) Matches(query string) bool { return matchWords(o.folded, fold.Words(Fold(query))) }

func matchWords(hay string, words []string) bool {
	for _, w := range words {
		if !hasWordPrefix(hay, w) {
			return false
		}
	}
	return true
}

func hasWordPrefix(hay, w string) bool {
	for i := 0; ; {
		j := strings.Index(hay[i:], w)
		if j < 0 {
			return false
		}
		j += i
		if j == 0 || hay[j-1] == ' ' {
			return true
		}
		i = j + 1
	}
}

// AgencySummary is one agency's line of the per-agency table. Answered
// on time and late include the forwarded referrals; the on-time rate is
// answered on time over everything that has fallen due (answered, or
// still open past its date).
type AgencySummary struct {
	AgencyID  int64 // in a merged register, the first meeting's id
	Agency    string
	Owed      int // every obligation
	OnTime    int // answered (or forwarded) by the due date
	Late      int // answered (or forwarded) after it
	Overdue   int // still open past the due date
	Open      int // still open, not yet due (due soon included)
	Forwarded int // referrals passed on (counted in OnTime or Late too)
}

// Rate is the on-time rate (0..1) and whether anything has fallen due.
func (a AgencySummary) Rate() (float64, bool) {
	n := a.OnTime + a.Late + a.Overdue
	if n == 0 {
		return 0, false
	}
	return float64(a.OnTime) / float64(n), true
}

// Add sums b into a.
func (a *AgencySummary) Add(b AgencySummary) {
	a.Owed += b.Owed
	a.OnTime += b.OnTime
	a.Late += b.Late
	a.Overdue += b.Overdue
	a.Open += b.Open
	a.Forwarded += b.Forwarded
}

func (a *AgencySummary) count(o Obligation) {
	a.Owed++
	switch {
	case o.Status.Kind == StatusOverdue:
		a.Overdue++
	case o.Status.Open():
		a.Open++
	case o.Status.Days == 0:
		a.OnTime++
	default:
		a.Late++
	}
	if o.Status.Kind == StatusForwarded {
		a.Forwarded++
	}
}

// ByAgency sums the obligations per owing agency, in the units' protocol
// order (those not assigned to any last), with the total.
func (r *Register) ByAgency() ([]AgencySummary, AgencySummary) {
	return SummarizeByAgency(r.Obligations, r.Units)
}

// SummarizeByAgency sums a list of obligations (a filtered register) per
// agency, in the order of units.
func SummarizeByAgency(list []Obligation, units []Unit) ([]AgencySummary, AgencySummary) {
	order := map[string]int{}
	for i, u := range units {
		order[Fold(u.Name)] = i
	}
	idx := map[string]int{}
	var out []AgencySummary
	var total AgencySummary
	for _, o := range list {
		k := Fold(o.Agency)
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, AgencySummary{AgencyID: o.AgencyID, Agency: o.Agency})
		}
		out[i].count(o)
		total.count(o)
	}
	slices.SortStableFunc(out, func(a, b AgencySummary) int {
		oa, oka := order[Fold(a.Agency)]
		ob, okb := order[Fold(b.Agency)]
		switch {
		case a.Agency == "" || b.Agency == "":
			return cmp.Compare(boolInt(a.Agency == ""), boolInt(b.Agency == ""))
		case oka != okb:
			return cmp.Compare(boolInt(!oka), boolInt(!okb))
		}
		return cmp.Or(cmp.Compare(oa, ob), cmp.Compare(Fold(a.Agency), Fold(b.Agency)))
	})
	return out, total
}

// Obligation finds one obligation by key (in a one-meeting register).
func (r *Register) Obligation(key string) (Obligation, bool) {
	for _, o := range r.Obligations {
		if o.Key == key {
			return o, true
		}
	}
	return Obligation{}, false
}
