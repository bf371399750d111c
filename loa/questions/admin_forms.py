"""The editor's form for a question: its fields plus the next moderation step."""
from __future__ import annotations

from django import forms

from loa.participation.submission_admin import SubmissionAdminForm, SubmissionDetailsPanel

from . import moderation

KEEP = ""


class QuestionAdminForm(SubmissionAdminForm):
    action = forms.ChoiceField(
        label="Bước xử lý tiếp theo", required=False,
        help_text="Chọn bước rồi bấm Lưu. Công bố tạo (hoặc cập nhật) trang câu hỏi trên cổng thông tin.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "action" in self.fields:
            self.fields["action"].choices = [(KEEP, "Chỉ lưu thay đổi, giữ trạng thái")] + moderation.allowed_actions(
                self.instance)

    def _post_clean(self):
        super()._post_clean()
        action = self.cleaned_data.get("action")
        if action:
            try:
                moderation.check(self.instance, action)
            except moderation.ModerationError as error:
                self.add_error(error.field if error.field in self.fields else None, str(error))

    def moderate(self, question, user):
        action = self.cleaned_data.get("action")
        if action:
            return moderation.apply(question, action, user)
        # Edits to a published question reach its page when it is published again ("Công bố").
        return super().moderate(question, user)


class QuestionDetailsPanel(SubmissionDetailsPanel):
    template_name = "questions/admin/details_panel.html"
    object_name = "question"
