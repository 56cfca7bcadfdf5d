from django.core.management import BaseCommand
from django.utils.translation import gettext as _

from search.reconcile import engine_backends, reconcile


class Command(BaseCommand):
    help = _("Compare the search engines' indexes with the live content and repair the difference.")

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help=_("Report only; change nothing."))

    def handle(self, check, **options):
        if not engine_backends():
            self.stdout.write(_("No search engine is configured: the database backend needs no reconciliation."))
            return
        for report in reconcile(repair=not check):
            self.stdout.write(
                _(
                    "%(backend)s %(index)s: %(expected)d to index, %(held)d held; "
                    "%(missing)d missing, %(stale)d stale, %(extra)d extra; %(repaired)d repaired."
                )
                % {
                    "backend": report.backend,
                    "index": report.index,
                    "expected": report.expected,
                    "held": report.held,
                    "missing": len(report.missing),
                    "stale": len(report.stale),
                    "extra": len(report.extra),
                    "repaired": report.repaired,
                }
            )
