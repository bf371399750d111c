"""The delegates' list (/dai-bieu/): grouped by tổ, filtered by ?to= (số tổ) and ?khoa= (khóa thứ), both plain links."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest

from .terms import DelegationGroup, Term


@dataclass(frozen=True)
class GroupListing:
    group: DelegationGroup
    delegates: list  # DelegatePage, in list order


def _number(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "").strip()
    return int(value) if value.isdigit() and len(value) <= 4 else None


def listing_context(index, request: HttpRequest) -> dict:
    """The delegates of `index` (a DelegateIndexPage) by tổ, for the term and tổ the query asks for."""
    delegates = index.delegates()
    terms = list(Term.objects.filter(pk__in=delegates.values("term")))
    groups = list(DelegationGroup.objects.filter(pk__in=delegates.values("group")))
    # Without ?khoa= the newest term is shown: the current council.
    term = next((t for t in terms if t.number == _number(request, "khoa")), terms[0] if terms else None)
    group = next((g for g in groups if g.number == _number(request, "to")), None)
    if term is not None:
        delegates = delegates.filter(term=term)
    if group is not None:
        delegates = delegates.filter(group=group)
    listings: dict[int, GroupListing] = {}
    for delegate in delegates:
        listings.setdefault(delegate.group_id, GroupListing(delegate.group, [])).delegates.append(delegate)

    def link(**params) -> str:
        # The newest term is the default: its links carry no ?khoa=.
        current = {"khoa": term.number if term and term != terms[0] else None, "to": group.number if group else None}
        current.update(params)
        query = urlencode({k: v for k, v in current.items() if v})
        return f"?{query}" if query else index.url

    return {
        "term": term,
        "group": group,
        "listings": list(listings.values()),
        "delegate_count": sum(len(item.delegates) for item in listings.values()),
        "group_links": [(None, "Tất cả các tổ", link(to=None), group is None)]
        + [(g, f"Tổ {g.number}", link(to=g.number), group == g) for g in groups],
        "term_links": [(t, t.name, link(khoa=t.number if t != terms[0] else None, to=None), t == term)
                       for t in terms] if len(terms) > 1 else [],
    }
