"""A horizontal bar chart in SVG, drawn on the server: no script, readable at 360 px, with a text alternative.

Each bar carries its numbers (data-total, data-resolved, data-overdue) and says them as text, so the
table beside it can be checked against it.
"""
from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .figures import Row

WIDTH = 400
ROW_H = 80
TOP = 4


def bar_chart(rows: Sequence[Row], title_id: str, desc_id: str) -> SafeString:
    """Per row: its name, a grey bar for every petition with the resolved ones in green, a red bar for the overdue."""
    peak = max([row.total for row in rows] + [1])
    plot_w = WIDTH - 50
    height = TOP + ROW_H * len(rows)
    parts = [
        f'<svg class="petition-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{escape(title_id)}" aria-describedby="{escape(desc_id)}" '
        'preserveAspectRatio="xMinYMin meet" font-family="system-ui, sans-serif" font-size="17">'
    ]
    for i, row in enumerate(rows):
        y = TOP + ROW_H * i
        w_total = plot_w * row.total / peak
        w_resolved = plot_w * row.resolved / peak
        w_overdue = plot_w * row.overdue / peak
        parts.append(f'<g class="chart-row" data-label="{escape(row.label)}" data-total="{row.total}" '
                     f'data-resolved="{row.resolved}" data-overdue="{row.overdue}">')
        parts.append(f'<text x="0" y="{y + 16}" fill="currentColor" font-weight="600">{escape(row.label)}</text>')
        parts.append(f'<rect x="0" y="{y + 23}" width="{w_total:.1f}" height="20" fill="#6b7785"/>')
        parts.append(f'<rect x="0" y="{y + 23}" width="{w_resolved:.1f}" height="20" fill="#1b7f3b"/>')
        parts.append(f'<text x="{w_total + 6:.1f}" y="{y + 39}" fill="currentColor">{row.total}</text>')
        parts.append(f'<rect x="0" y="{y + 46}" width="{w_overdue:.1f}" height="8" fill="#b3261e"/>')
        parts.append(f'<text x="0" y="{y + 72}" fill="currentColor" font-size="15">'
                     f'{row.resolved} đã giải quyết · {row.overdue} quá hạn</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))
