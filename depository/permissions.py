"""Permission policies shared by the project's admin screens."""

from django.contrib.auth import get_permission_codename, get_user_model
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Records that can be viewed, by those allowed to; no one adds, edits or deletes them in the admin.

    For what the site wrote itself (registrations, webhook deliveries): editing one would falsify it.
    ``ViewOnlyModelViewSet`` registers it for the model it lists.
    """

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


class ViewOnlyModelViewSet(ModelViewSet):
    """An admin listing and inspect view of records the site wrote itself, under ``ViewOnlyPermissionPolicy``.

    Defining a subclass registers the policy for its model, before anything asks for it. Only "view"
    is offered in the group editor.
    """

    copy_view_enabled = False
    inspect_view_enabled = True
    exclude_form_fields = []  # the viewset needs a form class; the permission policy keeps the form out of reach

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        register_permission_policy(cls.model, ViewOnlyPermissionPolicy(cls.model))

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename=get_permission_codename("view", self.model._meta))
