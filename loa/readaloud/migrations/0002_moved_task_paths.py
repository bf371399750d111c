# The narration tasks moved from loa.readaloud.tasks to loa.readaloud.narration.tasks: tasks queued
# before the move name the old module, so they are renamed (a worker could not import them).
from django.db import migrations

MOVED = {
    "loa.readaloud.tasks.generate_narration": "loa.readaloud.narration.tasks.generate_narration",
    "loa.readaloud.tasks.delete_unused_audio": "loa.readaloud.narration.tasks.delete_unused_audio",
}


def rename(apps, schema_editor, moves=MOVED):
    results = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in moves.items():
        results.objects.filter(task_path=old).update(task_path=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, {new: old for old, new in MOVED.items()})


class Migration(migrations.Migration):

    dependencies = [
        ("readaloud", "0001_initial"),
        ("django_tasks_database", "0001_initial"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
