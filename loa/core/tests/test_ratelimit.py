import pytest
from django.core.cache import caches
from django.test import RequestFactory

from loa.core.clientip import client_bucket, client_key
from loa.core.ratelimit import ALIAS, client_over_limit, over_limit


def request_from(address: str):
    return RequestFactory().get("/", REMOTE_ADDR=address)


def test_ipv6_clients_share_their_64_and_ipv4_stands_alone():
    assert client_bucket("2001:db8:1:2:aaaa::1") == client_bucket("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert client_bucket("2001:db8:1:3::1") != client_bucket("2001:db8:1:2::1")
    assert client_bucket("::ffff:203.0.113.7") == "203.0.113.7"
    assert client_bucket("203.0.113.7") != client_bucket("203.0.113.8")


def test_keys_never_hold_the_address():
    key = client_key(request_from("203.0.113.7"), "speech")
    assert "203" not in key and len(key) == 32
    assert key == client_key(request_from("203.0.113.7"), "speech")
    assert key != client_key(request_from("203.0.113.7"), "login")


@pytest.mark.django_db
def test_limits_live_in_their_own_shared_cache():
    assert caches[ALIAS] is not caches["default"]
    # Shared between processes: not a per-process memory cache.
    assert "locmem" not in type(caches[ALIAS]).__module__


@pytest.mark.django_db
def test_a_client_over_its_limit_waits_and_others_do_not():
    for _ in range(3):
        assert client_over_limit(request_from("2001:db8::1"), "t", limit=3, window=60) is None
    retry = client_over_limit(request_from("2001:db8::2"), "t", limit=3, window=60)  # same /64
    assert retry is not None and 1 <= retry <= 60
    assert client_over_limit(request_from("2001:db8:0:1::1"), "t", limit=3, window=60) is None


@pytest.mark.django_db
def test_costs_count_as_units():
    assert over_limit("chars", "c", limit=100, window=60, cost=60) is None
    assert over_limit("chars", "c", limit=100, window=60, cost=60) is not None
