// Package reports is the reports station.
package reports

import (
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// New returns the reports station.
func New(c *common.Common) common.Station {
	return components.NewPlaceholder(c, "station.reports")
}
