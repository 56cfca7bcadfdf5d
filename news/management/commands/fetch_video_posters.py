from django.core.management.base import BaseCommand

from home.tasks import request_posters
from news.models import VideoClip


class Command(BaseCommand):
    help = "Queue the fetching of a local poster for every YouTube clip on the live pages that has none yet."

    def handle(self, *args, **options):
        sources = {clip.source for clip in VideoClip.objects.filter(page__live=True).exclude(video_id="")}
        request_posters(sources)
        self.stdout.write(f"{len(sources)} YouTube clips: posters requested for those without one.")
