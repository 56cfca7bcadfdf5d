"""Turn what a visitor typed into words a search backend accepts.

Query syntax (quotes, parentheses, operators, wildcards) and control characters make database
search backends fail; visitors search for words, so only words are kept.
"""

import re

MAX_QUERY_LENGTH = 200
NOT_A_WORD_CHARACTER = re.compile(r"[^\w\s'’-]+")
OPERATORS = {"and", "or", "not", "near"}


def clean_query(raw):
    text = NOT_A_WORD_CHARACTER.sub(" ", (raw or "")[: MAX_QUERY_LENGTH * 2]).replace("_", " ")
    words = [word.strip("'’-") for word in text.split()]
    return " ".join(word for word in words if word and word.lower() not in OPERATORS)[:MAX_QUERY_LENGTH]
