"""Write merged events (and the actor contact network) in analysts' formats.

Event tables: csv, jsonl (``store.events.event_to_dict`` per line), parquet (pyarrow, extra
``parquet``), plover (PLOVER-style JSON Lines: event_type CONSULT with its mode).
Contact network: graphml and gexf, written with the standard library. Nodes are actors;
an undirected edge joins every pair of actors of an event, its ``weight`` counts the contacts
that took place (status occurred), with the modes and dates of all the pair's events.
Every writer returns bytes, so the CLI, the API and tests share them.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from diplowatch.errors import DiplowatchError
from diplowatch.model import Event
from diplowatch.store.events import event_to_dict

FORMATS = ("csv", "jsonl", "parquet", "graphml", "gexf", "plover")
CSV_COLUMNS = (
    "id", "type", "mode", "status", "date", "date_precision", "date_basis", "location", "actors",
    "actor_ids", "countries", "n_reports", "n_articles", "langs", "first_reported", "last_reported",
    "confidence", "conflicts", "evidential",
)  # fmt: skip
# PLOVER CONSULT modes; a multilateral contact is a meeting in the multilateral context.
_PLOVER_MODE = {
    "phone": "phone",
    "meet": "meet",
    "visit": "visit",
    "host": "host",
    "multilateral": "meet",
}


def _csv(events: Sequence[Event]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for event in events:
        data = event_to_dict(event)
        writer.writerow(
            {
                **{c: data[c] for c in CSV_COLUMNS if c in data and c not in ("actors", "langs")},
                "actors": "; ".join(a[1] for a in event.actors),
                "actor_ids": "; ".join(a[0] for a in event.actors),
                "countries": "; ".join(a[2] or "" for a in event.actors),
                "langs": "; ".join(event.langs),
                "conflicts": "; ".join(event.conflicts),
                "evidential": int(event.evidential),
            }
        )
    return out.getvalue().encode("utf-8")


def _jsonl(events: Sequence[Event]) -> bytes:
    lines = (json.dumps(event_to_dict(e), ensure_ascii=False) + "\n" for e in events)
    return "".join(lines).encode("utf-8")


def _parquet(events: Sequence[Event]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # optional extra
        raise DiplowatchError(
            "parquet export needs pyarrow: pip install 'diplowatch[parquet]'"
        ) from exc
    rows = [event_to_dict(e) for e in events]
    names = ("id", "type", "mode", "status", "date", "date_precision", "date_basis", "location",
             "n_reports", "n_articles", "langs", "first_reported", "last_reported", "confidence",
             "conflicts", "evidential", "report_ids", "article_ids")  # fmt: skip
    columns = {name: [row[name] for row in rows] for name in names}
    columns["actor_ids"] = [[a[0] for a in e.actors] for e in events]
    columns["actor_names"] = [[a[1] for a in e.actors] for e in events]
    columns["actor_countries"] = [[a[2] for a in e.actors] for e in events]
    schema = pa.schema([_arrow_field(pa, name) for name in columns])
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table(columns, schema=schema), sink)
    return bytes(sink.getvalue().to_pybytes())


def _arrow_field(pa: Any, name: str) -> Any:
    """Column types fixed up front, so an empty export still has the full schema."""
    if name in ("langs", "conflicts", "report_ids", "article_ids", "actor_ids", "actor_names",
                "actor_countries"):  # fmt: skip
        return pa.field(name, pa.list_(pa.string()))
    if name in ("n_reports", "n_articles"):
        return pa.field(name, pa.int64())
    if name == "confidence":
        return pa.field(name, pa.float64())
    if name == "evidential":
        return pa.field(name, pa.bool_())
    return pa.field(name, pa.string())


def plover_record(event: Event) -> dict[str, Any]:
    """One event as a PLOVER-style record (CONSULT with mode and contexts, actor and recipients)."""
    people = [{"id": a[0], "name": a[1], "country": a[2]} for a in event.actors]
    return {
        "id": event.id,
        "event_type": event.type,
        "mode": _PLOVER_MODE.get(event.mode),
        "contexts": ["diplomatic", *(["multilateral"] if event.mode == "multilateral" else [])],
        "event_date": event.date,
        "date_precision": event.date_precision,
        "status": event.status,
        "actor": people[0] if people else None,
        "recipients": people[1:],
        "location": {"placename": event.location} if event.location else None,
        "confidence": round(event.confidence, 3),
        "num_reports": len(event.report_ids),
        "num_sources": len(event.article_ids),
        "languages": event.langs,
        "story_ids": event.article_ids,
        "first_reported": event.first_reported,
        "last_reported": event.last_reported,
    }


def _plover(events: Sequence[Event]) -> bytes:
    return "".join(json.dumps(plover_record(e), ensure_ascii=False) + "\n" for e in events).encode()


@dataclass
class _Edge:
    contacts: int = 0
    events: int = 0
    modes: Counter[str] = field(default_factory=Counter)
    dates: set[str] = field(default_factory=set)


def contact_network(
    events: Sequence[Event],
) -> tuple[dict[str, tuple[str, str | None]], dict[tuple[str, str], _Edge]]:
    """(actor id -> (name, country), (actor id, actor id) -> edge) of the events' actors."""
    nodes: dict[str, tuple[str, str | None]] = {}
    edges: dict[tuple[str, str], _Edge] = {}
    for event in events:
        for actor_id, name, country in event.actors:
            nodes.setdefault(actor_id, (name, country))
        for a, b in itertools.combinations(sorted({a[0] for a in event.actors}), 2):
            edge = edges.setdefault((a, b), _Edge())
            edge.events += 1
            edge.contacts += event.status == "occurred"
            edge.modes[event.mode] += 1
            if event.date:
                edge.dates.add(event.date)
    return nodes, edges


