"""Per-language data folders (no code); see README.md here."""
