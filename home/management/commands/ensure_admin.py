import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

CREDENTIALS_FILE = settings.VAR_DIR / "admin-credentials.txt"


class Command(BaseCommand):
    help = (
        "Make sure an administrator account exists and say how to log in. A new account gets the "
        "password in ADMIN_PASSWORD, or a random one written to var/admin-credentials.txt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))

    def handle(self, *args, username, **options):
        User = get_user_model()
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
        if User.objects.filter(username=username).exists():
            message = _("Administrator: log in at %(url)s as “%(username)s”.") % {"url": url, "username": username}
            if CREDENTIALS_FILE.exists():
                message += " " + _("The password is in %(file)s.") % {"file": CREDENTIALS_FILE}
            self.stdout.write(message)
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        CREDENTIALS_FILE.parent.mkdir(parents=True, exist_ok=True)
        CREDENTIALS_FILE.write_text(f"username: {username}\npassword: {password}\n", encoding="utf-8")
        CREDENTIALS_FILE.chmod(0o600)
        self.stdout.write(
            _("Administrator created: log in at %(url)s as “%(username)s” with the password %(password)s.")
            % {"url": url, "username": username, "password": password}
            + " "
            + _("The password is in %(file)s.") % {"file": CREDENTIALS_FILE}
        )
