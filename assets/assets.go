// Package assets holds files embedded in the binary: the demo meeting, and
// later templates and fonts.
package assets

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"doithoai/store"
)

// demoJSON is a fictional meeting modelled on the Ba Đồn 2023 plan for a
// dialogue between the town chairman and women: every name and phone
// number in it is invented.
//
//go:embed demo/meeting.json
var demoJSON []byte

// Demo decodes the embedded demo meeting. Decoding is strict: an unknown
// field or trailing data is an error, so the file cannot drift from
// store.Seed unnoticed.
func Demo() (store.Seed, error) {
	var s store.Seed
	dec := json.NewDecoder(bytes.NewReader(demoJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return store.Seed{}, fmt.Errorf("assets: demo meeting: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return store.Seed{}, errors.New("assets: demo meeting: trailing data after the JSON object")
	}
	return s, nil
}

// heldJSON is what happened at the demo meeting and in the month after
// it (turns, answers received, extensions), for `init --demo-held`.
//
//go:embed demo/held.json
var heldJSON []byte

// DemoHeld decodes the embedded held demo, strictly as Demo does.
func DemoHeld() (store.HeldSeed, error) {
	var h store.HeldSeed
	dec := json.NewDecoder(bytes.NewReader(heldJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&h); err != nil {
		return store.HeldSeed{}, fmt.Errorf("assets: held demo: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return store.HeldSeed{}, errors.New("assets: held demo: trailing data after the JSON object")
	}
	return h, nil
}
