"""A registered site's visitor box, counted exactly and without cookies, as Loa's own pages are.

The visitor is Loa's daily-salted hash of address + User-Agent (loa.stats.identity), with the
site's key as the site name, so the same person on two sites is two unlinkable visitors. A visit
starts with a page view after 30 minutes without one; each decision is one conditional UPDATE
(or an INSERT that a unique constraint guards), so concurrent views of one visitor, in any
number of processes, start exactly one visit.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.http import HttpRequest

from loa.stats import clock
from loa.stats.identity import identify

from .models import WidgetDaily, WidgetListen, WidgetPage, WidgetSite, WidgetVisitor

VISIT_GAP = timedelta(minutes=30)
ONLINE_WINDOW = timedelta(minutes=5)
KEEP_VISITORS = timedelta(days=2)


@dataclass(frozen=True)
class Box:
    online: int
    today: int
    month: int
    total: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _visitor(request: HttpRequest, site: WidgetSite):
    return identify(request, clock.local_day(clock.now()), host=f"widget:{site.key}")


def record_view(request: HttpRequest, site: WidgetSite) -> bool:
    """Count a page view of the site; True when it starts a visit."""
    now = clock.now()
    visitor = _visitor(request, site)
    rows = WidgetVisitor.objects.filter(site=site)
    with transaction.atomic():
        hashes = [h for h in (visitor.hash, visitor.previous) if h]
        if rows.filter(hash__in=hashes, last_active__gte=now - VISIT_GAP).update(last_active=now):
            new_visit = False
        elif rows.filter(hash=visitor.hash, last_active__lt=now - VISIT_GAP).update(last_active=now, day=visitor.day):
            new_visit = True
        else:
            try:
                with transaction.atomic():
                    WidgetVisitor.objects.create(site=site, hash=visitor.hash, day=visitor.day, last_active=now)
                new_visit = True
            except IntegrityError:  # a concurrent view of the same visitor created it: same visit
                rows.filter(hash=visitor.hash).update(last_active=now)
                new_visit = False
        _add(site, visitor.day, views=1, visits=int(new_visit))
    return new_visit


def record_listen(request: HttpRequest, site: WidgetSite, page: WidgetPage, kind: str) -> bool:
    """Count a play, a listen (30 s or a quarter heard) or a completion once per visitor, page and day."""
    visitor = _visitor(request, site)
    try:
        with transaction.atomic():
            WidgetListen.objects.create(site=site, page=page, day=visitor.day, hash=visitor.hash, kind=kind)
            _add(site, visitor.day, **{{"play": "plays", "listen": "listens", "ended": "completions"}[kind]: 1})
    except IntegrityError:
        return False
    WidgetVisitor.objects.filter(site=site, hash=visitor.hash).update(last_active=clock.now())
    return True


def _add(site: WidgetSite, day, **counts: int) -> None:
    row, _created = WidgetDaily.objects.get_or_create(site=site, day=day)
    WidgetDaily.objects.filter(pk=row.pk).update(**{name: F(name) + value for name, value in counts.items() if value})


def box(site: WidgetSite) -> Box:
    now = clock.now()
    today = clock.local_day(now)
    days = WidgetDaily.objects.filter(site=site)
    return Box(
        online=WidgetVisitor.objects.filter(site=site, last_active__gte=now - ONLINE_WINDOW).count(),
        today=days.filter(day=today).aggregate(n=Sum("visits"))["n"] or 0,
        month=days.filter(day__gte=clock.month_start(today), day__lte=today).aggregate(n=Sum("visits"))["n"] or 0,
        total=(days.aggregate(n=Sum("visits"))["n"] or 0) + site.total_offset,
    )


def forget_old_visitors() -> int:
    """Per-visitor rows older than two days go (the daily totals stay)."""
    deleted, _ = WidgetVisitor.objects.filter(last_active__lt=clock.now() - KEEP_VISITORS).delete()
    WidgetListen.objects.filter(day__lt=clock.local_day(clock.now()) - timedelta(days=2)).delete()
    return deleted
