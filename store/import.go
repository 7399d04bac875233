package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"doithoai/store/sheet"
	"doithoai/store/textclean"
)

// Problem is one bad cell or row of an imported file (see sheet.Problem).
type Problem = sheet.Problem

// ImportKind is what a file holds.
type ImportKind string

const (
	ImportDelegates ImportKind = "delegates"
	ImportPetitions ImportKind = "petitions"
	ImportAgenda    ImportKind = "agenda"
	ImportAnswers   ImportKind = "answers" // prepared answers returned by the agencies
)

// ImportKinds lists the kinds in the order a meeting is prepared.
var ImportKinds = []ImportKind{ImportDelegates, ImportPetitions, ImportAgenda, ImportAnswers}

// Schema is the table layout of the kind.
func (k ImportKind) Schema() (sheet.Schema, bool) {
	switch k {
	case ImportDelegates:
		return sheet.Delegates, true
	case ImportPetitions:
		return sheet.Petitions, true
	case ImportAgenda:
		return sheet.Agenda, true
	case ImportAnswers:
		return sheet.Answers, true
	}
	return sheet.Schema{}, false
}

// Row actions in an import report.
const (
	ActionNew    = "new"
	ActionUpdate = "update"
	ActionSame   = "same"
)

// ImportRow is what happens to one row of the file.
type ImportRow struct {
	Row     int      `json:"row"`
	Action  string   `json:"action"`
	Label   string   `json:"label"`
	Changes []string `json:"changes,omitempty"` // fields an update changes
}

// ImportReport says what an import did, or, for a dry run or a file with
// problems, what it would have done. Nothing is kept unless Applied.
type ImportReport struct {
	Kind      ImportKind  `json:"kind"`
	File      string      `json:"file"`
	Sheet     string      `json:"sheet,omitempty"`
	HeaderRow int         `json:"header_row,omitempty"`
	Rows      []ImportRow `json:"rows"`
	New       int         `json:"new"`
	Updated   int         `json:"updated"`
	Unchanged int         `json:"unchanged"`
	NewUnits  []string    `json:"new_units,omitempty"`
	NewGroups []string    `json:"new_groups,omitempty"`
	NewTopics []string    `json:"new_topics,omitempty"`
	// OverQuota lists the groups that, with this import, invite more
	// people than their quota: not a problem (the list is the office's
	// call), but worth a look before the day.
	OverQuota []GroupCount `json:"over_quota,omitempty"`
	Problems  []Problem    `json:"problems,omitempty"`
	// Fixes are the corrections made to the delegates' text (see
	// NameFix); Capitals counts the names typed in capitals, written in
	// proper case unless KeepCase.
	Fixes    []NameFix `json:"fixes,omitempty"`
	Capitals int       `json:"capitals,omitempty"`
	KeepCase bool      `json:"keep_case,omitempty"`
	DryRun   bool      `json:"dry_run,omitempty"`
	Applied  bool      `json:"applied"`
}

func (r *ImportReport) add(row int, action, label string, changes []string) {
	r.Rows = append(r.Rows, ImportRow{Row: row, Action: action, Label: label, Changes: changes})
	switch action {
	case ActionNew:
		r.New++
	case ActionUpdate:
		r.Updated++
	default:
		r.Unchanged++
	}
}

// problem records a bad row. code names the message for translation
// ("name_missing"); args fill it in both languages.
func (r *ImportReport) problem(row int, column, code, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{Row: row, Column: column, Msg: fmt.Sprintf(format, args...), Code: code, Args: args})
}

// errRollback ends a write transaction without keeping anything: a dry
// run, or a file with problems.
var errRollback = errors.New("import rolled back")

// ImportFile reads the file at path (.xlsx or .csv) and imports it (see
// Import). Errors are for files that cannot be read at all; problems with
// rows are in the report.
func (s *Store) ImportFile(ctx context.Context, kind ImportKind, path string, dryRun bool) (*ImportReport, error) {
	return s.ImportFileWith(ctx, kind, path, ImportOptions{DryRun: dryRun})
}

// ImportFileWith is ImportFile with options.
func (s *Store) ImportFileWith(ctx context.Context, kind ImportKind, path string, o ImportOptions) (*ImportReport, error) {
	sheets, err := sheet.Read(path)
	if err != nil {
		return nil, err
	}
	return s.ImportWith(ctx, kind, path, sheets, o)
}

