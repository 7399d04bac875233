package components

import (
	"reflect"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"

	"doithoai/tui/i18n"
)

var bindingType = reflect.TypeOf(key.Binding{})

// FormKeyMap is huh's default key map with its help text in the catalog's
// language ("enter next" becomes "enter tiếp"), for every embedded form.
func FormKeyMap(t i18n.Catalog) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	localize(reflect.ValueOf(km).Elem(), t)
	return km
}

// localize walks the key map's nested structs and translates each
// binding's help description found in the catalog as "form.key.<desc>".
func localize(v reflect.Value, t i18n.Catalog) {
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch {
		case f.Type() == bindingType:
			b := f.Addr().Interface().(*key.Binding)
			h := b.Help()
			if k := "form.key." + h.Desc; i18n.Has(k) {
				b.SetHelp(h.Key, t.T(k))
			}
		case f.Kind() == reflect.Struct:
			localize(f, t)
		}
	}
}
