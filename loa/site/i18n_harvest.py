"""List the admin strings an editor sees that have no Vietnamese translation yet.

Wagtail's own Vietnamese catalogue covers only a few hundred of its strings, so
Loa ships its own (loa/site/locale/vi/LC_MESSAGES/django.po, which overrides and
completes Wagtail's).  After upgrading Wagtail, run

    .venv/bin/python -m loa.site.i18n_harvest > /tmp/missing.po

then translate the entries of /tmp/missing.po (any PO editor: Poedit, Lokalize, or a text
editor), merge them with `msgcat --use-first loa/site/locale/vi/LC_MESSAGES/django.po
/tmp/missing.po -o loa/site/locale/vi/LC_MESSAGES/django.po` and run `make messages`
(Django's compilemessages).

It builds the demo site in a temporary data directory, crawls the admin as a
superuser (and as an editor), performs the editorial actions (save, submit,
approve) and prints every msgid that was looked up but came back untranslated.
"""
from __future__ import annotations

import atexit
import os
import re
import shutil
import sys
import tempfile
from collections import OrderedDict
from urllib.parse import urljoin, urlsplit

MAX_PAGES = 600
SKIP = re.compile(r"/(logout|sprite|jsi18n|failwhale|test404|api)/|\.(js|css|png|svg|jpg)$|/preview/|/download/|/export/")


def as_po(messages) -> str:
    """The untranslated messages as .po entries with empty msgstr, to fill in and merge into django.po."""
    import polib

    catalogue = polib.POFile(wrapwidth=0)
    for message in messages:
        if "\x00" in message:
            singular, plural = message.split("\x00")
            catalogue.append(polib.POEntry(msgid=singular, msgid_plural=plural, msgstr_plural={0: ""}))
        else:
            catalogue.append(polib.POEntry(msgid=message, msgstr=""))
    return str(catalogue)


def main() -> int:
    data_dir = tempfile.mkdtemp(prefix="loa-i18n-")
    atexit.register(shutil.rmtree, data_dir, True)
    os.environ["LOA_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loa.site.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings
    from django.utils.translation import trans_real

    override_settings(ALLOWED_HOSTS=["*"], EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend", STORAGES={**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
    call_command("migrate", verbosity=0)
    from loa.pages.demo.loader import load_demo

    load_demo()

    missing: OrderedDict[str, None] = OrderedDict()
    original_gettext = trans_real.DjangoTranslation.gettext
    original_ngettext = trans_real.DjangoTranslation.ngettext

    def gettext(self, message):
        result = original_gettext(self, message)
        if result == message and message.strip() and self.language() == "vi":
            missing.setdefault(message, None)
        return result

    def ngettext(self, msgid1, msgid2, n):
        result = original_ngettext(self, msgid1, msgid2, n)
        if result in (msgid1, msgid2) and self.language() == "vi":
            missing.setdefault(f"{msgid1}\x00{msgid2}", None)
        return result

    trans_real.DjangoTranslation.gettext = gettext
    trans_real.DjangoTranslation.ngettext = ngettext

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    admin = User.objects.create_superuser("admin", "admin@example.vn", "x")
    editor = User.objects.create_user("bientap", "bt@example.vn", "x")
    editor.groups.add(Group.objects.get(name="Biên tập viên"))

    anonymous = Client()
    for url in ("/admin/login/", "/admin/password_reset/"):
        anonymous.get(url)

    for user in (admin, editor):
        client = Client()
        client.force_login(user)
        crawl(client)
    do_actions(Client(), admin, editor)

    sys.stdout.write(as_po(missing))
    sys.stderr.write(f"{len(missing)} chuỗi chưa dịch\n")
    return 0


SEEDS = [
    "/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/", "/admin/snippets/",
    "/admin/snippets/ads/advertisement/", "/admin/snippets/ads/adslot/", "/admin/settings/",
    "/admin/users/", "/admin/groups/", "/admin/sites/", "/admin/collections/", "/admin/redirects/",
    "/admin/workflows/list/", "/admin/workflows/tasks/index/", "/admin/reports/locked/",
    "/admin/reports/workflow/", "/admin/reports/workflow_tasks/", "/admin/reports/site-history/",
    "/admin/reports/aging-pages/", "/admin/reports/page-types-usage/", "/admin/account/",
    "/admin/images/chooser/", "/admin/documents/chooser/", "/admin/choose-page/",
    "/admin/images/multiple/add/", "/admin/documents/multiple/add/", "/admin/searchpicks/",
    "/admin/pages/search/", "/admin/embeds/chooser/",
]


def crawl(client) -> None:
    seen_patterns: set[str] = set()
    queue = list(SEEDS)
    visited = 0
    while queue and visited < MAX_PAGES:
        url = queue.pop(0)
        pattern = re.sub(r"\d+", "N", urlsplit(url).path)
        if pattern in seen_patterns or SKIP.search(url):
            continue
        seen_patterns.add(pattern)
        visited += 1
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        text = response.content.decode(errors="replace")
        links = re.findall(r'href="([^"#]+)"', text) + re.findall(r'&quot;url&quot;: &quot;(/admin/[^&]+)&quot;', text)
        links += re.findall(r'"url": "(/admin/[^"]+)"', text)
        for href in links:
            target = urljoin(url, href.replace("&amp;", "&"))
            if target.startswith("/admin/") and "?" not in target:
                queue.append(target)


def do_actions(client, admin, editor) -> None:
    from loa.pages.models import ArticlePage, CategoryPage

    category = CategoryPage.objects.first()
    client.force_login(editor)
    add_url = f"/admin/pages/add/pages/articlepage/{category.pk}/"
    form = {"title": "Tin thử", "slug": "tin-thu", "date": "2025-07-01 08:00", "summary": "Tóm tắt",
            "body-count": "0", "tags": "", "comment_notifications": "on",
            "comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0", "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000"}
    client.post(add_url, form, follow=True)
    client.post(add_url, {**form, "slug": "tin-thu-2", "action-submit": "1"}, follow=True)
    client.post(add_url, {**form, "title": ""}, follow=True)  # validation errors
    page = ArticlePage.objects.filter(slug="tin-thu-2").first()
    client.force_login(admin)
    if page:
        client.get(f"/admin/pages/{page.pk}/edit/")
        client.get(f"/admin/pages/{page.pk}/history/")
        client.get(f"/admin/pages/{page.pk}/revisions/")
        state = page.current_workflow_state
        if state:
            task_state = state.current_task_state
            client.get(f"/admin/pages/workflow/collect_action_data/{page.pk}/reject/{task_state.pk}/")
            client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", follow=True)
    client.get("/admin/reports/workflow/")
    client.get("/admin/reports/workflow_tasks/")


if __name__ == "__main__":
    sys.exit(main())
