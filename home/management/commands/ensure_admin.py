"""Make sure the administrator account ``make run`` prints exists, with a name and an e-mail address.

Wagtail's account page saves the name and e-mail address with the admin language, and requires
them: an account without them could not switch the admin to Ukrainian.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

CREDENTIALS_FILE = settings.VAR_DIR / "admin-credentials.txt"


def profile_defaults(username):
    """The name and e-mail address of the account, from ADMIN_FIRST_NAME, ADMIN_LAST_NAME and ADMIN_EMAIL."""
    return {
        "first_name": os.environ.get("ADMIN_FIRST_NAME") or "Адміністратор",
        "last_name": os.environ.get("ADMIN_LAST_NAME") or "Депозитарію",
        "email": os.environ.get("ADMIN_EMAIL") or f"{username}@localhost",
    }


class Command(BaseCommand):
    help = (
        "Make sure an administrator account exists and say how to log in. A new account gets the "
        "password in ADMIN_PASSWORD, or a random one written to var/admin-credentials.txt, and its name "
        "and e-mail address from ADMIN_FIRST_NAME, ADMIN_LAST_NAME and ADMIN_EMAIL; an existing account "
        "without them gets them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))

    def handle(self, *args, username, **options):
        User = get_user_model()
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
        defaults = profile_defaults(username)
        user = User.objects.filter(username=username).first()
        if user is not None:
            missing = {name: value for name, value in defaults.items() if not getattr(user, name)}
            if missing:
                User.objects.filter(pk=user.pk).update(**missing)
            message = _("Administrator: log in at %(url)s as “%(username)s”.") % {"url": url, "username": username}
            if CREDENTIALS_FILE.exists():
                message += " " + _("The password is in %(file)s.") % {"file": CREDENTIALS_FILE}
            self.stdout.write(message)
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, password=password, **defaults)
        CREDENTIALS_FILE.parent.mkdir(parents=True, exist_ok=True)
        CREDENTIALS_FILE.write_text(f"username: {username}\npassword: {password}\n", encoding="utf-8")
        CREDENTIALS_FILE.chmod(0o600)
        self.stdout.write(
            _("Administrator created: log in at %(url)s as “%(username)s” with the password %(password)s.")
            % {"url": url, "username": username, "password": password}
            + " "
            + _("The password is in %(file)s.") % {"file": CREDENTIALS_FILE}
        )
