"""Rebuild the search indexes with no downtime, keeping the changes editors make meanwhile.

``update_index`` builds each engine index anew beside the live one and then switches an alias to it,
so visitors search the old index until the new one is complete. Pages published, unpublished, moved
or deleted during the build were written by the worker to the old index; the page history (Wagtail's
audit log) names them, and this command applies them to the new index once it is live.
"""

from django.core.management import BaseCommand, call_command
from django.utils import timezone
from django.utils.translation import gettext as _
from modelsearch import index
from wagtail.models import Page, PageLogEntry

from search.tasks import remove_from_search_engines


def catch_up(since, stdout=None):
    """Index again the pages whose history changed since ``since``; remove the deleted ones."""
    changed_ids = set(PageLogEntry.objects.filter(timestamp__gte=since).values_list("page_id", flat=True))
    existing = Page.objects.filter(pk__in=changed_ids).specific()
    for page in existing:
        index.insert_or_update_object(page)
    deleted = changed_ids - {page.pk for page in existing}
    for page_id in deleted:
        remove_from_search_engines.call("wagtailcore", "page", str(page_id))
    if stdout:
        stdout.write(
            _("Changed during the rebuild: %(indexed)d pages indexed again, %(removed)d removed.")
            % {"indexed": len(existing), "removed": len(deleted)}
        )
    return len(existing), len(deleted)


class Command(BaseCommand):
    help = "Rebuild the search indexes with no downtime, then apply the page changes made meanwhile."

    def add_arguments(self, parser):
        parser.add_argument("--chunk_size", type=int, default=1000, help="Objects indexed per request.")

    def handle(self, chunk_size, verbosity, **options):
        started = timezone.now()
        call_command("update_index", chunk_size=chunk_size, verbosity=verbosity, stdout=self.stdout)
        catch_up(started, stdout=self.stdout if verbosity else None)
