"""Cài đặt > Thông tin vận hành: the EMC monitoring script and the contact details in the footer."""
from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def validate_script_url(value: str) -> None:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname or parts.username or parts.password:
        raise ValidationError("Địa chỉ mã giám sát phải là một địa chỉ https:// đầy đủ, ví dụ https://… /script.js.")


def script_origin(url: str) -> str:
    """"https://emc.example.vn:8443/a.js" -> "https://emc.example.vn:8443" (what a CSP script-src lists)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


@register_setting(icon="cog")
class OperatorSettings(BaseSiteSetting):
    emc_script_url = models.URLField(
        "Địa chỉ mã giám sát EMC", max_length=500, blank=True, validators=[validate_script_url],
        help_text="Địa chỉ tệp JavaScript của hệ thống giám sát EMC (Thông tư 22/2023/TT-BTTTT) do đơn vị "
                  "giám sát cấp. Được nhúng ở mọi trang dưới dạng <script src=… async>; nguồn của nó được "
                  "thêm vào chính sách bảo mật nội dung (CSP).",
    )
    agency = models.CharField("Cơ quan chủ quản", max_length=300, blank=True)
    responsible_person = models.CharField("Người chịu trách nhiệm", max_length=200, blank=True)
    address = models.CharField("Địa chỉ", max_length=300, blank=True)
    phone = models.CharField("Điện thoại", max_length=50, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    licence = models.CharField("Giấy phép", max_length=300, blank=True,
                               help_text="Ví dụ: Giấy phép số …/GP-TTĐT do Sở … cấp ngày …")

    panels = [
        FieldPanel("emc_script_url"),
        MultiFieldPanel([FieldPanel("agency"), FieldPanel("responsible_person"), FieldPanel("address"),
                         FieldPanel("phone"), FieldPanel("email"), FieldPanel("licence")],
                        heading="Thông tin liên hệ ở chân trang"),
    ]

    class Meta:
        verbose_name = "Thông tin vận hành"
        verbose_name_plural = "Thông tin vận hành"

    @property
    def emc_origin(self) -> str:
        return script_origin(self.emc_script_url)

    @property
    def has_contact(self) -> bool:
        return any((self.agency, self.responsible_person, self.address, self.phone, self.email, self.licence))
