"""diplowatch: diplomatic contact events from multilingual news.

The Python API: ``process_article`` (one article -> mentions and event reports),
``merge_reports`` (reports -> real-world events) and ``open_store`` (SQLite file).
Each name is imported on first use (PEP 562 ``__getattr__``), so a command that needs only
the pipeline (``diplowatch walk``) does not load the store and the event merge at start.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from diplowatch.model import ActorRef, Article, ArticleResult, Event, FailedArticle, Mention, Report
    from diplowatch.pipeline import process_article
    from diplowatch.resolve.merge import merge_reports
    from diplowatch.store.base import Store
    from diplowatch.store.opener import open_store

_HOMES = {
    **dict.fromkeys(
        ("ActorRef", "Article", "ArticleResult", "Event", "FailedArticle", "Mention", "Report"), "diplowatch.model"
    ),
    "process_article": "diplowatch.pipeline",
    "merge_reports": "diplowatch.resolve.merge",
    "Store": "diplowatch.store.base",
    "open_store": "diplowatch.store.opener",
}

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "ActorRef",
    "Article",
    "ArticleResult",
    "Event",
    "FailedArticle",
    "Mention",
    "Report",
    "Store",
    "merge_reports",
    "open_store",
    "process_article",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
