package common

import (
	"fmt"
	"testing"

	"doithoai/store"
	"doithoai/tui/i18n"
)

func TestErrTextSpeaksTheInterfaceLanguage(t *testing.T) {
	vi := &Common{T: i18n.New(i18n.VI)}
	en := &Common{T: i18n.New(i18n.EN)}
	err := fmt.Errorf("save: %w", &store.FieldError{Field: "name", Reason: "required"})
	if got := vi.ErrText(err); got != "Dữ liệu không hợp lệ: Họ tên: bắt buộc" {
		t.Errorf("vi: %q", got)
	}
	if got := en.ErrText(err); got != "Invalid: Name: required" {
		t.Errorf("en: %q", got)
	}
	// an unknown field or reason still says what it is
	odd := &store.FieldError{Field: "colour", Reason: "too blue"}
	if got := vi.ErrText(odd); got != "Dữ liệu không hợp lệ: colour: too blue" {
		t.Errorf("unknown: %q", got)
	}
	if got := vi.ErrText(store.ErrForbidden); got != i18n.New(i18n.VI).T("err.forbidden") {
		t.Errorf("forbidden: %q", got)
	}
}

// The follow-up register's refusals read as sentences, not as code.
func TestErrTextFollowupRefusals(t *testing.T) {
	vi := &Common{T: i18n.New(i18n.VI)}
	en := &Common{T: i18n.New(i18n.EN)}
	big := fmt.Errorf("record: %w", &store.FileError{Path: "/tmp/scan.pdf", Reason: "too large"})
	if got := vi.ErrText(big); got != "tệp /tmp/scan.pdf lớn hơn 50 MB" {
		t.Errorf("vi: %q", got)
	}
	if got := en.ErrText(big); got != "file /tmp/scan.pdf is larger than 50 MB" {
		t.Errorf("en: %q", got)
	}
	taken := &store.DocNumberError{Number: "123/LĐTBXH-VL", Agency: "Phòng Y tế"}
	if got := vi.ErrText(taken); got != "văn bản số 123/LĐTBXH-VL đã được ghi nhận là của Phòng Y tế" {
		t.Errorf("vi: %q", got)
	}
}
