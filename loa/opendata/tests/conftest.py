from loa.documents.tests.conftest import home, library, lookups, media  # noqa: F401  shared fixtures
