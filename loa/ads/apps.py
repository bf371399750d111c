from django.apps import AppConfig


class AdsConfig(AppConfig):
    name = "loa.ads"
    label = "ads"
    verbose_name = "Quảng cáo"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from loa.core.cache import bump_content_version

        from .models import AdSlot, Advertisement

        for model in (AdSlot, Advertisement):
            post_save.connect(bump_content_version, sender=model, dispatch_uid=f"loa-cache-{model.__name__}-save")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"loa-cache-{model.__name__}-delete")
