from django.urls import path

from .views import consultations, entries, files, participants

app_name = "contest"

urlpatterns = [
    path("profile/", participants.profile, name="profile"),
    path("entries/", participants.my_entries, name="my_entries"),
    path("<int:page_id>/start/", entries.start_entry, name="start_entry"),
    path("entries/<str:key>/step/<int:number>/", entries.entry_step, name="entry_step"),
    path("entries/<str:key>/submit/", entries.submit_entry, name="entry_submit"),
    path("entries/<str:key>/withdraw/", entries.withdraw_entry, name="entry_withdraw"),
    path("entries/<str:key>/files/", entries.upload_file, name="entry_file_upload"),
    path("entries/<str:key>/files/<int:file_id>/delete/", entries.delete_file, name="entry_file_delete"),
    path("entries/<str:key>/questions/", consultations.entry_questions, name="entry_questions"),
    path("files/<int:file_id>/", files.entry_file, name="entry_file"),
]
