"""Canvas tools: one per file, each a small state machine that submits one edit."""
