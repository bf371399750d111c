"""Print what a site holds as JSON, seen through Django and over its own HTTP handling (run inside the site's env).

    python tests/ops/snapshot.py    -> {"pages": [...], "images": [...], "audio": [...], "files": {...}, ...}
    python tests/ops/snapshot.py --rows    -> the same without asking the site's HTTP handling (rows and files)

Used by the backup tests to compare a site with its restored copy: page rows and how each
live page answers, image rows and the bytes of their files, every narration and the bytes
its audio URL serves, every file under MEDIA_ROOT and LOA_DATA_DIR/voices.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import django


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    return {path.relative_to(folder).as_posix(): digest(path.read_bytes())
            for path in sorted(folder.rglob("*")) if path.is_file()}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loa.site.settings")
    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings
    from taggit.models import Tag
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from loa.readaloud.models import Narration

    over_http = "--rows" not in sys.argv
    media = Path(settings.MEDIA_ROOT)
    # Static files are collected when the server starts (`loa serve`), not by a restore.
    override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
    http = Client(HTTP_HOST="127.0.0.1")
    pages = []
    for page in Page.objects.order_by("path"):
        row = [page.id, page.url_path, page.title, page.live]
        if over_http and page.live and page.depth > 1:
            response = http.get(page.url)
            row += [response.status_code, page.title in response.content.decode()]
        pages.append(row)
    images = [[image.id, image.title, image.file.name, digest((media / image.file.name).read_bytes())]
              for image in get_image_model().objects.order_by("id")]
    audio = []
    for narration in Narration.objects.order_by("page_id", "voice"):
        if not over_http:
            audio.append([narration.page_id, narration.voice, narration.state, narration.audio_name])
            continue
        api = http.get(f"/api/readaloud/pages/{narration.page_id}", {"voice": narration.voice}).json()
        served = http.get(api["audio_url"]) if api.get("audio_url") else None
        body = b"".join(served.streaming_content) if served is not None and served.streaming else (
            served.content if served is not None else b"")
        audio.append([narration.page_id, narration.voice, narration.state, narration.audio_name, api["status"],
                      served.status_code if served is not None else None, digest(body)])
    # A write after the restore: PostgreSQL's sequences must have come back with their tables.
    probe = Tag.objects.create(name=f"snapshot-probe-{os.getpid()}")
    probe.delete()
    json.dump({"pages": pages, "images": images, "audio": audio, "files": tree(media),  # after the requests: renditions made once stay
               "voices": tree(Path(settings.DATA_DIR) / "voices"),
               "users": sorted(get_user_model().objects.values_list("username", flat=True))}, sys.stdout,
              ensure_ascii=False)


if __name__ == "__main__":
    main()
