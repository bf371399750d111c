from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from .admin_views import import_status


@hooks.register("register_admin_urls")
def urls():
    return [path("nhap-du-lieu/", import_status, name="importer_status")]


@hooks.register("register_reports_menu_item")
def menu_item():
    return AdminOnlyMenuItem("Nhập dữ liệu cổng cũ", reverse("importer_status"), icon_name="download", order=900)
