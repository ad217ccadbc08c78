"""Storage of articles, mentions, reports, events and actors."""

from diplowatch.store.sqlite import Store, open_store

__all__ = ["Store", "open_store"]
