"""manage.py backup FILE: the database and the media in one archive with a manifest (operations/archive.py)."""

from django.core.management import BaseCommand
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from operations.archive import summary, write_backup


class Command(BaseCommand):
    help = "Write the database and the media (MEDIA_ROOT) to FILE, a tar.gz archive with a manifest."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive to write (tar.gz); it must not exist yet.")

    def handle(self, *args, file, **options):
        manifest = write_backup(file)
        media = [entry for entry in manifest.files if entry.path.startswith("media/")]
        database = manifest.files[0]
        self.stdout.write(
            _("Database (%(vendor)s, %(size)s): %(summary)s; rows in all: %(rows)d, tables: %(tables)d.")
            % {
                "vendor": manifest.database.vendor,
                "size": filesizeformat(database.size),
                "summary": summary(manifest.counts),
                "rows": sum(manifest.counts.values()),
                "tables": len(manifest.counts),
            }
        )
        self.stdout.write(
            ngettext("Media: %(count)d file, %(size)s.", "Media: %(count)d files, %(size)s.", len(media))
            % {"count": len(media), "size": filesizeformat(sum(entry.size for entry in media))}
        )
        self.stdout.write(_("Backup written to %(file)s, with a manifest of SHA-256 checksums.") % {"file": file})
