from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and videos")

    def ready(self):
        from wagtail.signals import page_published

        from .videos import fetch_posters

        page_published.connect(fetch_posters, dispatch_uid="news-video-posters")
