"""Recognise YouTube and Vimeo addresses and build privacy-friendly embed addresses for them.

The site embeds clips itself instead of asking the providers' oEmbed services, so a page renders
without a request to a third party. Pages show a local poster and a play button
(``home/templates/home/includes/video_facade.html``); the provider's player, from its
privacy-enhanced address, loads only when the visitor presses it (``site/static/js/video.js``).
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^[0-9]{6,12}$")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


@dataclass(frozen=True)
class VideoSource:
    provider: str
    video_id: str

    @property
    def embed_url(self):
        if self.provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}"
        return f"https://player.vimeo.com/video/{self.video_id}?dnt=1"

    @property
    def play_url(self):
        """The player that starts at once: the page inserts it when the visitor presses play."""
        return self.embed_url + ("&" if "?" in self.embed_url else "?") + "autoplay=1"

    @property
    def provider_name(self):
        return "YouTube" if self.provider == "youtube" else "Vimeo"

    @property
    def watch_url(self):
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"


def parse_video_url(url):
    """Return the VideoSource of a YouTube or Vimeo address, or None for any other address."""
    parts = urlsplit((url or "").strip())
    if parts.scheme not in {"http", "https"}:
        return None
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    candidate, provider = None, None
    if host == "youtu.be" and segments:
        candidate, provider = segments[0], "youtube"
    elif host in YOUTUBE_HOSTS:
        provider = "youtube"
        if segments[:1] == ["watch"]:
            candidate = parse_qs(parts.query).get("v", [None])[0]
        elif len(segments) >= 2 and segments[0] in {"embed", "shorts", "live", "v"}:
            candidate = segments[1]
    elif host in VIMEO_HOSTS and segments:
        candidate, provider = segments[-1], "vimeo"
    pattern = YOUTUBE_ID if provider == "youtube" else VIMEO_ID
    if candidate and pattern.match(candidate):
        return VideoSource(provider, candidate)
    return None
