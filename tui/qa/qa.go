// Package qa is the qa station.
package qa

import (
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// New returns the qa station.
func New(c *common.Common) common.Station {
	return components.NewPlaceholder(c, "station.qa")
}
