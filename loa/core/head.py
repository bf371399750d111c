"""HEAD requests get the headers of GET and no body.

Django answers HEAD by running the GET view; its test client and runserver drop the body, but
gunicorn does not, and logs "WSGI app sent body bytes on a no-body response" for each one (monitors
send many). Outermost, so Content-Length stays the length the GET body has.
"""
from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase


class HeadWithoutBodyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                response.streaming_content = []  # the file stays in the closers: closed with the response
            else:
                response.content = b""
        return response
