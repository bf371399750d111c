"""What "Nghe tiếp" plays after a page: the other pages of its chuyên mục, newest first, starting after this one."""
from __future__ import annotations

from django.db.models import Q

CANDIDATES = 20


def _order_field(model) -> str:
    names = {field.name for field in model._meta.get_fields()}
    return "date" if "date" in names else "first_published_at"


def next_candidates(page, request=None, limit: int = CANDIDATES) -> list[dict]:
    """[{"id", "title", "url"}]: the older siblings of the same type (newest first), then the newer ones."""
    parent = page.get_parent()
    if parent is None:
        return []
    model = type(page)
    field = _order_field(model)
    mine = getattr(page, field)
    siblings = model.objects.live().public().child_of(parent).exclude(pk=page.pk).order_by(f"-{field}", "-pk")
    if mine is None:
        ordered = list(siblings[:limit])
    else:
        older = Q(**{f"{field}__lt": mine}) | Q(**{field: mine, "pk__lt": page.pk})
        ordered = list(siblings.filter(older)[:limit])
        ordered += list(siblings.exclude(older)[: limit - len(ordered)])
    return [{"id": p.pk, "title": p.title, "url": p.get_url(request=request)} for p in ordered if p.get_url(request=request)]
