"""The delegates' section of the site search: họ tên, chức vụ, đơn vị (diacritics and case ignored)."""
from __future__ import annotations

from loa.core.search import search_section

from .models import DelegatePage

site_search_section = search_section("delegates/includes/search_section.html", "delegates",
                                     lambda: DelegatePage.objects.live().public(), 8)
