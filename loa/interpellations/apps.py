from django.apps import AppConfig


class InterpellationsConfig(AppConfig):
    """Chất vấn: delegates' questions to officials at sessions, the answers, and the commitments followed up."""

    name = "loa.interpellations"
    label = "interpellations"
    verbose_name = "Chất vấn"
    default_auto_field = "django.db.models.BigAutoField"