// Import writes a table into the meeting in one transaction, all or
// nothing: if any row has a problem, or dryRun is set, the transaction is
// rolled back and the report says what would have happened. Rows match
// existing records (delegates by code, else by name and unit; petitions
// by text; agenda items by title), so importing the same file twice
// duplicates nothing. Every change carries its audit row, and one more row
// records the import itself.
func (s *Store) Import(ctx context.Context, kind ImportKind, file string, sheets []sheet.Sheet, dryRun bool) (*ImportReport, error) {
	return s.ImportWith(ctx, kind, file, sheets, ImportOptions{DryRun: dryRun})
}

// ImportWith is Import with options (see ImportOptions).
func (s *Store) ImportWith(ctx context.Context, kind ImportKind, file string, sheets []sheet.Sheet, o ImportOptions) (*ImportReport, error) {
	dryRun := o.DryRun
	schema, ok := kind.Schema()
	if !ok {
		return nil, fmt.Errorf("%w: unknown import kind %q", ErrInvalid, kind)
	}
	file = textclean.Line(file) // a file's name is outside text too: it is audited and shown
	var rep *ImportReport
	err := s.write(ctx, PermSetup, func(t *Tx) error {
		// a retried transaction starts from a clean report
		rep = &ImportReport{Kind: kind, File: file, DryRun: dryRun}
		tbl, probs := sheet.Locate(sheets, schema)
		rep.Problems = append(rep.Problems, probs...)
		if tbl == nil {
			legacyHeader(rep, sheets)
			return errRollback
		}
		rep.Sheet, rep.HeaderRow = tbl.Sheet, tbl.HeaderRow
		im := &importer{t: t, tbl: tbl, schema: schema, rep: rep,
			unitIDs: map[string]int64{}, groupIDs: map[string]int64{}, unitNames: map[int64]string{}}
		var err error
		var overBefore []GroupCount
		if kind == ImportDelegates {
			if overBefore, err = t.overQuota(ctx); err != nil {
				return err
			}
		}
		switch kind {
		case ImportDelegates:
			im.cleanNames(o)
			if err = im.delegates(ctx); err == nil {
				im.otherPeoplesCodes()
			}
		case ImportPetitions:
			err = im.petitions(ctx)
		case ImportAgenda:
			err = im.agenda(ctx)
		case ImportAnswers:
			err = im.answers(ctx)
		}
		if err != nil {
			return err
		}
		if kind == ImportDelegates {
			after, err := t.overQuota(ctx)
			if err != nil {
				return err
			}
			rep.OverQuota = grownOverQuota(overBefore, after)
		}
		if len(rep.Rows) == 0 && len(rep.Problems) == 0 {
			rep.problem(tbl.HeaderRow, "", "no_rows", "no rows under the header")
		}
		if len(rep.Problems) > 0 || dryRun {
			return errRollback
		}
		summary := map[string]any{"file": file, "sheet": tbl.Sheet, "new": rep.New, "updated": rep.Updated, "unchanged": rep.Unchanged}
		return t.audit(ctx, "import", string(kind), 0, nil, summary)
	})
	if errors.Is(err, errRollback) {
		return rep, nil
	}
	if err != nil {
		return rep, err
	}
	rep.Applied = true
	return rep, nil
}

// GroupCount is a group's invited delegates against its quota.
type GroupCount struct {
	Name    string `json:"name"`
	Invited int    `json:"invited"`
	Quota   int    `json:"quota"`
}

// grownOverQuota keeps the groups over their quota that this import took
// further over (or over for the first time): the others were so before
// and the file did not touch them.
func grownOverQuota(before, after []GroupCount) []GroupCount {
	was := map[string]int{}
	for _, g := range before {
		was[g.Name] = g.Invited
	}
	var out []GroupCount
	for _, g := range after {
		if n, ok := was[g.Name]; !ok || g.Invited > n {
			out = append(out, g)
		}
	}
	return out
}

// overQuota lists the groups with more invited delegates than their quota.
func (t *Tx) overQuota(ctx context.Context) ([]GroupCount, error) {
	return queryAll(ctx, t.tx, func(r scanner) (GroupCount, error) {
		var g GroupCount
		return g, r.Scan(&g.Name, &g.Invited, &g.Quota)
	}, `SELECT g.name, count(d.id), g.quota FROM groups g JOIN delegates d ON d.group_id = g.id AND d.walk_in = 0
		WHERE g.quota > 0 GROUP BY g.id HAVING count(d.id) > g.quota ORDER BY g.position, g.id`)
}

// importer carries one import's transaction, table and report.
type importer struct {
	t      *Tx
	tbl    *sheet.Table
	schema sheet.Schema
	rep    *ImportReport
	// lookups already made in this transaction, by name as written
	unitIDs, groupIDs map[string]int64
	unitNames         map[int64]string
}

