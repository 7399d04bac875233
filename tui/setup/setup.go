// Package setup is the setup station.
package setup

import (
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// New returns the setup station.
func New(c *common.Common) common.Station {
	return components.NewPlaceholder(c, "station.setup")
}
