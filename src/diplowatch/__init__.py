"""diplowatch: diplomatic contact events from multilingual news.

The Python API: ``process_article`` (one article -> mentions and event reports),
``merge_reports`` (reports -> real-world events) and ``open_store`` (SQLite file).
"""

import logging

from diplowatch.model import ActorRef, Article, ArticleResult, Event, FailedArticle, Mention, Report
from diplowatch.pipeline import process_article
from diplowatch.resolve.merge import merge_reports
from diplowatch.store.base import Store
from diplowatch.store.opener import open_store

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
