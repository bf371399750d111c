from django.apps import AppConfig


class CouncilSessionsConfig(AppConfig):
    # "sessions" is django.contrib.sessions' label: this app's label is "kyhop" (kỳ họp).
    name = "loa.council_sessions"
    label = "kyhop"
    verbose_name = "Kỳ họp"
    default_auto_field = "django.db.models.BigAutoField"
