package store_test

import (
	"context"
	"errors"
	"testing"

	"doithoai/store"
)

func TestDrafts(t *testing.T) {
	base, _ := openDemo(t)
	ctx := context.Background()
	a := base.As(store.Actor{Station: "qa", Role: store.RoleQA})
	n := auditCount(t, a)
	if _, _, ok, err := a.Draft(ctx, "qa/question"); ok || err != nil {
		t.Fatalf("empty: ok=%v err=%v", ok, err)
	}
	for _, body := range []string{"Chị Hoa hỏi về vốn", "Chị Hoa hỏi về vốn vay ưu đãi"} {
		if err := a.SaveDraft(ctx, "qa/question", body); err != nil {
			t.Fatal(err)
		}
		got, at, ok, err := a.Draft(ctx, "qa/question")
		if err != nil || !ok || got != body || at.IsZero() {
			t.Fatalf("draft = %q %v %v %v", got, at, ok, err)
		}
	}
	// another station (or SSH user) does not see it
	b := base.As(store.Actor{Station: "qa", User: "thu-ky-2", Role: store.RoleQA})
	if _, _, ok, _ := b.Draft(ctx, "qa/question"); ok {
		t.Error("a second user sees the first one's draft")
	}
	if _, _, ok, _ := a.Draft(ctx, "qa/answer"); ok {
		t.Error("keys are not kept apart")
	}
	if err := a.DeleteDraft(ctx, "qa/question"); err != nil {
		t.Fatal(err)
	}
	if _, _, ok, _ := a.Draft(ctx, "qa/question"); ok {
		t.Error("draft survived DeleteDraft")
	}
	if err := a.DeleteDraft(ctx, "qa/question"); err != nil {
		t.Errorf("deleting a missing draft: %v", err)
	}
	if got := auditCount(t, a); got != n {
		t.Errorf("drafts wrote %d audit rows", got-n)
	}
	screen := base.As(store.Actor{Station: "screen", Role: store.RoleScreen})
	if err := screen.SaveDraft(ctx, "x", "y"); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("read-only station saved a draft: %v", err)
	}
}
