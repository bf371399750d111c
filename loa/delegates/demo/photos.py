"""Placeholder portraits (Pillow): a silhouette on a soft colour with the delegate's initials; no real photo."""
from __future__ import annotations

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

from loa.documents.demo.pdfgen import BOLD

BACKGROUNDS = ["#d9e7f5", "#f3e0d2", "#dcefdc", "#efe3f3", "#f5efd2", "#d7eeee"]
SIZE = (240, 300)


def initials(name: str) -> str:
    words = name.split()
    return (words[0][0] + words[-1][0]).upper() if len(words) > 1 else name[:1].upper()


def portrait_png(name: str) -> bytes:
    seed = int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16)
    image = Image.new("RGB", SIZE, BACKGROUNDS[seed % len(BACKGROUNDS)])
    draw = ImageDraw.Draw(image)
    tone = "#5b6770"
    draw.ellipse((75, 55, 165, 150), fill=tone)  # head
    draw.rounded_rectangle((35, 160, 205, 330), radius=70, fill=tone)  # shoulders
    font = ImageFont.truetype(str(BOLD), 40)
    text = initials(name)
    box = draw.textbbox((0, 0), text, font=font)
    draw.text(((SIZE[0] - (box[2] - box[0])) / 2, 215), text, fill="#ffffff", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
