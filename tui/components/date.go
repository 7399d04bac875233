package components

import (
	"time"

	"doithoai/store/sheet"
)

// ParseDate reads a date as a clerk types it, day first (18/10/2023,
// 8/9/2023, 18-10-2023, 18.10.2023) or as ISO 2023-10-18, and returns it
// in the store's form, YYYY-MM-DD. The day must exist (31/02 is refused).
func ParseDate(s string) (string, bool) { return sheet.DayFirst(s) }

// ShowDate shows a stored YYYY-MM-DD date as dd/mm/yyyy, the way it is
// written in Vietnam; anything else is shown as it is.
func ShowDate(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return t.Format("02/01/2006")
}
