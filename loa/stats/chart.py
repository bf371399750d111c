"""A server-side SVG chart of daily series: no JavaScript, scales to the width of a phone."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .templatetags.stats_tags import vi_number

WIDTH, HEIGHT = 640, 360
LEFT, RIGHT, TOP, BOTTOM = 84, 14, 18, 46


@dataclass(frozen=True)
class Series:
    label: str
    color: str
    values: Sequence[int]
    bars: bool = False


def _nice_max(value: int) -> int:
    if value <= 5:
        return 5
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = int(step * magnitude)
        if top >= value:
            return top
    return value


def line_chart(days: Sequence[date], series: Sequence[Series], title_id: str) -> SafeString:
    peak = _nice_max(max([max(s.values, default=0) for s in series] + [0]))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(days), 1)

    def x(i: float) -> float:
        return LEFT + step * (i + 0.5)

    def y(v: float) -> float:
        return TOP + plot_h - plot_h * v / peak

    parts = [
        f'<svg class="stats-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{escape(title_id)}" '
        'preserveAspectRatio="xMidYMid meet" font-family="system-ui, sans-serif" font-size="21">'
    ]
    for k in range(5):
        value = peak * k / 4
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#d0d0d0"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y(value) + 7:.1f}" text-anchor="end" fill="#333">{vi_number(round(value))}</text>')
    for i, day in enumerate(days):
        if i % 5 == (len(days) - 1) % 5:
            parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - 12}" text-anchor="middle" fill="#333">{day:%d/%m}</text>')
    for s in series:
        if s.bars:
            for i, v in enumerate(s.values):
                parts.append(
                    f'<rect x="{x(i) - step * 0.35:.1f}" y="{y(v):.1f}" width="{step * 0.7:.1f}" '
                    f'height="{TOP + plot_h - y(v):.1f}" fill="{s.color}"/>'
                )
        else:
            points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(s.values))
            parts.append(f'<polyline points="{points}" fill="none" stroke="{s.color}" stroke-width="3" stroke-linejoin="round"/>')
            for i, v in enumerate(s.values):
                parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.5" fill="{s.color}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
