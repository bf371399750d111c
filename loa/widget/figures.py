"""Per-site figures for the admin and the statistics dashboard: visits, plays, listens, completion, audio made."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, Sum

from loa.readaloud.models import NarrationState

from .models import WidgetSite


@dataclass(frozen=True)
class SiteFigures:
    site: WidgetSite
    visits: int
    views: int
    plays: int
    listens: int
    completions: int
    articles: int  # pages with audio ready
    audio_minutes: float

    @property
    def completion(self) -> float | None:
        return self.completions / self.plays if self.plays else None


def site_figures(since: date = date.min, sites=None) -> list[SiteFigures]:
    """Every site's figures since `since` (visits, plays...) and in all (articles, audio minutes)."""
    recent = Q(days__day__gte=since)
    sites = (sites if sites is not None else WidgetSite.objects.all()).annotate(
        visits=Sum("days__visits", filter=recent), views=Sum("days__views", filter=recent),
        plays=Sum("days__plays", filter=recent), listens=Sum("days__listens", filter=recent),
        completions=Sum("days__completions", filter=recent),
    ).order_by("name")
    ready = Q(pages__narrations__state=NarrationState.READY)
    audio = {
        row["pk"]: row for row in WidgetSite.objects.values("pk").annotate(
            articles=Count("pages", filter=ready, distinct=True),
            seconds=Sum("pages__narrations__duration", filter=ready))
    }
    return [
        SiteFigures(site, site.visits or 0, site.views or 0, site.plays or 0, site.listens or 0,
                    site.completions or 0, audio.get(site.pk, {}).get("articles") or 0,
                    round((audio.get(site.pk, {}).get("seconds") or 0) / 60, 1))
        for site in sites
    ]
