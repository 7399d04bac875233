package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"doithoai/store"
	"doithoai/store/sheet"
)

func init() {
	register(command{name: "import", summary: "import delegates, petitions, the agenda or the agencies' answers from an xlsx or csv file", run: func(ctx context.Context, args []string) error {
		return importCmd(ctx, args, os.Stdout, os.Stderr)
	}})
}

const importUsage = `Usage: doithoai import delegates|petitions|agenda|answers FILE [--db MEETING] [--dry-run] [--keep-case] [--json]

Reads an .xlsx or .csv table (UTF-8 with or without BOM, or Windows-1258;
comma or semicolon) and writes it into the meeting in one transaction.
The header row may sit below title rows; column names are matched without
accents or case, in Vietnamese or English:
  delegates   Họ và tên, Chức vụ, Đơn vị, Thành phần, Điện thoại, Mã,
              Thứ tự giới thiệu (the order the MC introduces an official in)
  petitions   Nội dung, Lĩnh vực, Người kiến nghị (name or code), Đơn vị,
              Cơ quan trả lời, Nội dung trả lời
  agenda      Nội dung, Loại, Người trình bày, Thời lượng (phút)
  answers     the prepared answers an agency sends back: Số kiến nghị (or
              Nội dung kiến nghị, accents optional, may be cut short),
              Nội dung trả lời, Ngày gửi (default: today), Cơ quan trả lời

All or nothing: if any row has a problem, nothing is imported and every
problem is listed with its row number and column (exit status 1).
Importing the same file again updates instead of duplicating: delegates
match by code, else by name and unit; petitions by text; items by title;
answers by the petition's number or text (a row that matches no petition,
or several, is a problem).
--dry-run shows what would be imported without writing anything.

Delegates' names are cleaned and every correction listed with its row:
names typed in capitals (NGUYỄN KHÁNH MAI) are written in proper case
(Nguyễn Khánh Mai) unless --keep-case; a look-alike Ð (U+00D0) becomes Đ;
accents typed as separate marks are joined. Text still in the VNI or
TCVN3 encoding ("Nguyeãn", "NguyÔn") is refused with its row: convert the
file to Unicode first. A file whose codes are other people's in this
meeting is refused with one line saying so before the rows.`

func importCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("import", importUsage)
	db := fs.String("db", "", "meeting `FILE`")
	dry := fs.Bool("dry-run", false, "show what would be imported; write nothing")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	verbose := fs.Bool("v", false, "list every row, also when importing")
	keepCase := fs.Bool("keep-case", false, "keep names typed in capitals as they are (default: proper case)")
	// Positional arguments and flags in any order.
	var pos []string
	for len(args) > 0 {
		if !strings.HasPrefix(args[0], "-") || args[0] == "-" {
			pos, args = append(pos, args[0]), args[1:]
			continue
		}
		if err := parse(fs, args); err != nil {
			return err
		}
		args = fs.Args()
	}
	if len(pos) != 2 {
		return usagef("import needs KIND and FILE: doithoai import delegates|petitions|agenda|answers FILE --db MEETING")
	}
	kind, ok := parseImportKind(pos[0])
	if !ok {
		return usagef("unknown import %q; choose delegates, petitions, agenda or answers", pos[0])
	}
	file := pos[1]
	sheets, err := sheet.Read(file)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
			return err
		}
		return usagef("%s: %v", file, err)
	}
	st, _, err := openMeeting(ctx, *db, store.Options{NoWatch: true, Actor: store.Actor{Station: "import", Role: store.RoleAdmin}})
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := st.ImportWith(ctx, kind, file, sheets, store.ImportOptions{DryRun: *dry, KeepCase: *keepCase})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	} else {
		printImportReport(stdout, rep, *dry || *verbose || len(rep.Problems) > 0)
	}
	if len(rep.Problems) > 0 {
		for _, p := range rep.Problems {
			fmt.Fprintln(stderr, "  "+p.String())
		}
		return fmt.Errorf("%s: %d problem(s); nothing imported", file, len(rep.Problems))
	}
	return nil
}

func parseImportKind(s string) (store.ImportKind, bool) {
	switch store.Fold(s) {
	case "delegates", "delegate", "dai bieu", "daibieu":
		return store.ImportDelegates, true
	case "petitions", "petition", "kien nghi", "kiennghi":
		return store.ImportPetitions, true
	case "agenda", "chuong trinh", "chuongtrinh":
		return store.ImportAgenda, true
	case "answers", "answer", "tra loi", "traloi":
		return store.ImportAnswers, true
	}
	return "", false
}

// printReport writes the report for a person: where the table was found,
// the rows (when asked), what is new, and the counts.
func printImportReport(w io.Writer, rep *store.ImportReport, rows bool) {
	where := ""
	if rep.HeaderRow > 0 {
		where = fmt.Sprintf(" (sheet %q, header on row %d)", rep.Sheet, rep.HeaderRow)
	}
	fmt.Fprintf(w, "import %s from %s%s\n", rep.Kind, rep.File, where)
	if rows && len(rep.Problems) == 0 {
		for _, r := range rep.Rows {
			line := fmt.Sprintf("  row %4d  %-6s  %s", r.Row, r.Action, r.Label)
			if len(r.Changes) > 0 {
				line += " (" + strings.Join(r.Changes, ", ") + ")"
			}
			fmt.Fprintln(w, line)
		}
	}
	for _, l := range []struct {
		label string
		names []string
	}{{"new units", rep.NewUnits}, {"new groups", rep.NewGroups}, {"new topics", rep.NewTopics}} {
		if len(l.names) > 0 {
			fmt.Fprintf(w, "%s: %s\n", l.label, strings.Join(l.names, "; "))
		}
	}
	for _, g := range rep.OverQuota {
		fmt.Fprintf(w, "over quota: %s, %d invited for a quota of %d\n", g.Name, g.Invited, g.Quota)
	}
	printNameFixes(w, rep)
	switch {
	case len(rep.Problems) > 0:
		fmt.Fprintf(w, "%d problem(s): nothing imported\n", len(rep.Problems))
	case rep.Applied:
		fmt.Fprintf(w, "%d new, %d updated, %d unchanged: imported\n", rep.New, rep.Updated, rep.Unchanged)
	default:
		fmt.Fprintf(w, "%d new, %d updated, %d unchanged: dry run, nothing written\n", rep.New, rep.Updated, rep.Unchanged)
	}
}