def _edge_values(edge: _Edge) -> dict[str, str]:
    dates = sorted(edge.dates)
    return {
        "weight": str(edge.contacts),
        "events": str(edge.events),
        "modes": ";".join(f"{m}:{n}" for m, n in sorted(edge.modes.items())),
        "dates": ";".join(dates),
        "first_date": dates[0] if dates else "",
        "last_date": dates[-1] if dates else "",
    }


_NODE_ATTRS = (("name", "string"), ("country", "string"))
_EDGE_ATTRS = (("weight", "double"), ("events", "int"), ("modes", "string"), ("dates", "string"),
               ("first_date", "string"), ("last_date", "string"))  # fmt: skip


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def _graphml(events: Sequence[Event]) -> bytes:
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    for domain, attrs in (("node", _NODE_ATTRS), ("edge", _EDGE_ATTRS)):
        for name, kind in attrs:
            ET.SubElement(
                root, "key", {"id": name, "for": domain, "attr.name": name, "attr.type": kind}
            )
    graph = ET.SubElement(root, "graph", {"id": "contacts", "edgedefault": "undirected"})
    nodes, edges = contact_network(events)
    for actor_id, (name, country) in sorted(nodes.items()):
        node = ET.SubElement(graph, "node", {"id": actor_id})
        for key, value in (("name", name), ("country", country or "")):
            ET.SubElement(node, "data", {"key": key}).text = value
    for (a, b), edge in sorted(edges.items()):
        element = ET.SubElement(graph, "edge", {"source": a, "target": b})
        for key, value in _edge_values(edge).items():
            ET.SubElement(element, "data", {"key": key}).text = value
    return _xml(root)


def _gexf(events: Sequence[Event]) -> bytes:
    root = ET.Element("gexf", {"xmlns": "http://gexf.net/1.3", "version": "1.3"})
    ET.SubElement(ET.SubElement(root, "meta"), "creator").text = "diplowatch"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "undirected", "mode": "static"})
    node_attrs = ET.SubElement(graph, "attributes", {"class": "node"})
    ET.SubElement(node_attrs, "attribute", {"id": "country", "title": "country", "type": "string"})
    edge_attrs = ET.SubElement(graph, "attributes", {"class": "edge"})
    for name, kind in _EDGE_ATTRS[1:]:
        ET.SubElement(
            edge_attrs,
            "attribute",
            {"id": name, "title": name, "type": "integer" if kind == "int" else kind},
        )
    nodes, edges = contact_network(events)
    node_list = ET.SubElement(graph, "nodes")
    for actor_id, (name, country) in sorted(nodes.items()):
        node = ET.SubElement(node_list, "node", {"id": actor_id, "label": name})
        values = ET.SubElement(node, "attvalues")
        ET.SubElement(values, "attvalue", {"for": "country", "value": country or ""})
    edge_list = ET.SubElement(graph, "edges")
    for number, ((a, b), edge) in enumerate(sorted(edges.items())):
        data = _edge_values(edge)
        element = ET.SubElement(edge_list, "edge", {"id": str(number), "source": a, "target": b,
                                                    "weight": data.pop("weight")})  # fmt: skip
        values = ET.SubElement(element, "attvalues")
        for key, value in data.items():
            ET.SubElement(values, "attvalue", {"for": key, "value": value})
    return _xml(root)


_WRITERS: dict[str, Callable[[Sequence[Event]], bytes]] = {
    "csv": _csv, "jsonl": _jsonl, "parquet": _parquet, "graphml": _graphml, "gexf": _gexf,
    "plover": _plover,
}  # fmt: skip


def export_events(events: Sequence[Event], *, fmt: str) -> bytes:
    """Serialise events in one of ``FORMATS`` (graph formats give the contact network)."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise DiplowatchError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writer(events)
