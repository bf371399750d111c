from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "loa.importer"
    label = "importer"
    verbose_name = "Nhập dữ liệu cổng cũ"
    default_auto_field = "django.db.models.BigAutoField"
