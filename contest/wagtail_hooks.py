"""Admin wiring of the contest."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

# --- Results: release, entry → case, demo content (the results side of the contest) -----------------

from .results import RELEASE_ACTION  # noqa: E402 - the section keeps its imports with it


@hooks.register("register_log_actions")
def register_results_log_actions(actions):
    actions.register_action(RELEASE_ACTION, _("Release the results"), _("Results released"))
