package common

// SaveDraftsMsg is sent by the root to every station when the session
// ends (the quit key, SIGTERM, SIGHUP, an SSH disconnect). A station with
// a form being typed returns a Cmd that saves its draft; the root quits
// once those Cmds have returned (or after a few seconds).
type SaveDraftsMsg struct{}
