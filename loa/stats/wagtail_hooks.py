from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class StatsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("thong-ke/", admin_views.index, name="stats_dashboard"),
        path("thong-ke/export.csv", admin_views.export_csv, name="stats_export"),
    ]


@hooks.register("register_admin_menu_item")
def register_menu_item() -> MenuItem:
    return StatsMenuItem("Thống kê truy cập", reverse("stats_dashboard"), name="stats", icon_name="view", order=250)


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(content_type__app_label="stats", codename="view_statistics")
