"""The public question form (hỏi đáp)."""
from __future__ import annotations

from django import forms

from loa.participation.forms import CitizenForm, text_field

from .records import Topic

FORM_NAME = "question"


class QuestionForm(CitizenForm):
    multiline_fields = ("content",)
    field_order = ["name", "email", "phone", "address", "topic", "title", "content", "consent"]

    topic = forms.ModelChoiceField(
        label="Lĩnh vực", queryset=Topic.objects.all(), empty_label="— Chọn lĩnh vực —",
        error_messages={"required": "Vui lòng chọn lĩnh vực của câu hỏi.",
                        "invalid_choice": "Lĩnh vực đã chọn không có trong danh sách; vui lòng chọn lại."},
    )
    title = text_field("Tiêu đề", 200, help_text="Tóm tắt câu hỏi trong một câu.")
    content = text_field("Nội dung câu hỏi", 5000, multiline=True,
                         help_text="Không cần ghi họ tên, số điện thoại hay địa chỉ vào nội dung: "
                                   "nội dung câu hỏi có thể được công bố cùng câu trả lời.")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not Topic.objects.exists():  # a portal without lĩnh vực yet still takes questions
            self.fields["topic"].required = False
