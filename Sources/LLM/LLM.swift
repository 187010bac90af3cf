// The LLM module; see ARCHITECTURE.md for what it owns.
