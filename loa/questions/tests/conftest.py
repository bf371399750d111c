import pytest

from loa.participation.tests.fixtures import *  # noqa: F403


@pytest.fixture
def qa_index(home):
    from loa.questions.models import QuestionIndexPage

    index = QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap", show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def topic(db):
    from loa.questions.models import Topic

    return Topic.objects.create(name="Đất đai", slug="dat-dai")


@pytest.fixture
def committee(db):
    from loa.participation.models import Committee

    return Committee.objects.create(name="Ban Kinh tế - Ngân sách", email="ban.kinhte@hdnd.example.vn")
