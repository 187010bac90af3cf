// The Retrieval module; see ARCHITECTURE.md for what it owns.
