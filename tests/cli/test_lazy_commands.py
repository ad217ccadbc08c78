"""Commands are imported on lookup: the table that maps them to modules must stay complete,
and a one-article command must not pull in what only other commands need."""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

from diplowatch import cli
from diplowatch.cache import CACHE_ENV
from diplowatch.cli import _COMMANDS, main
from tests.conftest import CORPUS, REPO

_HELPERS = {"options", "reference", "spans"}  # modules of the package that define no command


def test_every_command_module_is_in_the_table_with_exactly_its_commands() -> None:
    for module in pkgutil.iter_modules(cli.__path__):
        if module.name not in _HELPERS:
            importlib.import_module(f"diplowatch.cli.{module.name}")
    assert set(main.commands) == set(_COMMANDS)
    for name, command in main.commands.items():
        assert command.callback is not None
        assert command.callback.__module__ == f"diplowatch.cli.{_COMMANDS[name]}", name


_PROBE = """
import runpy, sys
sys.argv = ["diplowatch", "walk", sys.argv[1]]
try:
    runpy.run_module("diplowatch", run_name="__main__")
except SystemExit:
    pass
unwanted = ("yaml", "babel", "pycountry", "http", "tqdm", "diplowatch.fetch", "diplowatch.evaluate",
            "diplowatch.spark", "diplowatch.store", "diplowatch.resolve.merge")
print(" ".join(sorted(m for m in sys.modules if m.startswith(unwanted))))
"""


def test_walk_of_one_article_imports_no_yaml_babel_http_store_or_evaluation_code(tmp_path: Path) -> None:
    article = str(sorted(CORPUS.glob("*.txt"))[0])
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), CACHE_ENV: str(tmp_path / "cache")}
    for _ in range(2):  # the first run may build the caches (and so import what builds them)
        done = subprocess.run([sys.executable, "-c", _PROBE, article], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == ""
