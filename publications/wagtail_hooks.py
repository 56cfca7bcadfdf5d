"""Project hooks of the publications: their demo content."""

from wagtail import hooks

from depository.hooks import LOAD_DEMO

from .demo import load_demo_publications

hooks.register(LOAD_DEMO, load_demo_publications)
