package i18n

import "testing"

// TestFollowupStoreWords: every reason the follow-up store gives has its
// words (the list is the store's, in store/followup_records.go and
// store/followup_files.go).
func TestFollowupStoreWords(t *testing.T) {
	for _, k := range []string{"field.doc_no", "field.doc_date", "field.signer", "field.summary", "field.result", "field.next_due", "field.forwarded_to",
		"field.reason", "field.new_due", "field.agency", "reason.no document number", "reason.not a day of the calendar", "reason.in the future",
		"reason.before the document's date", "reason.before the meeting day", "reason.required", "reason.too long", "reason.expected YYYY-MM-DD",
		"reason.unknown", "reason.more than two years after the meeting",
		"fustore.file.missing", "fustore.file.unreadable", "fustore.file.not a file", "fustore.file.too large", "fustore.file.not a PDF or image",
		"fustore.file.changed", "fustore.docno.taken"} {
		if !Has(k) {
			t.Errorf("no words for %s", k)
		}
	}
}
