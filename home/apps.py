from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site pages")

    def ready(self):
        from .admin_counts import count_items_in_words
        from .footer import connect_signals
        from .site_url import sync_default_site

        post_migrate.connect(sync_default_site, sender=self)
        connect_signals()
        count_items_in_words()
