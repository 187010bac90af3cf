// The TextAnalysis module; see ARCHITECTURE.md for what it owns.
