"""Downloads of entries' files from the private storage, for those who may read the entry only."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from ..models import EntryFile
from ..permissions import can_see_entry
from .common import private


def entry_file(request, file_id):
    """The file, to the entry's participant, the organisers and the experts assigned; 404 to anyone else."""
    entry_file = get_object_or_404(EntryFile.objects.select_related("entry__participant"), pk=file_id)
    if not can_see_entry(request.user, entry_file.entry):
        raise Http404
    response = FileResponse(
        entry_file.file.open("rb"), as_attachment=True, filename=entry_file.name, content_type=entry_file.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return private(response)
