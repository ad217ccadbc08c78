"""Dump every per-article result of a corpus, to show that a speed-up changes no output.

Run once per version and compare the files byte for byte::

    PYTHONPATH=<old>/src python bench/snapshot.py old.jsonl samples/corpus ../shared/bsnlp/*/raw
    PYTHONPATH=<new>/src python bench/snapshot.py new.jsonl samples/corpus ../shared/bsnlp/*/raw
    cmp old.jsonl new.jsonl

Each line holds one article's paragraphs, language, publication date, sentences, mentions and
reports (``ArticleResult.to_dict`` less the text), keys sorted; ``--generated N`` adds the
first N articles of the throughput benchmark's generator.
"""

from __future__ import annotations

import argparse
import json

from diplowatch.evaluate.throughput import generate_articles, read_corpus
from diplowatch.kb.gazetteer import default_gazetteer
from diplowatch.pipeline import process_article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--generated", type=int, default=600)
    args = parser.parse_args()
    gazetteer = default_gazetteer()
    articles = read_corpus(args.paths) + generate_articles(args.generated)
    with open(args.out, "w", encoding="utf-8") as out:
        for article in articles:
            result = process_article(article, gazetteer=gazetteer).to_dict()
            del result["article"]
            out.write(json.dumps({"id": article.id, **result}, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(articles)} articles -> {args.out}")


if __name__ == "__main__":
    main()
