package store

import "doithoai/store/textclean"

// Role is what a station may do. Roles are enforced here, in the store,
// so an SSH session for the check-in desk cannot record answers whatever
// its UI shows.
type Role string

const (
	RoleAdmin   Role = "admin" // the hall laptop's own terminals
	RoleCheckin Role = "checkin"
	RoleAgenda  Role = "agenda"
	RoleQA      Role = "qa"
	RoleScreen  Role = "screen" // read-only
	RoleReports Role = "reports"
	// RoleFollowup is the office after the day: it records answers
	// received and extensions, and nothing of the meeting day itself
	// (the SSH user followup opens the follow-up station).
	RoleFollowup Role = "followup"
)

// Roles lists the station roles (not admin).
var Roles = []Role{RoleCheckin, RoleAgenda, RoleQA, RoleScreen, RoleReports, RoleFollowup}

// Perm is a class of mutation.
type Perm string

const (
	PermCheckin Perm = "check in"            // check-ins, undo, walk-ins, apologies and substitutes
	PermAgenda  Perm = "run the agenda"      // agenda items, speaker queue
	PermQA      Perm = "record the dialogue" // questions, answers
	PermSetup   Perm = "edit the meeting"    // meeting, units, groups, delegates, petitions, topics, imports
	PermDraft   Perm = "save drafts"
	PermFile    Perm = "change the file's settings" // where it is replicated: the laptop's own terminals only
	// PermFollowup: receipts, extensions (see followup.go).
	PermFollowup Perm = "follow up answers"
	// PermSecurity records what the SSH server refused (lockouts): only the
	// hall laptop's own process has it, so no station can write or forge
	// such a row.
	PermSecurity Perm = "record security events"
)

var rolePerms = map[Role][]Perm{
	RoleAdmin:    {PermCheckin, PermAgenda, PermQA, PermSetup, PermDraft, PermFile, PermFollowup, PermSecurity},
	RoleCheckin:  {PermCheckin, PermDraft},
	RoleAgenda:   {PermAgenda, PermDraft},
	RoleQA:       {PermQA, PermDraft},
	RoleReports:  {PermSetup, PermDraft},
	RoleScreen:   nil,
	RoleFollowup: {PermFollowup, PermDraft},
}

// Allows reports whether the role may do p.
func (r Role) Allows(p Perm) bool {
	for _, q := range rolePerms[r] {
		if q == p {
			return true
		}
	}
	return false
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { _, ok := rolePerms[r]; return ok }

// Actor is who writes: the station, the SSH user (empty on the laptop), and
// the role that bounds what they may do.
type Actor struct {
	Station string
	User    string
	Role    Role
}

// As returns a view of the store that writes as a. It shares connections
// and the watcher with s.
func (s *Store) As(a Actor) *Store {
	if a.Role == "" {
		a.Role = RoleAdmin
	}
	return &Store{shared: s.shared, actor: a.clean()}
}

// clean cleans the station and user: they are written into every audit
// row and check-in and shown on screens, and an SSH user name or a key's
// comment is outside text like any other.
func (a Actor) clean() Actor {
	a.Station, a.User = textclean.Line(a.Station), textclean.Line(a.User)
	return a
}

// Actor is who this view writes as.
func (s *Store) Actor() Actor { return s.actor }
