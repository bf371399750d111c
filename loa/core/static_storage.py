"""Static files as production serves them: WhiteNoise's hashed and compressed files, Loa's own scripts minified.

Only comments and white space go (rjsmin), so the scripts behave exactly as their sources do; the
read-aloud player's scripts stay under 20 kB this way. Other apps' files (Wagtail's admin) are
left as they ship.
"""
from __future__ import annotations

from django.core.files.base import ContentFile
from rjsmin import jsmin
from whitenoise.storage import CompressedManifestStaticFilesStorage

OWN_SCRIPTS = ("readaloud/", "pages/js/", "stats/", "ads/")


def minify(source: bytes) -> bytes:
    return jsmin(source.decode("utf-8")).encode("utf-8")


def is_own_script(name: str) -> bool:
    return name.endswith(".js") and name.startswith(OWN_SCRIPTS)


class _MinifiedSource:
    """A source storage whose scripts are read minified (what the hashed copy is made from)."""

    def __init__(self, storage):
        self.storage = storage

    def open(self, path: str, mode: str = "rb"):
        with self.storage.open(path, mode) as handle:
            return ContentFile(minify(handle.read()), name=path)

    def __getattr__(self, name: str):
        return getattr(self.storage, name)


class MinifiedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def post_process(self, paths: dict, dry_run: bool = False, **options):
        if not dry_run:
            paths = {
                name: (_MinifiedSource(storage) if is_own_script(name) else storage, path)
                for name, (storage, path) in paths.items()
            }
        yield from super().post_process(paths, dry_run=dry_run, **options)
