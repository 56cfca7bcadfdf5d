from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Case library")

    def ready(self):
        from wagtail.signals import page_published

        from home.tasks import request_posters
        from home.video import parse_video_url

        from .models import CasePage

        def fetch_case_video_poster(sender, instance, **kwargs):
            request_posters([parse_video_url(instance.video_url)])

        page_published.connect(fetch_case_video_poster, sender=CasePage, dispatch_uid="practices-video-poster")
