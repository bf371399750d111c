"""The datasets of the catalogue: a small registry any app adds to (`register(Dataset(...))` in its
AppConfig.ready), so a new section (petitions…) publishes its data without touching this app.

A dataset names its columns once; CSV, JSON and the DCAT catalogue are built from them. `rows`
receives the request so a dataset applies the same GET filters as its pages.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.http import HttpRequest

Row = dict[str, object]


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    frequency: str  # "Hằng ngày", "Khi có văn bản mới"…
    columns: tuple[Column, ...]
    rows: Callable[[HttpRequest], Iterable[Row]]
    last_modified: Callable[[], datetime | None]
    filters: tuple[tuple[str, str], ...] = ()  # (GET parameter, what it does), the same as the pages'
    keywords: tuple[str, ...] = ()
    page_url: str = ""  # the portal's page showing the same data
    licence: str = ""  # "" = OPENDATA_LICENCE_NAME
    extra: dict = field(default_factory=dict)

    @property
    def keys(self) -> list[str]:
        return [column.key for column in self.columns]


_datasets: dict[str, Dataset] = {}


def register(dataset: Dataset) -> None:
    _datasets[dataset.slug] = dataset


def datasets() -> list[Dataset]:
    return list(_datasets.values())


def get(slug: str) -> Dataset | None:
    return _datasets.get(slug)
