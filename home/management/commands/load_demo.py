from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from wagtail import hooks

from depository.hooks import LOAD_DEMO
from home.demo import load_demo_pages


class Command(BaseCommand):
    help = "Load the bilingual demo content (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        counts = load_demo_pages()
        self.stdout.write(_("Demo pages: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.") % counts)
        for load in hooks.get_hooks(LOAD_DEMO):
            load(self.stdout)
