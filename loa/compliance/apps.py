from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    """Kiểm tra tuân thủ: what the decrees ask of a state portal that software can check, met or missing."""

    name = "loa.compliance"
    label = "compliance"
    verbose_name = "Kiểm tra tuân thủ"
