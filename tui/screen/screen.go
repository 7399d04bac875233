// Package screen is the screen station.
package screen

import (
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// New returns the screen station.
func New(c *common.Common) common.Station {
	return components.NewPlaceholder(c, "station.screen")
}
