package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

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

// TestDraftsList: drafts listed by prefix, newest first, only the caller's.
func TestDraftsList(t *testing.T) {
	base, _ := openDemo(t)
	ctx := context.Background()
	a := base.As(store.Actor{Station: "qa", User: "thư-ký", Role: store.RoleQA})
	b := base.As(store.Actor{Station: "qa", User: "thư-ký-2", Role: store.RoleQA})
	for _, k := range []string{"qa/question/new/a1", "qa/answer/q3/new/b2", "other/x"} {
		if err := a.SaveDraft(ctx, k, "body "+k); err != nil {
			t.Fatal(err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := b.SaveDraft(ctx, "qa/question/new/zz", "not mine"); err != nil {
		t.Fatal(err)
	}
	got, err := a.Drafts(ctx, "qa/")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Key != "qa/answer/q3/new/b2" || got[1].Key != "qa/question/new/a1" || got[0].Body != "body qa/answer/q3/new/b2" || got[0].At.Before(got[1].At) {
		t.Fatalf("Drafts(qa/) = %+v", got)
	}
	if got, _ := b.Drafts(ctx, "qa/"); len(got) != 1 || got[0].Body != "not mine" {
		t.Fatalf("second user's drafts = %+v", got)
	}
}
