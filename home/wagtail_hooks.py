"""Admin wiring of the site pages."""

from wagtail import hooks

from .autosave import submit_to_the_autosaved_draft

hooks.register("before_create_page", submit_to_the_autosaved_draft)
