package store_test

import (
	"flag"
	"os"
)

func init() {
	if flag.Lookup("long") == nil {
		flag.Bool("long", false, "run the long forms of the soak tests (or DOITHOAI_LONG=1)")
	}
}

// longRun reports whether the long forms of the soak tests were asked for.
func longRun() bool {
	if os.Getenv("DOITHOAI_LONG") == "1" {
		return true
	}
	f := flag.Lookup("long")
	return f != nil && f.Value.String() == "true"
}
