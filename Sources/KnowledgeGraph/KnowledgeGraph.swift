// The KnowledgeGraph module; see ARCHITECTURE.md for what it owns.
