from django.core.management.base import BaseCommand

from practices.interchange import LOCALES, export_cases


class Command(BaseCommand):
    help = "Write the live cases to standard output as JSON Lines in the case interchange format."

    def add_arguments(self, parser):
        parser.add_argument("--locale", choices=LOCALES, help="only the cases in this language")

    def handle(self, *args, locale, **options):
        for line in export_cases(locale):
            self.stdout.write(line)
