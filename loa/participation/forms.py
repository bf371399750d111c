"""The base of every citizens' form: clean text, Vietnamese messages, contact fields, consent."""
from __future__ import annotations

import re
import unicodedata

from django import forms
from django.core.validators import RegexValidator

from .guard import HONEYPOT_FIELD, TOKEN_FIELD

# Anything but tab and newline among the control characters (PostgreSQL refuses NUL outright),
# plus the bidirectional overrides that can disguise text.
_UNWANTED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")
PHONE_RE = r"^\+?[0-9 .()\-]{8,20}$"

CONSENT_LABEL = (
    "Tôi đã đọc thông báo về xử lý dữ liệu cá nhân ở trên và đồng ý để Văn phòng xử lý dữ liệu cá nhân của tôi "
    "theo Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân."
)


def clean_text(value: str, multiline: bool = False) -> str:
    """NFC, no control characters, unified line ends; single-line fields get their whitespace collapsed."""
    text = unicodedata.normalize("NFC", value or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _UNWANTED.sub("", text)
    if multiline:
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in text.split("\n")))
        return text.strip()
    return " ".join(text.split())


def vn_number(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def text_field(label: str, max_length: int, required: bool = True, multiline: bool = False, help_text: str = "",
               **attrs) -> forms.CharField:
    """A text field whose over-long input is reported (with the count), not cut off by the browser."""
    widget = forms.Textarea(attrs={"rows": 8, **attrs}) if multiline else forms.TextInput(attrs=attrs)
    field = forms.CharField(
        label=label, max_length=max_length, required=required, help_text=help_text, widget=widget,
        strip=False,
        error_messages={
            "required": f"Vui lòng nhập {label[:1].lower() + label[1:]}.",
            "max_length": f"{label} dài quá mức cho phép: tối đa {vn_number(max_length)} ký tự "
                          "(hiện có %(show_value)s ký tự).",
        },
    )
    # A maxlength attribute would silently cut a pasted text; the counter (forms.js) warns instead.
    field.widget.attrs.pop("maxlength", None)
    field.widget.attrs["data-max-chars"] = str(max_length)
    return field


class CitizenForm(forms.Form):
    """Name and optional contact details, the consent checkbox, and the anti-spam fields.

    Subclasses add their own fields and list multi-line ones in `multiline_fields`.
    """

    multiline_fields: tuple[str, ...] = ()
    contact_fields = ("name", "email", "phone", "address")

    name = text_field("Họ và tên", 100, autocomplete="name")
    email = forms.EmailField(
        label="Thư điện tử (không bắt buộc)", max_length=254, required=False,
        help_text="Để nhận thông báo khi có trả lời.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": "Địa chỉ thư điện tử không đúng dạng, ví dụ: ten@example.vn.",
                        "max_length": "Địa chỉ thư điện tử quá dài (tối đa 254 ký tự)."},
    )
    phone = forms.CharField(
        label="Số điện thoại (không bắt buộc)", max_length=20, required=False,
        validators=[RegexValidator(PHONE_RE, "Số điện thoại chỉ gồm chữ số (8 đến 20 ký tự), có thể có dấu +, "
                                             "khoảng trắng, dấu chấm hoặc gạch ngang.")],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages={"max_length": "Số điện thoại quá dài (tối đa 20 ký tự)."},
    )
    address = text_field("Địa chỉ (không bắt buộc)", 300, required=False, autocomplete="address-line1")
    consent = forms.BooleanField(
        label=CONSENT_LABEL, required=True,
        error_messages={"required": "Vui lòng đánh dấu đồng ý xử lý dữ liệu cá nhân; nếu không, Văn phòng "
                                    "không thể tiếp nhận nội dung bạn gửi."},
    )
    # Anti-spam (loa/participation/guard.py): checked before the form itself.
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(label="Trang web (để trống ô này)", required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))

    def clean(self) -> dict:
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and name not in (TOKEN_FIELD, HONEYPOT_FIELD):
                cleaned[name] = clean_text(value, multiline=name in self.multiline_fields)
        for name in self.fields:
            field = self.fields[name]
            if field.required and isinstance(field, forms.CharField) and name in cleaned and not cleaned[name]:
                # Only invisible characters were typed.
                self.add_error(name, field.error_messages["required"])
        return cleaned

    def visible_fields_in_order(self):
        return [field for field in self if field.name not in (TOKEN_FIELD, HONEYPOT_FIELD)]

    def contact_values(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in self.contact_fields}
