"""A post whose CSRF token expired gets a Vietnamese page that gives back what the visitor typed."""
from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_an_expired_form_explains_in_vietnamese_and_keeps_the_typed_text():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/hoi-dap/gui-cau-hoi/", {
        "csrfmiddlewaretoken": "expired", "name": "Nguyễn Văn A", "title": "Đường xã bị ngập",
        "content": "Xin hỏi <script>alert(1)</script> khi nào sửa?", "website": "", "consent": "on",
    })
    html = response.content.decode()
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in html and 'lang="vi"' in html
    assert "CSRF verification failed" not in html and "Forbidden" not in html
    assert "Đường xã bị ngập" in html and "Nguyễn Văn A" in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="/hoi-dap/gui-cau-hoi/"' in html
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_an_expired_form_with_nothing_typed_still_explains():
    response = Client(enforce_csrf_checks=True).post("/", {})
    assert response.status_code == 403 and "Biểu mẫu đã hết hạn" in response.content.decode()
    assert "Nội dung bạn đã nhập" not in response.content.decode()
