"""The C YAML loader reads every shipped knowledge file exactly as the pure-Python one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from diplowatch import yamlio

pytestmark = pytest.mark.issue(14)

SRC = Path(yamlio.__file__).parent


def test_c_loader_reads_every_shipped_yaml_file_like_the_python_loader() -> None:
    files = sorted(SRC.rglob("*.yaml"))
    assert len(files) > 100
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert yamlio.safe_load(text) == yaml.load(text, Loader=yaml.SafeLoader), path


def test_invalid_yaml_raises_the_yaml_error_with_pyyaml_s_message() -> None:
    with pytest.raises(yamlio.YAMLError) as raised:
        yamlio.safe_load("a: [1, 2")
    assert isinstance(raised.value.__cause__, yaml.YAMLError)
    assert str(raised.value) == str(raised.value.__cause__)
