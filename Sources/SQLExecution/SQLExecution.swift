// The SQLExecution module; see ARCHITECTURE.md for what it owns.
