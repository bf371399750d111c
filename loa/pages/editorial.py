"""Editorial roles and the "Duyệt tin bài" workflow: editors submit, leaders approve and publish."""
from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Biên tập viên"
LEADERS = "Lãnh đạo duyệt"
WORKFLOW_NAME = "Duyệt tin bài"
TASK_NAME = "Lãnh đạo duyệt tin bài"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
LEADER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
LEADER_MODEL_PERMISSIONS = {
    "ads": ["add_advertisement", "change_advertisement", "delete_advertisement", "view_advertisement",
            "view_adslot"],
}


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def setup_editorial(home: Page) -> Workflow:
    """Create (or complete) the two groups and the workflow, attached to `home` and its descendants."""
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    leaders, _ = Group.objects.get_or_create(name=LEADERS)
    access_admin = _permission("wagtailadmin", "access_admin")
    root_collection = Collection.get_first_root_node()

    for group, page_perms in ((editors, EDITOR_PAGE_PERMISSIONS), (leaders, LEADER_PAGE_PERMISSIONS)):
        group.permissions.add(access_admin)
        for codename in page_perms:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=_permission("wagtailcore", codename)
            )
        for app_label, codenames in MEDIA_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(app_label, codename)
                )
    for app_label, codenames in LEADER_MODEL_PERMISSIONS.items():
        leaders.permissions.add(*(_permission(app_label, c) for c in codenames))

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(leaders)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow
