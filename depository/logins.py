"""Login throttling for every password the site asks for: the admin's and the site's logins and
Wagtail's page passwords.

django-axes watches the logins through its authentication backend (settings.AUTHENTICATION_BACKENDS).
A page password is not a login, so Wagtail's view for it is wrapped here: each wrong password is
recorded as a failed attempt on the "account" ``page:<id>`` (a name no user can have: usernames
cannot contain a colon), and a locked client is refused before the password is even looked at.
Logins lock the client; a page also locks itself, so that many clients cannot share the guessing.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.utils.translation import gettext
from wagtail import views as wagtail_views

from .ratelimits import retry_message, too_many_requests

PAGE_PREFIX = "page:"


def page_credentials(page_id):
    return {"username": f"{PAGE_PREFIX}{page_id}"}


def lockout_parameters(request, credentials):
    """What a run of failures locks: the client, and for a page password the page as well."""
    username = (credentials or {}).get("username") or ""
    if username.startswith(PAGE_PREFIX):
        return ["ip_address", "username"]
    return ["ip_address"]


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out client gets, in its language, with 429 and Retry-After."""
    seconds = int(get_cool_off(request).total_seconds())
    return too_many_requests(
        request, retry_message(gettext("Too many failed password attempts from your connection."), seconds), seconds
    )


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password form, throttled per client and per page."""
    credentials = page_credentials(page_id)
    if request.method == "POST" and AxesProxyHandler.is_locked(request, credentials):
        return lockout_response(request, credentials=credentials)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    # Wagtail redirects once the password is right and shows the form again when it is wrong.
    if request.method == "POST" and response.status_code == 200:
        AxesProxyHandler.user_login_failed(sender=authenticate_with_password, credentials=credentials, request=request)
    return response
