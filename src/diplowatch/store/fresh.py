"""Merge rows that an ingest has just written, kept so that its merge need not read them back.

Reading a block's rows costs an ingest more than merging them: each report row is decoded,
joined to its article and given the article's first ingest time (2,000 seed copies: 17,200
rows, about 1 s of the 1.5 s merge, issue #14). The ingest that stored an article as its first
version already holds all of that: the reports, the publication date, and the ingest time
(the first version's is the earliest). ``FreshRecords`` keeps those rows, up to ``LIMIT``
reports so that memory stays flat whatever the input, and ``store.events.report_records``
then reads only the ids and versions of a block's current reports, takes the kept row where
the stored report is still the kept version 1, and reads the others.
"""

from __future__ import annotations

from diplowatch.model import ArticleResult
from diplowatch.resolve.merge import ReportRecord


class FreshRecords:
    """Merge rows of the articles this process stored as version 1, by report id."""

    # about 2 kB a report with its actors and strings: some 40 MB at most
    LIMIT = 20_000

    def __init__(self) -> None:
        self._records: dict[str, ReportRecord] = {}

    def add(self, result: ArticleResult, *, ingested_at: str) -> None:
        """Keep the rows of an article just stored as its first version (``save_result`` gave
        'new', so ``ingested_at`` is its first ingest time), while there is room."""
        if len(self._records) + len(result.reports) > self.LIMIT:
            return
        published = result.published.value
        for report in result.reports:
            self._records[report.key] = ReportRecord(report, published=published, first_seen=ingested_at)

    def get(self, report_id: str, version: int) -> ReportRecord | None:
        """The kept row for a current report stored as ``version``. Only version 1 is kept: a
        later version of the article, stored since, may reuse the report id for another row."""
        return self._records.get(report_id) if version == 1 else None

    def __len__(self) -> int:
        return len(self._records)
