"""Security headers: HSTS and the HTTPS switches in production, Content-Security-Policy, Permissions-Policy."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.template import engines

from depository.middleware import ContentSecurityPolicyMiddleware

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "depository.example.org",
    "SITE_URL": "https://depository.example.org",
}

# Answers two requests under the production settings and prints their headers.
HEADERS_OF_PRODUCTION = """
import json, django
django.setup()
from django.test import Client
client = Client()
answers = {}
for path in ("/healthz", "/admin/"):
    response = client.get(path, secure=True, headers={"Host": "depository.example.org"})
    answers[path] = {"status": response.status_code, **response.headers}
plain = client.get("/healthz", headers={"Host": "depository.example.org"})
answers["http"] = {"status": plain.status_code, **plain.headers}
print(json.dumps(answers))
"""


def run(arguments, **environment):
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"}}
    env.update(environment)
    return subprocess.run(
        [sys.executable, *arguments], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR, timeout=180
    )


def directives(header):
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


def test_check_deploy_is_clean_in_production_mode():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.fixture(scope="module")
def production_headers():
    result = run(["-c", HEADERS_OF_PRODUCTION], **PRODUCTION)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_hsts_for_a_year_with_subdomains(production_headers):
    assert production_headers["/healthz"]["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_production_redirects_plain_http_to_https(production_headers):
    assert production_headers["http"]["status"] == 301
    assert production_headers["http"]["Location"] == "https://depository.example.org/healthz"


def test_the_hsts_and_https_switches_follow_the_environment():
    result = run(["-c", HEADERS_OF_PRODUCTION], **PRODUCTION, SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="3600")

    answers = json.loads(result.stdout.strip().splitlines()[-1])
    assert answers["http"]["status"] == 200
    assert answers["/healthz"]["Strict-Transport-Security"] == "max-age=3600; includeSubDomains; preload"


def test_production_public_policy_allows_only_the_site_and_the_video_players(production_headers):
    policy = directives(production_headers["/healthz"]["Content-Security-Policy"])

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert set(policy["frame-src"]) == {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}
    assert set(policy["img-src"]) == {"'self'", "data:"}
    assert production_headers["/healthz"]["X-Frame-Options"] == "DENY"


def test_production_admin_policy_lets_wagtails_admin_work(production_headers):
    admin = production_headers["/admin/"]
    policy = directives(admin["Content-Security-Policy"])

    assert admin["status"] == 302  # to the login page
    assert set(policy["script-src"]) == {"'self'", "'unsafe-inline'", "'unsafe-eval'"}
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'self'" in policy["frame-src"]
    assert "https://www.youtube-nocookie.com" in policy["frame-src"]


def test_production_permissions_policy_allows_only_the_video_players_features(production_headers):
    policy = dict(part.split("=", 1) for part in production_headers["/healthz"]["Permissions-Policy"].split(", "))

    assert policy["camera"] == policy["microphone"] == policy["geolocation"] == policy["payment"] == "()"
    assert (
        policy["fullscreen"]
        == policy["autoplay"]
        == '(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'
    )


@pytest.mark.django_db
def test_a_public_page_needs_no_inline_script_or_style(client, site_tree):
    response = client.get("/uk/about/")

    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]
    assert " style=" not in response.content.decode()


def test_an_inline_script_of_the_site_runs_with_the_requests_nonce(rf):
    request = rf.get("/uk/")
    middleware = ContentSecurityPolicyMiddleware(lambda request: None)
    middleware.process_request(request)
    html = engines["django"].from_string('<script nonce="{{ request.csp_nonce }}">1</script>').render(request=request)
    response = middleware.process_response(request, HttpResponse(html))

    nonce = html.split('nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in directives(response["Content-Security-Policy"])["script-src"]
