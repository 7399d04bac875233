package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"doithoai/store"
)

// printNameFixes lists what the import corrected in the delegates' text:
// capitals (and the choice made for the whole file), look-alike letters,
// accents joined; each with its row.
func printNameFixes(w io.Writer, rep *store.ImportReport) {
	if rep.Capitals > 0 {
		if rep.KeepCase {
			fmt.Fprintf(w, "%d name(s) typed in capitals, kept as typed (without --keep-case they are written in proper case)\n", rep.Capitals)
		} else {
			fmt.Fprintf(w, "%d name(s) typed in capitals, written in proper case (--keep-case keeps them as typed):\n", rep.Capitals)
		}
	}
	var joined []string
	for _, f := range rep.Fixes {
		switch f.Kind {
		case store.FixCase:
			fmt.Fprintf(w, "  row %4d  %s → %s\n", f.Row, f.From, f.To)
		case store.FixLookalike:
			fmt.Fprintf(w, "look-alike letter: row %d, %s: %s → %s (%s)\n", f.Row, f.Column, f.From, f.To, f.Letters)
		case store.FixAccents:
			joined = append(joined, strconv.Itoa(f.Row))
		}
	}
	if len(joined) > 0 {
		fmt.Fprintf(w, "accents typed as separate marks, joined (NFC): row(s) %s\n", strings.Join(joined, ", "))
	}
}
