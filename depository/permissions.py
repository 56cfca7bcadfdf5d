"""Permission policies shared by the project's admin screens."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Records that can be viewed, by those allowed to; no one adds, edits or deletes them in the admin.

    For what the site wrote itself (registrations, webhook deliveries): editing one would falsify it.
    Register it with ``wagtail.permissions.register_permission_policy`` before anything asks for
    the model's policy.
    """

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])
