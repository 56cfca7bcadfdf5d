"""Production mode refuses insecure settings with one clear line (run in a fresh interpreter)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

STRONG_KEY = "k" * 50


def start_django(**environment):
    ignored = {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "SITE_URL"}
    env = {key: value for key, value in os.environ.items() if key not in ignored}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("environment", "variable"),
    [
        ({"ALLOWED_HOSTS": "depository.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": settings.DEVELOPMENT_SECRET_KEY, "ALLOWED_HOSTS": "depository.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "depository.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": STRONG_KEY}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": " , "}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "depository.example.org"}, "SITE_URL"),
    ],
)
def test_production_refuses_to_start_with_insecure_settings(environment, variable):
    result = start_django(DEBUG="false", **environment)

    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert f"set {variable}" in lines[0]


def test_production_starts_with_a_secret_key_hosts_and_its_address():
    result = start_django(
        DEBUG="false",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="depository.example.org",
        SITE_URL="https://depository.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_development_defaults_start_with_a_warning():
    result = start_django()

    assert result.returncode == 0, result.stderr
    assert "development settings" in result.stderr


@pytest.mark.parametrize(
    "value", ["depository.example.org", "ftp://depository.example.org", "https://example.org/site"]
)
def test_a_site_url_that_is_not_a_site_address_is_refused_with_one_line(value):
    result = start_django(SITE_URL=value)

    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("SITE_URL must be a site's address")
