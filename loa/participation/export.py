"""Spreadsheet export for the office: personal data only for users with the permission, and
cells that a spreadsheet program would run as formulas neutralized."""
from __future__ import annotations

from django.utils.encoding import force_str

from loa.core.tabular import CSV_BOM, neutralize


class OfficeExportMixin:
    """For a Wagtail IndexView: set `export_fields`, `personal_export_fields` and `personal_permission`."""

    export_fields: list[str] = []
    personal_export_fields: list[str] = []
    personal_permission = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        personal = self.personal_export_fields if request.user.has_perm(self.personal_permission) else []
        self.list_export = [*self.export_fields, *personal]

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralize(force_str(value) if value is not None and not isinstance(value, (int, float)) else value)

    def stream_csv(self, queryset):
        yield CSV_BOM
        yield from super().stream_csv(queryset)
