"""Publishing from the "add page" form after Wagtail's autosave has already created the page.

Wagtail 8 autosaves the add form: its first autosave creates the page as a draft, and the form's
script then points the form at the new page's edit view. A Publish (or Save) sent before that
switch still goes to the add view, which would create the page a second time: the editor gets
"slug already in use" for their own draft, which nobody sees in the form, and every retry fails the
same way. Here, a submission of the add form for which the same editor's autosaved draft already
exists (same page type, parent and slug, never published) is handed to that draft's edit view, as if
the form had been switched in time.
"""

from wagtail.admin.views.pages.edit import EditView


def autosaved_draft(request, parent_page, page_class):
    """The draft the autosave of this add form created, or None."""
    slug = request.POST.get("slug", "").strip()
    if not slug:
        return None
    return (
        page_class.objects.child_of(parent_page)
        .filter(slug=slug, live=False, first_published_at__isnull=True, owner=request.user, alias_of__isnull=True)
        .order_by("-pk")
        .first()
    )


def submit_to_the_autosaved_draft(request, parent_page, page_class):
    """A ``before_create_page`` hook: a submission for an autosaved draft goes to the draft's edit view."""
    if request.method != "POST":
        return None
    draft = autosaved_draft(request, parent_page, page_class)
    if draft is None:
        return None
    return EditView.as_view()(request, page_id=draft.pk)
