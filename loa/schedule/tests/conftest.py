import pytest

from loa.participation.tests.fixtures import *  # noqa: F403


@pytest.fixture
def schedule_page(home):
    from loa.schedule.models import ScheduleIndexPage

    page = ScheduleIndexPage(title="Lịch công tác", slug="lich-cong-tac", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
