from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    """What the citizens' forms share: committees (ban), anti-spam guard, consent, references, mail, retention."""

    name = "loa.participation"
    label = "participation"
    verbose_name = "Ý kiến người dân"
