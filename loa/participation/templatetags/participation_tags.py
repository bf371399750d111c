"""`{% citizen_field form.name %}`: a form field with its label, hint and error tied to it for screen readers."""
from __future__ import annotations

from django import forms, template

register = template.Library()


@register.inclusion_tag("participation/field.html")
def citizen_field(field) -> dict:
    described = []
    hint_id = f"{field.auto_id}-hint"
    error_id = f"{field.auto_id}-error"
    counter_id = f"{field.auto_id}-counter"
    if field.errors:
        described.append(error_id)
    if field.help_text:
        described.append(hint_id)
    max_chars = field.field.widget.attrs.get("data-max-chars")
    if max_chars:
        described.append(counter_id)
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if field.field.required:
        attrs["aria-required"] = "true"
    if max_chars:
        attrs["data-counter"] = counter_id
    return {
        "field": field,
        "widget": field.as_widget(attrs=attrs),
        "is_checkbox": isinstance(field.field.widget, forms.CheckboxInput),
        "hint_id": hint_id,
        "error_id": error_id,
        "counter_id": counter_id,
        "max_chars": max_chars,
    }
