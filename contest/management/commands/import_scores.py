"""Read a scoresheet back: every row is checked first, and nothing is imported when any is wrong."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from contest.scoresheet import ContestNotFound, contest_by_slug, import_scoresheet


class Command(BaseCommand):
    help = (
        "Import the scores of a CSV written by export_scoresheet into the contest CONTEST_SLUG. Every row "
        "is checked first (unknown expert, entry or criterion, an entry not assigned to the expert, a "
        "score off the scale); errors are printed as 'line N: column: reason' and nothing is imported. "
        "Empty scores are skipped; an optional 'comment' column sets the comments. Running it again "
        "changes nothing. Works in any phase; the import is logged."
    )

    def add_arguments(self, parser):
        parser.add_argument("contest_slug")
        parser.add_argument("file", type=Path)

    def handle(self, *args, contest_slug, file, **options):
        try:
            contest = contest_by_slug(contest_slug)
        except ContestNotFound as error:
            raise CommandError(str(error)) from None
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": file, "error": error}) from None
        changed, errors = import_scoresheet(contest, text)
        if errors:
            for error in errors:
                self.stderr.write(error)
            raise CommandError(_("Nothing imported: %(count)s rows have errors.") % {"count": len(errors)})
        self.stdout.write(_("Scores imported: %(count)s changed.") % {"count": changed})
