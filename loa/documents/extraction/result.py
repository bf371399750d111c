"""What an extraction gives back: blocks of text and what happened on the way."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

STATUS_OK = "ok"
STATUS_SCANNED = "scanned"  # pages without a text layer (images only)
STATUS_FAILED = "failed"  # corrupt, encrypted, unsupported, over a limit
STATUS_UNSUPPORTED = "unsupported"  # a file type whose text is not read (xlsx, zip, ...)


@dataclass(frozen=True)
class TextBlock:
    kind: str  # "heading" | "paragraph" | "item"
    text: str


@dataclass(frozen=True)
class ExtractionLimits:
    max_pages: int = 50  # PDF pages read; later pages are left out (the file stays downloadable)
    max_chars: int = 150_000  # characters kept in all
    max_bytes: int = 50 * 1024 * 1024  # larger files are not opened
    memory_mb: int = 512  # address-space cap of the child process
    timeout: float = 120.0  # seconds for the child process


@dataclass
class Extraction:
    status: str
    blocks: list[TextBlock] = field(default_factory=list)
    page_count: int = 0  # pages in the file (PDF), 0 if unknown
    pages_read: int = 0
    truncated: bool = False  # a page or character limit cut the text
    error: str = ""
    peak_rss_kb: int = 0  # of the process that extracted (the child, when isolated)

    @property
    def char_count(self) -> int:
        return sum(len(block.text) for block in self.blocks)

    def to_json(self) -> dict:
        data = asdict(self)
        data["blocks"] = [[block.kind, block.text] for block in self.blocks]
        return data

    @classmethod
    def from_json(cls, data: dict) -> Extraction:
        blocks = [TextBlock(str(kind), str(text)) for kind, text in data.get("blocks", [])]
        return cls(
            status=str(data["status"]), blocks=blocks, page_count=int(data.get("page_count", 0)),
            pages_read=int(data.get("pages_read", 0)), truncated=bool(data.get("truncated", False)),
            error=str(data.get("error", "")), peak_rss_kb=int(data.get("peak_rss_kb", 0)),
        )


def failed(message: str, **fields) -> Extraction:
    return Extraction(status=STATUS_FAILED, error=message, **fields)
