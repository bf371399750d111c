"""Demo committees and moderators that the citizens' forms share (through the `loa_load_demo` hook;
each form's app loads its own pages)."""
from __future__ import annotations

from django.contrib.auth.models import Group, Permission

from .models import Committee

COMMITTEES = [
    ("Ban Pháp chế HĐND tỉnh", 1),
    ("Ban Kinh tế - Ngân sách HĐND tỉnh", 2),
    ("Ban Văn hóa - Xã hội HĐND tỉnh", 3),
    ("Ban Dân tộc HĐND tỉnh", 4),
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", 5),
]
MODERATORS = "Tiếp nhận ý kiến người dân"
MODERATOR_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "questions": ["change_question", "delete_question", "view_personal_data", "add_topic", "change_topic"],
    "consultations": ["change_draftcomment", "delete_draftcomment", "view_personal_data"],
    "schedule": ["add_workweek", "change_workweek", "delete_workweek"],
    "participation": ["view_datarequest", "change_datarequest"],
}


def ensure_committees() -> dict[str, Committee]:
    return {name: Committee.objects.get_or_create(name=name, defaults={"sort_order": order})[0]
            for name, order in COMMITTEES}


def setup_moderators() -> Group:
    """The group that receives and answers questions, moderates comments and edits the schedule."""
    group, _ = Group.objects.get_or_create(name=MODERATORS)
    for app_label, codenames in MODERATOR_PERMISSIONS.items():
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    return group
