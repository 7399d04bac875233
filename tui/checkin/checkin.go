// Package checkin is the checkin station.
package checkin

import (
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// New returns the checkin station.
func New(c *common.Common) common.Station {
	return components.NewPlaceholder(c, "station.checkin")
}
