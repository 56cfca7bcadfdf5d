"""Admin wiring of the contest: the organisers' and experts' screens under one "Contest" menu, and
the log actions that record every jury decision in Wagtail's history."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

LOG_ACTIONS = {
    "contest.screen": (_("Screen entry"), _("Entry screened")),
    "contest.decide": (_("Decide on entry"), _("Decision on the entry changed")),
    "contest.assign": (_("Assign entry"), _("Entry assigned to an expert")),
    "contest.unassign": (_("Withdraw assignment"), _("Assignment withdrawn")),
    "contest.assign_automatic": (_("Assign automatically"), _("Entries assigned automatically")),
    "contest.conflict": (_("Declare a conflict"), _("Conflict of interest declared")),
    "contest.score": (_("Save scores"), _("Draft scores saved")),
    "contest.submit_scores": (_("Submit scores"), _("Scores submitted")),
    "contest.import_scores": (_("Import scores"), _("Scores imported from a scoresheet")),
}


@hooks.register("register_log_actions")
def register_contest_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)
