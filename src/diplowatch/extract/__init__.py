"""Finding mentions, triggers, dates and status cues, and assembling event reports."""
