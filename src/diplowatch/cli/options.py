"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from diplowatch.model import MODES, STATUSES
from diplowatch.store.queries import check_filter_date

DEFAULT_DB = "diplowatch.db"

db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, envvar="DIPLOWATCH_DB",
    help="Store: a SQLite file path or a postgresql:// URL (or env DIPLOWATCH_DB).",
)


class FilterDate(click.ParamType):
    """A YYYY[-MM[-DD]] date that exists: a typo is a usage error, not an empty listing."""

    name = "YYYY[-MM[-DD]]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return check_filter_date(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The event filters every listing and export command accepts."""
    options = [
        click.option("--actor", help="Actor by any name form, script or inflection (Putin, Путин, Putyinnal)."),
        click.option("--country", help="ISO 3166-1 alpha-3 code of a participant's country (RUS)."),
        click.option("--mode", type=click.Choice(MODES), help="Contact mode."),
        click.option("--status", type=click.Choice(STATUSES), help="Contact status."),
        click.option("--since", type=FilterDate(), help="Earliest date, YYYY[-MM[-DD]]."),
        click.option("--until", type=FilterDate(), help="Latest date, YYYY[-MM[-DD]]."),
        click.option("--lang", help="Language of the reporting article (ISO 639-1)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func
