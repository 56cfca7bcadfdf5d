from django.core.management.base import BaseCommand
from wagtail.models import Locale

from home.tasks import request_posters
from news.videos import locale_clips


class Command(BaseCommand):
    help = "Queue the fetching of a local poster for every YouTube clip on the live pages that has none yet."

    def handle(self, *args, **options):
        sources = {clip.source for locale in Locale.objects.all() for clip in locale_clips(locale) if clip.source}
        request_posters(sources)
        youtube = sorted(source.video_id for source in sources if source.provider == "youtube")
        self.stdout.write(f"{len(youtube)} YouTube clips: posters requested for those without one.")
