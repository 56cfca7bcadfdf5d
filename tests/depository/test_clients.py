"""One answer to "who is the client" for login throttling and rate limits, proxies or not."""

import pytest

from depository.clients import client_address
from depository.ratelimits import client_network


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "198.51.100.1", "10.0.0.2"),  # reached directly: a client's own header is ignored
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # what the client wrote before our proxy is not trusted
        (2, "6.6.6.6, 198.51.100.1, 10.0.0.1", "198.51.100.1"),
        (2, "198.51.100.1", "10.0.0.2"),  # fewer hops than proxies: not through them
        (1, "not-an-address", "10.0.0.2"),
    ],
)
def test_the_client_is_what_the_outermost_trusted_proxy_saw(rf, settings, proxies, forwarded_for, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)

    assert client_address(request) == expected


def test_an_ipv6_client_is_counted_by_its_network(rf):
    one = rf.get("/", REMOTE_ADDR="2001:db8:1:2::1")
    other = rf.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")

    assert client_network(one) == client_network(other) == "2001:db8:1:2::/64"
    assert client_network(rf.get("/", REMOTE_ADDR="203.0.113.7")) == "203.0.113.7"
