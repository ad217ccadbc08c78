"""Reading YAML knowledge files with libyaml's C loader when PyYAML has it.

A command touching one article still reads every language pack and knowledge file (~223 YAML
files); PyYAML's pure-Python loader spent most of that startup. ``CSafeLoader`` builds the same
plain data (it is the same safe schema); without libyaml the pure-Python ``SafeLoader`` is used.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """Parse one YAML document into plain Python data (``yaml.YAMLError`` when invalid)."""
    return yaml.load(text, Loader=_LOADER)
