package store_test

import (
	"context"
	"strings"
	"testing"

	"doithoai/store"
)

func TestGuessAndParseHonorific(t *testing.T) {
	for name, want := range map[string]string{
		"Nguyễn Thị Hoa": "Bà", "NGUYỄN THỊ HOA": "Bà", "Trần Văn Bình": "Ông", "Lê Văn Thị Minh": "Bà",
		"Hoàng Minh Tuấn": "", "Thị Mai": "", "Trần Văn": "", "Nguyen Thi Lan": "Bà", "": "",
	} {
		if got := store.GuessHonorific(name); got != want {
			t.Errorf("GuessHonorific(%q) = %q, want %q", name, got, want)
		}
	}
	for in, want := range map[string]string{"Bà": "Bà", "ba": "Bà", "Nữ": "Bà", "nu": "Bà", "Ông": "Ông", "ong.": "Ông", "Nam": "Ông", "": ""} {
		if got, ok := store.ParseHonorific(in); !ok || got != want {
			t.Errorf("ParseHonorific(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := store.ParseHonorific("đồng chí"); ok {
		t.Error("'đồng chí' read as an honorific")
	}
}

// Imported delegates take the Danh xưng or Giới tính column when there is
// one and a proposal from the name otherwise; a cell that is neither is a
// problem with its row; setup changes it, audited.
func TestHonorificImportAndEdit(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	csv := strings.Join([]string{
		"Họ và tên,Giới tính,Đơn vị",
		"Hoàng Minh Tuyết,Nữ,Xã Quảng Hải",
		"Lê Thị Xuân,,Xã Quảng Hải",
		"Phan Quốc Huy,Nam,Xã Quảng Hải",
		"Đinh Ngọc Ánh,,Xã Quảng Hải",
	}, "\n")
	if rep, err := s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "gt.csv", []byte(csv)), false); err != nil || !rep.Applied {
		t.Fatalf("%v %+v", err, rep)
	}
	got := map[string]store.Delegate{}
	ds, _ := s.Delegates(ctx)
	for _, d := range ds {
		got[d.FullName] = d
	}
	for name, want := range map[string]string{"Hoàng Minh Tuyết": "Bà", "Lê Thị Xuân": "Bà", "Phan Quốc Huy": "Ông", "Đinh Ngọc Ánh": ""} {
		if got[name].Honorific != want {
			t.Errorf("%s imported as %q, want %q", name, got[name].Honorific, want)
		}
	}
	// the demo's delegates: given one by the demo, or proposed from the name
	if got["Trần Minh Đức"].Honorific != "Ông" || got["Lê Thị Thanh Hà"].Honorific != "Bà" {
		t.Errorf("demo: %q, %q", got["Trần Minh Đức"].Honorific, got["Lê Thị Thanh Hà"].Honorific)
	}
	bad := "Họ và tên,Danh xưng\nTrần Văn Cường,Đồng chí\n"
	rep, err := s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "bad.csv", []byte(bad)), false)
	if err != nil || rep.Applied || len(rep.Problems) != 1 || rep.Problems[0].Column != "Danh xưng" || rep.Problems[0].Row != 2 {
		t.Fatalf("a bad Danh xưng: %v %+v", err, rep)
	}
	d := got["Đinh Ngọc Ánh"]
	d.Honorific = "Bà"
	if _, err := s.SaveDelegate(ctx, d); err != nil {
		t.Fatal(err)
	}
	if d2, _ := s.Delegate(ctx, d.ID); d2.Honorific != "Bà" {
		t.Errorf("edited honorific %q", d2.Honorific)
	}
	h, _ := s.History(ctx, "delegate", d.ID, 0)
	if last := h[len(h)-1]; !strings.Contains(last.After, `"honorific":"Bà"`) || strings.Contains(last.Before, `"honorific"`) {
		t.Errorf("audit %+v", last)
	}
	d.Honorific = "Đồng chí"
	if _, err := s.SaveDelegate(ctx, d); err == nil {
		t.Error("'Đồng chí' stored as an honorific")
	}
}

// The notice asks ("Đề nghị") bodies outside the People's Committee and
// assigns ("Giao") its own offices; the kind decides, a unit may say
// otherwise.
func TestUnitRequested(t *testing.T) {
	for _, c := range []struct {
		u    store.Unit
		want bool
	}{
		{store.Unit{Name: "Phòng Y tế", Kind: store.UnitAgency}, false},
		{store.Unit{Name: "Ngân hàng Chính sách xã hội thị xã", Kind: store.UnitAgency}, true},
		{store.Unit{Name: "Bảo hiểm Xã hội thị xã", Kind: store.UnitAgency}, true},
		{store.Unit{Name: "Ủy ban MTTQVN thị xã", Kind: store.UnitFront}, true},
		{store.Unit{Name: "Hội Liên hiệp Phụ nữ thị xã", Kind: store.UnitOrganisation}, true},
		{store.Unit{Name: "Ban Dân vận Thị ủy", Kind: store.UnitParty}, true},
		{store.Unit{Name: "Xã Quảng Hải", Kind: store.UnitCommune}, false},
		{store.Unit{Name: "Công an thị xã", Kind: store.UnitAgency}, false},
		{store.Unit{Name: "Công an thị xã", Kind: store.UnitAgency, Addressing: store.AddressAsk}, true},
		{store.Unit{Name: "Thị Đoàn", Kind: store.UnitOrganisation, Addressing: store.AddressAssign}, false},
	} {
		if got := c.u.Requested(); got != c.want {
			t.Errorf("%s (%s, %q): requested %v, want %v", c.u.Name, c.u.Kind, c.u.Addressing, got, c.want)
		}
	}
	s, _ := openDemo(t)
	ctx := context.Background()
	us, _ := s.Units(ctx)
	u := us[len(us)-1]
	u.Addressing = store.AddressAsk
	if _, err := s.SaveUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	us, _ = s.Units(ctx)
	if us[len(us)-1].Addressing != store.AddressAsk {
		t.Error("addressing not stored")
	}
	u.Addressing = "order"
	if _, err := s.SaveUnit(ctx, u); err == nil {
		t.Error("an unknown addressing stored")
	}
}
