"""Storage of articles, mentions, reports, events and actors."""

from diplowatch.store.base import Store
from diplowatch.store.opener import open_store

__all__ = ["Store", "open_store"]
