"""Write a contest's ranking per nomination as CSV to standard output."""

from django.core.management.base import BaseCommand, CommandError

from contest.ranking import METHODS
from contest.scoresheet import ContestNotFound, contest_by_slug, write_results


class Command(BaseCommand):
    help = (
        "Write the ranking of the contest CONTEST_SLUG as CSV: nomination,rank,entry,score,experts, in rank "
        "order per nomination; tied entries share a rank. Only submitted scores with every criterion "
        "scored count."
    )

    def add_arguments(self, parser):
        parser.add_argument("contest_slug")
        parser.add_argument("--method", choices=METHODS, default="mean")

    def handle(self, *args, contest_slug, method, **options):
        try:
            contest = contest_by_slug(contest_slug)
        except ContestNotFound as error:
            raise CommandError(str(error)) from None
        write_results(contest, method, self.stdout)
