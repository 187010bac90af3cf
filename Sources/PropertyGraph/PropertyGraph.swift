// The PropertyGraph module; see ARCHITECTURE.md for what it owns.
