"""Regenerate the demo images (banner, ads, covers) shipped in loa/pages/demo/images/.

Run by hand when the designs change: `.venv/bin/python -m loa.pages.demo.make_images`.
The PNGs are committed, so a fresh install needs neither this script nor the fonts.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent / "images"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
RED = (139, 0, 0)
DARK_RED = (100, 0, 0)
GOLD = (255, 204, 51)
WHITE = (255, 255, 255)


def font(size: int, bold: bool = True) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size)


def gradient(size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(1, height - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    return image


def star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill) -> None:
    import math

    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.4
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    draw.polygon(points, fill=fill)


def centered(draw, y: int, text: str, fnt, fill, width: int) -> None:
    w = draw.textlength(text, font=fnt)
    draw.text(((width - w) / 2, y), text, font=fnt, fill=fill)


def banner() -> None:
    width, height = 1200, 200
    image = gradient((width, height), (170, 18, 18), DARK_RED)
    draw = ImageDraw.Draw(image)
    draw.ellipse((40, 30, 180, 170), fill=GOLD)
    draw.ellipse((48, 38, 172, 162), fill=RED)
    star(draw, 110, 100, 48, GOLD)
    draw.text((210, 38), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=font(22, bold=False), fill=GOLD)
    draw.text((208, 72), "HỘI ĐỒNG NHÂN DÂN TỈNH", font=font(54), fill=WHITE)
    draw.text((210, 142), "Cổng thông tin điện tử · Nghe đọc mọi tin bài", font=font(24, bold=False), fill=(255, 235, 200))
    draw.rectangle((0, height - 6, width, height), fill=GOLD)
    image.save(OUT / "banner.png", optimize=True)


def ad(name: str, size: tuple[int, int], colours, lines: list[tuple[str, int, bool]]) -> None:
    width, height = size
    image = gradient(size, *colours)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width - 1, height - 1), outline=WHITE, width=3)
    total = sum(s + 10 for _, s, _ in lines)
    y = (height - total) / 2
    for text, s, bold in lines:
        centered(draw, int(y), text, font(s, bold), WHITE, width)
        y += s + 10
    image.save(OUT / f"{name}.png", optimize=True)


def cover(name: str, title: str, colours) -> None:
    width, height = 800, 450
    image = gradient((width, height), *colours)
    draw = ImageDraw.Draw(image)
    top = colours[0]
    ring = tuple(min(255, c + 40) for c in top)
    for i in range(4):
        draw.ellipse((560 + i * 50, -120 + i * 30, 900 + i * 50, 220 + i * 30), outline=ring, width=3)
    star(draw, 90, 90, 40, GOLD)
    y = 300
    for line in title.split("\n"):
        draw.text((50, y), line, font=font(36), fill=WHITE)
        y += 48
    image.save(OUT / f"{name}.png", optimize=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    banner()
    blue = ((13, 71, 161), (10, 40, 100))
    green = ((27, 94, 32), (15, 60, 20))
    red = ((183, 28, 28), (110, 10, 10))
    teal = ((0, 105, 92), (0, 60, 55))
    ad("ad-dichvucong", (300, 250), blue, [("CỔNG", 30, True), ("DỊCH VỤ CÔNG", 30, True), ("QUỐC GIA", 30, True), ("dichvucong.gov.vn", 18, False)])
    ad("ad-vanban", (300, 250), green, [("TRA CỨU", 30, True), ("VĂN BẢN", 30, True), ("PHÁP LUẬT", 30, True), ("vbpl.vn", 18, False)])
    ad("ad-gopy", (300, 250), red, [("GÓP Ý", 32, True), ("DỰ THẢO", 32, True), ("NGHỊ QUYẾT", 32, True), ("Cử tri hiến kế", 18, False)])
    ad("ad-quochoi", (800, 150), teal, [("CỔNG THÔNG TIN ĐIỆN TỬ QUỐC HỘI", 34, True), ("quochoi.vn", 20, False)])
    ad("ad-chinhphu", (800, 120), blue, [("CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ", 32, True), ("chinhphu.vn", 18, False)])
    cover("cover-kyhop", "Kỳ họp Hội đồng nhân dân tỉnh", red)
    cover("cover-tiepxuc", "Tiếp xúc cử tri", blue)
    cover("cover-giamsat", "Hoạt động giám sát", green)
    cover("cover-daihoi", "Đại hội Đảng bộ cơ sở\nnhiệm kỳ 2025-2030", ((160, 20, 20), (90, 0, 0)))


if __name__ == "__main__":
    main()
