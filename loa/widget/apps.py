from django.apps import AppConfig


class WidgetConfig(AppConfig):
    name = "loa.widget"
    label = "widget"
    verbose_name = "Trang liên kết"
    default_auto_field = "django.db.models.BigAutoField"
