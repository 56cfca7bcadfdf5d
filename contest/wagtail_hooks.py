"""Admin wiring of the contest."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from depository.hooks import LOAD_DEMO

from . import conversion
from .demo import load_demo_contest
from .results import RELEASE_ACTION

# --- Results: the release, entry → case (the results side of the contest) ---------------------------


@hooks.register("register_log_actions")
def register_results_log_actions(actions):
    actions.register_action(RELEASE_ACTION, _("Release the results"), _("Results released"))


hooks.register("register_admin_urls", conversion.admin_urls)
hooks.register(LOAD_DEMO, load_demo_contest)
