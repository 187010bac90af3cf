// The Scoring module; see ARCHITECTURE.md for what it owns.
