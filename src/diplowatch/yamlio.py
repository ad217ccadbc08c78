"""Reading YAML knowledge files with libyaml's C loader when PyYAML has it.

A command touching one article still reads every language pack and knowledge file (~223 YAML
files); PyYAML's pure-Python loader spent most of that startup. ``CSafeLoader`` builds the same
plain data (it is the same safe schema); without libyaml the pure-Python ``SafeLoader`` is used.
PyYAML is imported on the first parse: with the packs and the knowledge base read from the
cache, a command usually parses no YAML at all.
"""

from __future__ import annotations

from typing import Any


class YAMLError(ValueError):
    """Invalid YAML; its text is PyYAML's message (a ``yaml.YAMLError`` is its cause)."""


def safe_load(text: str) -> Any:
    """Parse one YAML document into plain Python data (``YAMLError`` when invalid)."""
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise YAMLError(str(exc)) from exc
