"""The coalition: partner and expert snippets (``snippets``), and the page showing them (``pages``).

``snippets`` is imported first: ``partners.blocks`` reads it, and ``pages`` builds on those blocks.
"""

from .snippets import Expert, Partner

# isort: split
from .pages import PartnersBodyBlock, PartnersPage

__all__ = ["Expert", "Partner", "PartnersBodyBlock", "PartnersPage"]
