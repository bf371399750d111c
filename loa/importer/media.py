"""Images and files from the old portal into Wagtail, deduplicated by content hash (Wagtail's `file_hash`)."""
from __future__ import annotations

import hashlib
import io
import posixpath
from urllib.parse import unquote, urlsplit

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from . import conf
from .http import FetchError, PoliteClient

IMAGE_TYPES = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
MAX_PIXELS = 40_000_000


class MediaError(Exception):
    pass


def file_name(url: str, default: str) -> str:
    name = posixpath.basename(unquote(urlsplit(url).path)) or default
    return name[-90:]


class MediaStore:
    """Downloads each URL once per run; the same bytes anywhere become the same Wagtail image or document."""

    def __init__(self, client: PoliteClient | None, dry_run: bool = False) -> None:
        self.client = client
        self.dry_run = dry_run
        self._images: dict[str, int] = {}
        self._bytes: dict[str, bytes] = {}

    def download(self, url: str) -> bytes:
        if url in self._bytes:
            return self._bytes[url]
        if self.client is None:
            raise MediaError("không có máy chủ nguồn để tải tệp")
        try:
            data = self.client.get(url, max_bytes=int(conf.get("IMPORTER_MAX_FILE_MB")) * 1024 * 1024).content
        except FetchError as exc:
            raise MediaError(str(exc)) from exc
        if not data:
            raise MediaError("tệp rỗng")
        if len(self._bytes) < 64:  # attachments are read twice (metadata, then the file); keep a few
            self._bytes[url] = data
        return data

    def image(self, url: str, title: str) -> int:
        """The Wagtail image id for the picture at `url` (downloaded, checked, created once per content)."""
        if url in self._images:
            return self._images[url]
        data = self.download(url)
        kind = check_image(data)
        digest = hashlib.sha1(data).hexdigest()
        Image = get_image_model()
        found = Image.objects.filter(file_hash=digest).values_list("pk", flat=True).first()
        if found is None and not self.dry_run:
            name = file_name(url, f"anh.{kind}")
            if not name.lower().endswith(("." + kind, ".jpeg")):
                name = f"{name}.{kind}"
            with transaction.atomic():
                image = Image(title=(title or name)[:255], file=ContentFile(data, name=name))
                image.file_size, image.file_hash = len(data), digest
                image.save()
            found = image.pk
        self._images[url] = found or 0
        return found or 0

    def document(self, url: str, title: str, data: bytes) -> int:
        digest = hashlib.sha1(data).hexdigest()
        Document = get_document_model()
        found = Document.objects.filter(file_hash=digest).values_list("pk", flat=True).first()
        if found is not None or self.dry_run:
            return found or 0
        name = file_name(url, "van-ban.pdf")
        document = Document(title=(title or name)[:255], file=ContentFile(data, name=name))
        document.file_size, document.file_hash = len(data), digest
        document.save()
        return document.pk


def check_image(data: bytes) -> str:
    """The image format's extension; MediaError for anything Pillow cannot fully read."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise MediaError("ảnh quá lớn")
            kind = IMAGE_TYPES.get(probe.format or "")
            if kind is None:
                raise MediaError(f"định dạng ảnh không hỗ trợ ({probe.format})")
            probe.verify()
        with Image.open(io.BytesIO(data)) as full:
            full.load()  # verify() does not decode the pixels: a truncated file fails only here
    except MediaError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise MediaError(f"ảnh hỏng ({type(exc).__name__})") from exc
    return kind
