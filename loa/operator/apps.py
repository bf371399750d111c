from django.apps import AppConfig


class OperatorConfig(AppConfig):
    """Operator settings: the EMC monitoring script (Thông tư 22/2023) and the office's contact details."""

    name = "loa.operator"
    label = "operator"
    verbose_name = "Thông tin vận hành"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from loa.core.cache import bump_content_version

        from .models import OperatorSettings

        post_save.connect(bump_content_version, sender=OperatorSettings, dispatch_uid="loa-operator-settings-saved")
