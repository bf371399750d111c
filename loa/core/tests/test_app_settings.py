"""Every app reads its settings one way: unset, None or empty means the default from its conf.py."""
import pytest
from django.test import override_settings

from loa.core.conf import app_setting
from loa.site.settings import env_setting

DEFAULTS = {"LOA_X": 7, "LOA_FLAG": True}


@pytest.mark.parametrize("value", [None, ""])
def test_an_empty_or_missing_setting_is_its_default(value):
    with override_settings(LOA_X=value):
        assert app_setting("LOA_X", DEFAULTS) == 7
    assert app_setting("LOA_FLAG", DEFAULTS) is True  # not in the settings at all


def test_a_set_value_wins_even_when_falsy():
    with override_settings(LOA_X=0, LOA_FLAG=False):
        assert app_setting("LOA_X", DEFAULTS) == 0 and app_setting("LOA_FLAG", DEFAULTS) is False


def test_environment_values_take_the_type_of_their_default(monkeypatch):
    monkeypatch.setenv("LOA_A", " 12 ")
    monkeypatch.setenv("LOA_B", "0.5")
    monkeypatch.setenv("LOA_C", "off")
    monkeypatch.setenv("LOA_D", "1, 2,3")
    monkeypatch.setenv("LOA_E", "")
    assert env_setting("LOA_A", 5) == 12
    assert env_setting("LOA_B", 2.0) == 0.5
    assert env_setting("LOA_C", True) is False
    assert env_setting("LOA_D", [5, 60]) == [1, 2, 3]
    assert env_setting("LOA_E", True) is True  # empty is unset, for booleans too
    assert env_setting("LOA_UNSET", "x") == "x"
