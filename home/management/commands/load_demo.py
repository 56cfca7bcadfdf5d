from django.core.management.base import BaseCommand
from wagtail import hooks

from depository.hooks import LOAD_DEMO
from home.demo import load_demo_pages


class Command(BaseCommand):
    help = "Load the bilingual demo content (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        counts = load_demo_pages()
        self.stdout.write("Demo pages: {created} created, {updated} updated, {unchanged} unchanged.".format(**counts))
        for load in hooks.get_hooks(LOAD_DEMO):
            load(self.stdout)
