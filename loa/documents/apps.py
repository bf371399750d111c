from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "loa.documents"
    label = "documents"
    verbose_name = "Thư viện văn bản"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals

        signals.connect()
