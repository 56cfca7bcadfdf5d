"""Write a contest's scoresheet as CSV to standard output, for organisers who score offline."""

from django.core.management.base import BaseCommand, CommandError

from contest.scoresheet import ContestNotFound, contest_by_slug, write_scoresheet


class Command(BaseCommand):
    help = (
        "Write the scoresheet of the contest CONTEST_SLUG (the slug of its page in the default language) "
        "as CSV: expert,entry,nomination,criterion,weight,min,max,score, one row per assigned expert, "
        "entry and criterion; score is empty where not yet scored."
    )

    def add_arguments(self, parser):
        parser.add_argument("contest_slug")

    def handle(self, *args, contest_slug, **options):
        try:
            contest = contest_by_slug(contest_slug)
        except ContestNotFound as error:
            raise CommandError(str(error)) from None
        write_scoresheet(contest, self.stdout)
