// The QueryGraph module; see ARCHITECTURE.md for what it owns.
