package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestEveryKeyInBothLanguages(t *testing.T) {
	for _, k := range Keys() {
		vi, en := Both(k)
		// a label may be blank on purpose, but then in both languages
		if (strings.TrimSpace(vi) == "") != (strings.TrimSpace(en) == "") {
			t.Errorf("%s: vi=%q en=%q", k, vi, en)
		}
		if strings.Count(vi, "%") != strings.Count(en, "%") {
			t.Errorf("%s: the two languages take different arguments: %q / %q", k, vi, en)
		}
	}
}

func TestLookup(t *testing.T) {
	if New(VI).T("station.checkin") != "Đón tiếp" || New(EN).T("station.checkin") != "Check-in" {
		t.Fatal("station.checkin lookup")
	}
	if New(EN).T("no.such.key") != "no.such.key" {
		t.Fatal("a missing key must show itself")
	}
	if l, ok := Parse("en"); !ok || l != EN {
		t.Fatal("Parse en")
	}
	if _, ok := Parse("fr"); ok {
		t.Fatal("Parse fr accepted")
	}
}

// TestKeysUsedInCodeExist scans tui/ for .T("…") and .F("…", …) calls with a
// literal key and checks each key is in the catalog, so a typo cannot ship
// as a raw key on screen.
func TestKeysUsedInCodeExist(t *testing.T) {
	root := filepath.Join("..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "T" && sel.Sel.Name != "F") {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			if strings.Contains(key, ".") && !strings.Contains(key, " ") && !Has(key) {
				t.Errorf("%s: key %q is not in the catalog", fset.Position(lit.Pos()), key)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
