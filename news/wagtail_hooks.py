"""The news app's part in the project hooks: the home page's latest news and the demo news."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from depository.hooks import FOOTER_LINKS, HOME_SECTIONS, LOAD_DEMO

from .demo import load_demo_news
from .models import NewsIndexPage, NewsPage

HOME_NEWS_COUNT = 3


@hooks.register(HOME_SECTIONS)
def latest_news(request, home_page):
    news = (
        NewsPage.objects.live()
        .public()
        .filter(locale_id=home_page.locale_id)
        .select_related("hero_image")
        .order_by("-date", "-first_published_at")[:HOME_NEWS_COUNT]
    )
    if not news:
        return None
    index = NewsIndexPage.objects.live().public().filter(locale_id=home_page.locale_id).first()
    return "news/includes/home_news.html", {"news": news, "index": index}


@hooks.register(FOOTER_LINKS)
def news_feed_link(request, home_page):
    index = NewsIndexPage.objects.live().public().filter(locale_id=home_page.locale_id).first()
    return [(_("News feed (RSS)"), index.feed_urls(request)["rss"])] if index else []


hooks.register(LOAD_DEMO, load_demo_news)
