"""Blocks waiting for their merge: what makes an ingest's merge survive a crash (issue #14).

An ingest commits its articles a batch at a time and merges the touched blocks at the end.
Killed in between, a re-run would find those articles unchanged and never merge them, so
each article's blocks are recorded in ``pending_merges`` in the transaction that stores it,
and a block's rows are deleted in the transaction that commits its merge. ``merge_pending``
at the end of every ingest merges whatever is recorded: this run's blocks and any a killed
run left behind.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from diplowatch.store.base import Store, in_chunks
from diplowatch.store.events import MAX_PATCHED, update_block
from diplowatch.store.fresh import FreshRecords


def mark_pending(store: Store, article_id: str, blocks: Iterable[str]) -> None:
    """Record that ``article_id`` changed these blocks (no commit: it rides with the article)."""
    store.execute_many(
        "INSERT INTO pending_merges (block, article_id) VALUES (?, ?) ON CONFLICT (block, article_id) DO NOTHING",
        [(block, article_id) for block in sorted(set(blocks))],
    )


def _pending(store: Store, block: str | None = None) -> dict[str, list[str]]:
    rows = store.query(
        "SELECT block, article_id FROM pending_merges" + (" WHERE block = ?" if block is not None else ""),
        () if block is None else (block,),
    )
    by_block: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_block[row["block"]].append(row["article_id"])
    return by_block


def merge_pending(store: Store, fresh: FreshRecords | None = None) -> int:
    """Merge every recorded block and clear its rows, one block per transaction; returns the
    events written. ``fresh``: rows this process has just written (``store.fresh``).

    A block's articles are read again under its lock: a concurrent ingest (PostgreSQL) may
    have merged it meanwhile, and then there is nothing left to do. Only the rows read are
    deleted, so an article another process stores meanwhile stays recorded for its own merge.
    """
    pending = _pending(store)
    patchable = len({a for articles in pending.values() for a in articles}) <= MAX_PATCHED
    written = 0
    for block in sorted(pending):
        store.lock("block:" + block)
        articles = sorted(_pending(store, block).get(block, []))
        if articles:
            written += update_block(store, block, articles if patchable else [], fresh)
            for chunk, marks in in_chunks(articles):
                store.execute(
                    f"DELETE FROM pending_merges WHERE block = ? AND article_id IN ({marks})", [block, *chunk]
                )
        store.commit()
    return written
