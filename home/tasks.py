"""Background work of the site's pages: local posters of YouTube clips.

A page that embedded YouTube's own thumbnail would make every visitor's browser ask YouTube for it.
Instead the server fetches the picture once, when a page with the clip is published, and keeps it as
a Wagtail image (``home.models.VideoPoster``). Until it is there, or when YouTube cannot be reached,
pages show the site's neutral poster. ``FETCH_VIDEO_POSTERS`` turns the fetching off.
"""

import logging
import urllib.request

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model

from .models import VideoPoster

logger = logging.getLogger(__name__)

YOUTUBE_POSTER = "https://i.ytimg.com/vi/{}/hqdefault.jpg"
MAX_POSTER_BYTES = 2 * 1024 * 1024
TIMEOUT_SECONDS = 10


def download(url):
    """The bytes at ``url``, at most MAX_POSTER_BYTES of them."""
    with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - a fixed https address
        data = response.read(MAX_POSTER_BYTES + 1)
    if len(data) > MAX_POSTER_BYTES:
        raise ValueError(f"{url} is larger than {MAX_POSTER_BYTES} bytes")
    return data


@task
def fetch_video_poster(video_id):
    """Keep YouTube's picture of the clip ``video_id`` as the clip's local poster, once."""
    if VideoPoster.objects.filter(video_id=video_id).exists():
        return "already fetched"
    try:
        data = download(YOUTUBE_POSTER.format(video_id))
    except (OSError, ValueError):
        logger.warning("video poster: could not fetch the picture of YouTube clip %s", video_id, exc_info=True)
        return "unavailable"
    with transaction.atomic():
        image = get_image_model().objects.create(
            title=f"YouTube {video_id}", file=ContentFile(data, name=f"video-poster-{video_id}.jpg")
        )
        _poster, created = VideoPoster.objects.get_or_create(video_id=video_id, defaults={"image": image})
        if not created:
            image.delete()
    return "fetched"


def request_posters(sources):
    """Queue the fetching of a local poster for each YouTube clip among ``sources`` that has none."""
    if not settings.FETCH_VIDEO_POSTERS:
        return
    wanted = {source.video_id for source in sources if source and source.provider == "youtube"}
    wanted -= set(VideoPoster.objects.filter(video_id__in=wanted).values_list("video_id", flat=True))
    for video_id in sorted(wanted):
        transaction.on_commit(lambda video_id=video_id: fetch_video_poster.enqueue(video_id))
