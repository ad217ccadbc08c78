"""Write a PNG of each view of the web page to docs/img/ (``make screenshots``).

Builds the sample store, starts a real ``diplowatch serve`` and photographs each view in
headless Chromium at 1280×800. The event, actor and article shown are the best-reported
event of the sample, its first actor, and the article behind an event in which the cleaner
dropped the most kinds of blocks (navigation, teasers, duplicates...).
"""

from __future__ import annotations

import json
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import REPO, build_sample_store, chromium, serve  # noqa: E402


def _json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "sample.db"
        build_sample_store(db)
        with serve(db) as base, chromium() as driver:
            events = _json(base + "/api/events?limit=500")["items"]
            event = max(events, key=lambda e: (e["n_reports"], len(e["actors"]), e["id"]))
            article = max(
                (_json(f"{base}/api/articles/{a}")["item"] for e in events for a in e["article_ids"]),
                key=lambda a: (len({p["kind"] for p in a["paragraphs"]}), a["id"]),
            )
            views = {
                "events": "/events",
                "timeline": "/timeline",
                "network": "/network",
                "event": f"/event/{event['id']}",
                "actor": f"/actor/{event['actors'][0]['id']}",
                "article": f"/article/{article['id']}",
            }
            for name, path in views.items():
                driver.get(base + path)
                driver.save_screenshot(str(out / f"{name}.png"))
                print(f"{out / f'{name}.png'}  ←  {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "img")
