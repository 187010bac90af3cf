// The SQL module; see ARCHITECTURE.md for what it owns.
