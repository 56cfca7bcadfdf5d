from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from practices.interchange import import_cases


class Command(BaseCommand):
    help = (
        "Import cases from a JSON Lines file in the case interchange format (practices/data/case-format.md). "
        "A file with any invalid line imports nothing, unless --skip-invalid is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the JSON Lines file")
        parser.add_argument("--dry-run", action="store_true", help="validate the file, write nothing")
        parser.add_argument("--skip-invalid", action="store_true", help="import the valid lines, report the others")

    def handle(self, *args, file, dry_run, skip_invalid, verbosity, **options):
        if not file.is_file():
            raise CommandError(_("No such file: %s") % file)
        summary = import_cases(
            file, dry_run=dry_run, skip_invalid=skip_invalid, progress=self.stderr if verbosity else None
        )
        for error in summary.errors:
            self.stderr.write(str(error))
        if summary.invalid and not skip_invalid:
            raise CommandError(
                ngettext("%d invalid line: nothing imported", "%d invalid lines: nothing imported", summary.invalid)
                % summary.invalid
            )
        if dry_run:
            message = _("Dry run: %(valid)d valid, %(invalid)d invalid; nothing written.")
        else:
            message = _(
                "Cases: %(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(invalid)d invalid."
            )
        if verbosity:
            self.stdout.write(message % vars(summary))
