from django.apps import AppConfig


class InfoPagesConfig(AppConfig):
    name = "loa.infopages"
    label = "infopages"
    verbose_name = "Giới thiệu"
    default_auto_field = "django.db.models.BigAutoField"
