"""Typo tolerance for the database backends, which have no fuzzy matching of their own.

A word of five letters or more that the site's texts do not contain is replaced by the words they do
contain one edit away (a letter missing, added, changed or two swapped), found by the "symmetric
delete" method: a word and its one-letter deletions are looked up among the deletions of every known
word. The vocabulary is the titles and leads of the live pages of a language, built once per
process and built again after pages are published, unpublished or deleted.
"""

from collections import Counter, defaultdict

from django.core.cache import cache
from wagtail.models import Page, get_page_models

from .text import words

MIN_WORD_LENGTH = 5
MAX_CORRECTIONS = 3
VERSION_KEY = "search:vocabulary-version"

_vocabularies = {}


def deletions(word):
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


class Vocabulary:
    def __init__(self, texts):
        self.frequency = Counter(word for text in texts for word in words(text) if len(word) >= MIN_WORD_LENGTH - 1)
        self.by_deletion = defaultdict(set)
        for word in self.frequency:
            for key in deletions(word):
                self.by_deletion[key].add(word)

    def corrections(self, word):
        """Known words one edit away from an unknown ``word``, most frequent first; none for known words."""
        if len(word) < MIN_WORD_LENGTH or word in self.frequency:
            return []
        candidates = set().union(*(self.by_deletion.get(key, ()) for key in deletions(word)))
        return sorted(candidates, key=lambda known: (-self.frequency[known], known))[:MAX_CORRECTIONS]


def page_texts(language_code):
    pages = Page.objects.live().public().filter(locale__language_code=language_code)
    yield from pages.values_list("title", flat=True)
    for model in get_page_models():
        if "intro" in {field.name for field in model._meta.concrete_fields} and not model._meta.abstract:
            yield from model.objects.live().filter(locale__language_code=language_code).values_list("intro", flat=True)


def vocabulary(language_code):
    version = cache.get_or_set(VERSION_KEY, 1, timeout=None)
    key = (language_code, version)
    if key not in _vocabularies:
        for stale in [known for known in _vocabularies if known[1] != version]:
            del _vocabularies[stale]
        _vocabularies[key] = Vocabulary(page_texts(language_code))
    return _vocabularies[key]


def forget_vocabulary(instance=None, **kwargs):
    """Signal receiver: the site's words changed, so every process builds its vocabulary again."""
    if not isinstance(instance, Page):
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)
