package followup

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"doithoai/store"
	"doithoai/tui/components"
	"doithoai/tui/i18n"
)

// histLine says one audit row of an obligation in words: when, who, what
// ("20/11/2023 09:14 · theo dõi trên máy hội trường · ghi nhận văn bản số
// 123/LĐTBXH-VL ngày 20/11/2023: đã giải quyết dứt điểm").
func (m *Model) histLine(e store.AuditEntry) string {
	t := m.c.T
	return e.At.In(m.zone()).Format("02/01/2006 15:04") + " · " + components.Who(t, e.Station, e.User) + " · " + m.histWhat(e)
}

func (m *Model) histWhat(e store.AuditEntry) string {
	t := m.c.T
	switch e.Entity {
	case "receipt":
		var before, after store.Receipt
		json.Unmarshal([]byte(e.Before), &before)
		json.Unmarshal([]byte(e.After), &after)
		doc := docText(t, after)
		switch e.Action {
		case "create":
			return t.F("followup.h.receipt", doc, resultText(t, after.Result))
		case "void":
			return t.F("followup.h.receipt_void", doc)
		case "restore":
			return t.F("followup.h.receipt_restore", doc)
		case "update":
			return t.F("followup.h.receipt_update", docText(t, before), m.changes(e, receiptFields))
		}
	case "extension":
		var x store.Extension
		json.Unmarshal([]byte(e.After), &x)
		switch e.Action {
		case "create":
			return t.F("followup.h.extension", date(x.NewDue), x.Reason)
		case "void":
			return t.F("followup.h.extension_void", date(x.NewDue))
		case "restore":
			return t.F("followup.h.extension_restore", date(x.NewDue))
		}
	case "answer":
		if e.Action == "create" {
			return t.F("followup.h.answer_create", m.changes(e, answerFields))
		}
		return t.F("followup.h.answer_update", m.changes(e, answerFields))
	case "petition":
		if e.Action == "create" {
			return t.T("followup.h.petition_create")
		}
		return t.F("followup.h.petition_update", m.changes(e, petitionFields))
	case "carried":
		if e.Action == "link" {
			return t.T("followup.h.carried_link")
		}
		return t.T("followup.h.carried")
	}
	if strings.HasPrefix(e.Entity, "drift:") {
		return t.T("followup.h.accept")
	}
	return e.Action + " " + e.Entity
}

// The fields whose changes a history line names, in this order, with
// their catalog labels (the qa station's, for the answer's).
var (
	receiptFields  = []string{"doc_no", "doc_date", "signer", "summary", "result", "next_due", "forwarded_to", "file_orig"}
	answerFields   = []string{"outcome", "person", "agency_id", "followup_agency_id", "due_date", "summary"}
	petitionFields = []string{"agency_id", "topic", "text"}
)

var fieldLabel = map[string]string{
	"doc_no": "field.doc_no", "doc_date": "field.doc_date", "signer": "field.signer", "summary": "field.summary",
	"result": "field.result", "next_due": "field.next_due", "forwarded_to": "field.forwarded_to", "file_orig": "followup.form.file",
	"outcome": "qa.hf.outcome", "person": "qa.hf.person", "agency_id": "qa.hf.agency_id",
	"followup_agency_id": "qa.hf.followup_agency_id", "due_date": "qa.hf.due_date", "topic": "field.topic", "text": "field.text",
}

// changes lists what an audited change did to fields: "Hạn: 30/11/2023
// → 15/12/2023; Cơ quan: … → …" (a creation lists the values set).
func (m *Model) changes(e store.AuditEntry, fields []string) string {
	t := m.c.T
	var b, a map[string]any
	json.Unmarshal([]byte(e.Before), &b)
	json.Unmarshal([]byte(e.After), &a)
	var out []string
	for _, f := range fields {
		bv, av := m.value(f, b[f]), m.value(f, a[f])
		if bv == av {
			continue
		}
		label := f
		if k := fieldLabel[f]; i18n.Has(k) {
			label = t.T(k)
		}
		switch {
		case e.Before == "":
			out = append(out, label+": "+av)
		default:
			out = append(out, label+": "+quote(t, bv)+" → "+quote(t, av))
		}
	}
	if len(out) == 0 {
		return t.T("followup.h.no_change")
	}
	return strings.Join(out, "; ")
}

func quote(t i18n.Catalog, s string) string {
	if s == "" {
		return t.T("qa.hist.empty")
	}
	return "«" + s + "»"
}

// value shows an audited value as the screen would: names for ids,
// outcomes and results in words, dates as dd/mm/yyyy.
func (m *Model) value(field string, v any) string {
	var s string
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		s = x
	case float64:
		s = strconv.FormatInt(int64(x), 10)
	default:
		s = fmt.Sprint(v)
	}
	switch field {
	case "agency_id", "followup_agency_id":
		id, _ := strconv.ParseInt(s, 10, 64)
		if m.reg != nil {
			for _, u := range m.reg.Units {
				if u.ID == id {
					return u.Name
				}
			}
		}
	case "outcome":
		if k := "qa.outcome." + s; i18n.Has(k) {
			return m.c.T.T(k)
		}
	case "result":
		return resultText(m.c.T, store.Result(s))
	case "due_date", "doc_date", "next_due":
		return date(s)
	}
	return s
}
