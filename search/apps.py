from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished

        from .indexing import index_through_the_worker
        from .spelling import forget_vocabulary

        index_through_the_worker()
        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(forget_vocabulary, dispatch_uid=f"search-vocabulary-{id(signal)}")
