"""The query parameters cached pages read (the page cache's key ignores any other).

Settings import this (it imports nothing of Django); override with LOA_PAGE_CACHE_QUERY_PARAMS.
A view that reads a new parameter must be listed here, or it would be served another page's copy.
"""

# Pages: page, q, tag; document library: loai, co_quan, linh_vuc, nam; delegates: to, khoa;
# hỏi đáp: linh-vuc; work schedule: tuan; player and embed: voice;
# kiến nghị cử tri and chất vấn: trang-thai, dia-ban, co-quan, ky-hop, qua-han; the importer's old links ("/?p=123",
# loa.importer.middleware, IMPORTER_REDIRECT_QUERY_KEYS) must reach their redirect, not the cached home page.
DEFAULT_QUERY_PARAMS = ("page", "q", "tag", "loai", "co_quan", "linh_vuc", "nam", "to", "khoa", "linh-vuc", "tuan",
                        "voice", "trang-thai", "dia-ban", "co-quan", "ky-hop", "qua-han",
                        "p", "page_id", "attachment_id", "newsid", "news_id", "itemid", "option")
