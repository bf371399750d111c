from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "loa.pages"
    label = "pages"
    verbose_name = "Trang"

    def ready(self) -> None:
        from . import signals

        signals.connect()
