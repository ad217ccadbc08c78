"""Linking mentions to actors and merging reports into real-world events."""
