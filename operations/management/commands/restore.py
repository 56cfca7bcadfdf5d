"""manage.py restore FILE: an archive of ``backup`` back into an empty installation (operations/archive.py)."""

from django.core.management import BaseCommand

from operations.archive import restore_backup


class Command(BaseCommand):
    help = (
        "Restore the database and the media from FILE, an archive written by `backup`, into an empty "
        "installation, then rebuild the search indexes. The archive is checked whole before anything changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive written by `backup`.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Discard the content this installation holds (database and media) and restore over it.",
        )

    def handle(self, *args, file, replace, **options):
        restore_backup(file, replace=replace, write=self.stdout.write)
