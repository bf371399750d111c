from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """Dữ liệu mở (/du-lieu-mo/): the datasets the portal holds, as CSV, JSON and a DCAT catalogue."""

    name = "loa.opendata"
    label = "opendata"
    verbose_name = "Dữ liệu mở"

    def ready(self) -> None:
        from . import datasets

        datasets.register_builtin()
