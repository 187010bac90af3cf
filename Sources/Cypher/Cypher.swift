// The Cypher module; see ARCHITECTURE.md for what it owns.
