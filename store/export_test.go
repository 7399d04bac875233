package store

import "database/sql"

// Pools exposes the writer and the read pool to the guard tests.
func (s *Store) Pools() (w, r *sql.DB) { return s.w, s.r }
