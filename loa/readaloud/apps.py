from django.apps import AppConfig


class ReadaloudConfig(AppConfig):
    name = "loa.readaloud"
    label = "readaloud"
    verbose_name = "Đọc tin bài"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .editors import panels
        from .narration import signals

        signals.connect()
        panels.attach_to_article_editor()
