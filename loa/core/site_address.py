"""The default Site record follows the address the portal is reached at.

Wagtail builds absolute URLs (sitemap, API `detail_url`, calendar UIDs, feeds' links) from the
Site's hostname and port; the demo's record says `localhost:80`. `loa serve` sets it from
`LOA_PUBLIC_URL` (the public address, e.g. `https://hdnd.example.gov.vn`, when a proxy is in
front), else `WAGTAILADMIN_BASE_URL`, else the address it listens on.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlsplit

WILDCARD_HOSTS = {"0.0.0.0", "::", ""}


class AddressError(ValueError):
    pass


def public_address(listen_host: str, listen_port: int, environ: Mapping[str, str] = os.environ) -> tuple[str, int] | None:
    """(hostname, port) the portal is reached at, or None when it cannot be told (a wildcard listen address)."""
    url = environ.get("LOA_PUBLIC_URL") or environ.get("WAGTAILADMIN_BASE_URL") or ""
    if url:
        return parse_public_url(url)
    if listen_host in WILDCARD_HOSTS:
        return None
    return listen_host, listen_port


def parse_public_url(url: str) -> tuple[str, int]:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AddressError(f"LOA_PUBLIC_URL phải có dạng https://ten-mien (đang là “{url}”).")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise AddressError(f"Cổng trong LOA_PUBLIC_URL không hợp lệ (“{url}”).") from error
    if parts.scheme == "http" and port == 443:
        raise AddressError("Wagtail coi cổng 443 là https: dùng https:// trong LOA_PUBLIC_URL.")
    return parts.hostname, port


def sync_default_site(hostname: str, port: int) -> bool:
    """Point the default Site at (hostname, port); True when it changed."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True
