"""The week editor: every entry's day must fall inside the week."""
from __future__ import annotations

from wagtail.admin.forms import WagtailAdminModelForm

from .weeks import IsoWeek


class WorkWeekForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if self.week() is None and cleaned.get("year") and cleaned.get("week"):
            self.add_error("week", f"Năm {cleaned['year']} không có tuần {cleaned['week']}.")
        return cleaned

    def week(self) -> IsoWeek | None:
        data = getattr(self, "cleaned_data", {})
        try:
            return IsoWeek.parse(f"{int(data.get('year') or 0):04d}-W{int(data.get('week') or 0):02d}")
        except (ValueError, TypeError):
            return None

    def is_valid(self) -> bool:
        valid = super().is_valid()  # validates the entries' formset too
        week = self.week()
        if week is None:
            return valid
        for form in self.formsets["entries"].forms:
            data = getattr(form, "cleaned_data", {})
            day = data.get("day")
            if day and not data.get("DELETE") and not week.contains(day):
                form.add_error("day", f"Ngày {day:%d/%m/%Y} không thuộc {week.label()}.")
                valid = False
        return valid
