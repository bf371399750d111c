"""Fixtures shared by the speech, CLI and browser tests."""
from pathlib import Path

import pytest

# The seed article (a congress political report) as the package ships it for the demo.
SEED_ARTICLE = Path(__file__).resolve().parents[1] / "loa" / "pages" / "demo" / "seed-article.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED_ARTICLE


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")
