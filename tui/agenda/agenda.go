// Package agenda is the agenda station.
package agenda

import (
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// New returns the agenda station.
func New(c *common.Common) common.Station {
	return components.NewPlaceholder(c, "station.agenda")
}
