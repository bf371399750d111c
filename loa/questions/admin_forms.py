"""The editor's form for a question: its fields plus the next moderation step."""
from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel

from . import moderation

KEEP = ""


class QuestionAdminForm(WagtailAdminModelForm):
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

    def save(self, commit: bool = True):
        question = super().save(commit=False)
        action = self.cleaned_data.get("action")
        if action:
            return moderation.apply(question, action, getattr(self, "for_user", None))
        # Edits to a published question reach its page when it is published again ("Công bố").
        question.save()
        return question


class QuestionDetailsPanel(Panel):
    """What the citizen sent (read-only) and, for users with the permission, their contact details."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "questions/admin/details_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            user = self.request.user if self.request else None
            context["question"] = self.instance
            context["show_contact"] = bool(user and user.has_perm("questions.view_personal_data"))
            return context
