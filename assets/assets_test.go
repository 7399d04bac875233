package assets

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"doithoai/store"
)

func demo(t *testing.T) store.Seed {
	t.Helper()
	s, err := Demo()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDemoDecodes(t *testing.T) {
	s := demo(t)
	if s.Meeting.Title == "" || s.Meeting.Chair == "" || s.Meeting.TurnSeconds <= 0 {
		t.Errorf("meeting incomplete: %+v", s.Meeting)
	}
	if len(s.Topics) == 0 || len(s.Units) == 0 || len(s.Groups) == 0 ||
		len(s.Delegates) == 0 || len(s.Agenda) == 0 || len(s.Petitions) == 0 {
		t.Errorf("empty section: %d topics, %d units, %d groups, %d delegates, %d items, %d petitions",
			len(s.Topics), len(s.Units), len(s.Groups), len(s.Delegates), len(s.Agenda), len(s.Petitions))
	}
}

func TestDemoUnits(t *testing.T) {
	s := demo(t)
	names := map[string]bool{}
	count := map[store.UnitKind]int{}
	for _, u := range s.Units {
		if u.Name == "" {
			t.Errorf("unit with empty name: %+v", u)
		}
		if names[u.Name] {
			t.Errorf("duplicate unit %q", u.Name)
		}
		names[u.Name] = true
		if !slices.Contains(store.UnitKinds, u.Kind) {
			t.Errorf("unit %q: invalid kind %q", u.Name, u.Kind)
		}
		count[u.Kind]++
	}
	if count[store.UnitWard] != 6 {
		t.Errorf("%d wards, want 6", count[store.UnitWard])
	}
	if count[store.UnitCommune] != 10 {
		t.Errorf("%d communes, want 10", count[store.UnitCommune])
	}
}

func TestDemoDelegates(t *testing.T) {
	s := demo(t)
	units := map[string]bool{}
	for _, u := range s.Units {
		units[u.Name] = true
	}
	groups := map[string]bool{}
	for _, g := range s.Groups {
		if groups[g.Name] {
			t.Errorf("duplicate group %q", g.Name)
		}
		groups[g.Name] = true
	}
	codes := map[string]bool{}
	chairFound := false
	for _, d := range s.Delegates {
		if d.Code == "" {
			t.Errorf("delegate %q has no code", d.FullName)
		}
		if codes[d.Code] {
			t.Errorf("duplicate code %q", d.Code)
		}
		codes[d.Code] = true
		if d.FullName == "" {
			t.Errorf("delegate %q has no name", d.Code)
		}
		if !units[d.Unit] {
			t.Errorf("delegate %s: unknown unit %q", d.Code, d.Unit)
		}
		if !groups[d.Group] {
			t.Errorf("delegate %s: unknown group %q", d.Code, d.Group)
		}
		if d.Phone != "" && (len(d.Phone) != 10 || d.Phone[0] != '0' || strings.Trim(d.Phone, "0123456789") != "") {
			t.Errorf("delegate %s: phone %q is not a 10-digit mobile number", d.Code, d.Phone)
		}
		if d.FullName == s.Meeting.Chair && d.Protocol == 1 {
			chairFound = true
		}
	}
	if !chairFound {
		t.Errorf("chair %q is not a delegate with protocol 1", s.Meeting.Chair)
	}
}

func TestDemoWomenGroup(t *testing.T) {
	const name = "Đại biểu phụ nữ"
	s := demo(t)
	i := slices.IndexFunc(s.Groups, func(g store.SeedGroup) bool { return g.Name == name })
	if i < 0 {
		t.Fatalf("no group %q", name)
	}
	if q := s.Groups[i].Quota; q != 100 {
		t.Errorf("quota %d, want 100", q)
	}
	n := 0
	for _, d := range s.Delegates {
		if d.Group == name {
			n++
		}
	}
	if n < 95 || n > 100 {
		t.Errorf("%d women delegates, want 95-100", n)
	}
}

func TestDemoAgenda(t *testing.T) {
	s := demo(t)
	start := s.Meeting.Start(time.UTC)
	if start.IsZero() {
		t.Fatalf("bad date/start time %q %q", s.Meeting.Date, s.Meeting.StartTime)
	}
	if h := start.Hour()*60 + start.Minute(); h < 7*60+30 || h > 8*60 {
		t.Errorf("start %s, want 07:30-08:00", s.Meeting.StartTime)
	}
	total := 0
	for _, it := range s.Agenda {
		if !slices.Contains(store.ItemKinds, it.Kind) {
			t.Errorf("item %q: invalid kind %q", it.Title, it.Kind)
		}
		if it.PlannedMinutes <= 0 {
			t.Errorf("item %q: %d minutes", it.Title, it.PlannedMinutes)
		}
		total += it.PlannedMinutes
	}
	if total > 4*60+15 {
		t.Errorf("agenda lasts %d min, more than one morning", total)
	}
	if !slices.ContainsFunc(s.Agenda, func(it store.SeedItem) bool { return it.Kind == store.ItemDialogue }) {
		t.Error("no dialogue item")
	}
}

func TestDemoPetitions(t *testing.T) {
	s := demo(t)
	kinds := map[string]store.UnitKind{}
	for _, u := range s.Units {
		kinds[u.Name] = u.Kind
	}
	codes := map[string]bool{}
	for _, d := range s.Delegates {
		codes[d.Code] = true
	}
	answerable := []store.UnitKind{store.UnitAgency, store.UnitOrganisation, store.UnitOther, store.UnitLeadership}
	for i, p := range s.Petitions {
		if !slices.Contains(s.Topics, p.Topic) {
			t.Errorf("petition %d: unknown topic %q", i, p.Topic)
		}
		// an answer not received yet has no text; one received has
		if p.Text == "" || (p.PreparedAnswer == "") != (p.ReceivedOn == "") {
			t.Errorf("petition %d: empty text, or answer and date received disagree", i)
		}
		if p.AskedOn == "" || p.DueOn == "" || p.DueOn < p.AskedOn || (p.ReceivedOn != "" && p.ReceivedOn < p.AskedOn) {
			t.Errorf("petition %d: dates asked %q, due %q, received %q", i, p.AskedOn, p.DueOn, p.ReceivedOn)
		}
		k, ok := kinds[p.Agency]
		if !ok {
			t.Errorf("petition %d: unknown agency %q", i, p.Agency)
		} else if !slices.Contains(answerable, k) {
			t.Errorf("petition %d: agency %q is of kind %q", i, p.Agency, k)
		}
		switch {
		case p.SourceCode != "":
			if !codes[p.SourceCode] {
				t.Errorf("petition %d: unknown source code %q", i, p.SourceCode)
			}
		case p.SourceUnit != "":
			if _, ok := kinds[p.SourceUnit]; !ok {
				t.Errorf("petition %d: unknown source unit %q", i, p.SourceUnit)
			}
		default:
			t.Errorf("petition %d: no source", i)
		}
	}
}

// TestDemoText checks every string in the seed is NFC and has no
// surrounding white space.
func TestDemoText(t *testing.T) {
	s := demo(t)
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			str := v.String()
			if !norm.NFC.IsNormalString(str) {
				t.Errorf("%s: %q is not NFC", path, str)
			}
			if strings.TrimSpace(str) != str {
				t.Errorf("%s: %q is not trimmed", path, str)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(path+"["+strconv.Itoa(i)+"]", v.Index(i))
			}
		}
	}
	walk("Seed", reflect.ValueOf(s))
}
