from django.apps import AppConfig


class DelegatesConfig(AppConfig):
    name = "loa.delegates"
    label = "delegates"
    verbose_name = "Đại biểu"
    default_auto_field = "django.db.models.BigAutoField"
