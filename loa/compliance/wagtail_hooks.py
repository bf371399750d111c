"""Admin: Cài đặt > Kiểm tra tuân thủ."""
from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import PERMISSION, compliance_report


class ComplianceMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("kiem-tra-tuan-thu/", compliance_report, name="compliance_report")]


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return ComplianceMenuItem("Kiểm tra tuân thủ", reverse("compliance_report"), icon_name="tasks", order=900)
