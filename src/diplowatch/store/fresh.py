"""Merge rows that an ingest has just written, kept so that its merge need not read them back.

Reading a block's rows costs an ingest more than merging them: each report row is decoded,
joined to its article and given the article's first ingest time (2,000 seed copies: 17,200
rows, about 1 s of the 1.5 s merge, issue #14). The ingest that stored an article as its first
version already holds all of that: the reports, the publication date, and the ingest time
(the first version's is the earliest). ``FreshRecords`` keeps those rows, up to ``LIMIT``
reports so that memory stays flat whatever the input, and ``store.events.report_records``
then reads only which articles (and current versions) a block's reports come from, takes the
kept rows of those still at the kept version 1, and reads the others' rows.
"""

from __future__ import annotations

from diplowatch.model import ArticleResult
from diplowatch.resolve.merge import ReportRecord


class FreshRecords:
    """Merge rows of the articles this process stored as version 1, by article."""

    # about 2 kB a report with its actors and strings: some 40 MB at most
    LIMIT = 20_000

    def __init__(self) -> None:
        self._records: dict[str, list[ReportRecord]] = {}
        self._count = 0

    def add(self, result: ArticleResult, *, ingested_at: str) -> None:
        """Keep the rows of an article just stored as its first version (``save_result`` gave
        'new', so ``ingested_at`` is its first ingest time), while there is room."""
        if self._count + len(result.reports) > self.LIMIT:
            return
        published = result.published.value
        self._records[result.article.id] = [
            ReportRecord(report, published=published, first_seen=ingested_at) for report in result.reports
        ]
        self._count += len(result.reports)

    def get(self, article_id: str, version: int) -> list[ReportRecord] | None:
        """The kept rows of an article whose current version is ``version``: all its reports,
        of every block. Only version 1 is kept; a later one, stored since, has other rows."""
        return self._records.get(article_id) if version == 1 else None

    def __len__(self) -> int:
        return self._count
