"""Ukrainian and English text for search: lemmas, national transliteration, highlights.

The search engine analyses Ukrainian itself; the database backends cannot. So every page also
indexes ``index_terms``: the dictionary forms (lemmas) of its Ukrainian words with their national
2010 transliteration, and the Snowball stems of its English words; queries are turned into the same
forms. That one mechanism gives the database backends inflected-form matching in both languages and
gives every backend Latin ⇄ Cyrillic place names.
"""

import re
from functools import lru_cache

import pymorphy3
import snowballstemmer
from django.utils.html import escape
from translitua import translit

WORD = re.compile(r"[^\W_]+(?:['’ʼ-][^\W_]+)*")
CYRILLIC = re.compile(r"[а-яіїєґё]", re.IGNORECASE)
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})
SNIPPET_LENGTH = 240


@lru_cache(maxsize=1)
def morphology():
    return pymorphy3.MorphAnalyzer(lang="uk")


def words(text):
    return WORD.findall((text or "").translate(APOSTROPHES).lower())


@lru_cache(maxsize=1)
def english_stemmer():
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def word_forms(word):
    """The lemmas of a lower-case word (all of them when it is ambiguous), or the word and its stem."""
    if not CYRILLIC.search(word):
        return tuple(dict.fromkeys([word, english_stemmer().stemWord(word)]))
    lemmas = dict.fromkeys(parse.normal_form for parse in morphology().parse(word) if parse.is_known)
    return tuple(lemmas) or (word,)


@lru_cache(maxsize=200_000)
def transliterated(word):
    """The national 2010 transliteration of a Cyrillic word, or None for other words."""
    return translit(word).lower() if CYRILLIC.search(word) else None


def word_variants(word):
    """What one query or document word may be indexed as: its lemmas and their transliterations."""
    variants = dict.fromkeys(word_forms(word))
    for lemma in list(variants):
        if latin := transliterated(lemma):
            variants[latin] = None
    return list(variants)


def query_variants(word):
    """What a database query looks for: the word, its likeliest lemma (or stem) and its transliteration."""
    forms = word_forms(word)
    if not CYRILLIC.search(word):
        return list(dict.fromkeys([word, *forms]))
    return list(dict.fromkeys([word, forms[0], transliterated(forms[0])]))


def index_terms(texts):
    """The lemma and transliteration forms of the words of ``texts``, each once, for the index."""
    terms = {}
    for text in texts:
        for word in words(text):
            terms.update(dict.fromkeys(word_variants(word)))
    return " ".join(terms)


def highlight(text, query_words, length=SNIPPET_LENGTH):
    """An escaped excerpt of ``text`` around the first query word, with matches in ``<mark>``.

    Words match by any shared lemma or transliteration, so "містах" marks "міста".
    """
    text = " ".join((text or "").split())
    wanted = {variant for word in query_words for variant in word_variants(word)}
    matches = [m for m in WORD.finditer(text) if wanted.intersection(word_variants(m.group().lower()))]
    start = 0
    if matches and matches[0].start() > length // 3:
        start = text.rfind(" ", 0, matches[0].start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    parts, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        parts += [escape(text[position : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        position = match.end()
    parts.append(escape(text[position:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(parts) + suffix
