from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and videos")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .videos import on_published, on_unpublished

        page_published.connect(on_published, dispatch_uid="news-video-clips")
        page_unpublished.connect(on_unpublished, dispatch_uid="news-video-clips")