func (im *importer) col(key string) string { return im.tbl.Header(im.schema, key) }

// get returns a short field: cleaned and with single spaces.
func (im *importer) get(r sheet.Row, key string) string { return sheet.Squeeze(im.tbl.Get(r, key)) }

// unit finds the unit named name, accent- and case-insensitively (or by
// its short name), creating it with a kind guessed from the name.
func (im *importer) unit(ctx context.Context, row int, key, name string, fallback UnitKind) (int64, bool) {
	if name == "" {
		return 0, true
	}
	if len([]rune(name)) > MaxName {
		im.rep.problem(row, im.col(key), "too_long", "too long (at most %d characters)", MaxName)
		return 0, false
	}
	if id, ok := im.unitIDs[name]; ok {
		return id, true
	}
	id, err := im.t.unitByName(ctx, name)
	if err == nil && id == 0 {
		id, err = im.t.saveUnit(ctx, Unit{Name: name, Kind: GuessUnitKind(name, fallback)})
		if err == nil {
			im.rep.NewUnits = append(im.rep.NewUnits, name)
		}
	}
	if err != nil {
		im.rep.problem(row, im.col(key), "error", "%v", err)
		return 0, false
	}
	im.unitIDs[name] = id
	return id, true
}

// unitName is the unit's name as the meeting spells it (labels show the
// match, not the file's spelling).
func (im *importer) unitName(ctx context.Context, id int64, fallback string) string {
	if n, ok := im.unitNames[id]; ok {
		return n
	}
	var n string
	if id == 0 || im.t.queryRow(ctx, `SELECT name FROM units WHERE id = ?`, id).Scan(&n) != nil {
		return fallback
	}
	im.unitNames[id] = n
	return n
}

func (im *importer) group(ctx context.Context, row int, name string) (int64, bool) {
	if name == "" {
		return 0, true
	}
	if len([]rune(name)) > MaxName {
		im.rep.problem(row, im.col(sheet.KeyGroup), "too_long", "too long (at most %d characters)", MaxName)
		return 0, false
	}
	if id, ok := im.groupIDs[name]; ok {
		return id, true
	}
	id, err := im.t.groupByName(ctx, name)
	if err == nil && id == 0 {
		id, err = im.t.saveGroup(ctx, Group{Name: name})
		if err == nil {
			im.rep.NewGroups = append(im.rep.NewGroups, name)
		}
	}
	if err != nil {
		im.rep.problem(row, im.col(sheet.KeyGroup), "error", "%v", err)
		return 0, false
	}
	im.groupIDs[name] = id
	return id, true
}

// fieldProblem reports a store error on a row, under the column of the
// field it names when there is one.
func (im *importer) fieldProblem(row int, err error, columns map[string]string) {
	var fe *FieldError
	if errors.As(err, &fe) {
		if key, ok := columns[fe.Field]; ok {
			im.rep.problem(row, im.col(key), "error", "%s", fe.Reason)
			return
		}
	}
	msg := err.Error()
	for field, key := range columns {
		if strings.HasPrefix(msg, field+":") {
			im.rep.problem(row, im.col(key), "error", "%s", strings.TrimSpace(strings.TrimPrefix(msg, field+":")))
			return
		}
	}
	im.rep.problem(row, "", "error", "%v", err)
}

// totalRow reports a "Tổng cộng: 48" line under the table.
func totalRow(r sheet.Row) bool {
	n := 0
	var text string
	for _, c := range r.Cells {
		if c != "" {
			n++
			text = c
		}
	}
	f := Fold(text)
	return n <= 2 && (strings.HasPrefix(f, "tong cong") || strings.HasPrefix(f, "tong so") || strings.HasPrefix(f, "cong ") ||
		strings.HasPrefix(f, "total"))
}

// occurrences matches the k-th row with a key to the k-th existing record
// with it, so repeated keys (namesakes without codes, two "Văn nghệ"
// items) still import idempotently.
type occurrences[T any] struct {
	by   map[string][]T
	seen map[string]int
}

func newOccurrences[T any]() *occurrences[T] {
	return &occurrences[T]{by: map[string][]T{}, seen: map[string]int{}}
}

func (o *occurrences[T]) put(key string, v T) { o.by[key] = append(o.by[key], v) }

func (o *occurrences[T]) next(key string) (T, bool) {
	i := o.seen[key]
	o.seen[key] = i + 1
	if i < len(o.by[key]) {
		return o.by[key][i], true
	}
	var zero T
	return zero, false
}
