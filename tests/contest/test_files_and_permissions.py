"""Files checked by content and served privately; the permission matrix over every participant URL."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from contest.models import Assignment, EntryFile, EntryQuestion
from tests.contest.conftest import complete_entry, log_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, entry, name, content, kind="document"):
    return client.post(
        f"/en/contest/entries/{entry.key}/files/", {"kind": kind, "file": SimpleUploadedFile(name, content)}
    )


@pytest.fixture
def entry(contest, people):
    return complete_entry(contest, people.participant)


def test_a_real_pdf_and_photo_are_stored_privately(client, entry, people, settings):
    log_in(client, people.participant)

    assert upload(client, entry, "plan.pdf", PDF).status_code == 302
    assert upload(client, entry, "photo.png", png_bytes(), kind="photo").status_code == 302

    document, photo = EntryFile.objects.order_by("pk")
    assert (document.content_type, photo.content_type) == ("application/pdf", "image/png")
    assert str(settings.PRIVATE_MEDIA_ROOT) in document.file.path
    download = client.get(f"/en/contest/files/{document.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]


def test_a_pdf_that_is_really_a_png_is_refused(client, entry, people):
    log_in(client, people.participant)

    response = upload(client, entry, "plan.pdf", png_bytes())

    assert response.status_code == 400
    assert "The file&#x27;s content is not a PDF file" in response.content.decode()
    assert not EntryFile.objects.exists()


def test_a_file_of_a_type_not_accepted_is_refused(client, entry, people):
    log_in(client, people.participant)

    response = upload(client, entry, "run.exe", b"MZ\x90\x00")

    assert "Files of this type are not accepted here" in response.content.decode()
    assert not EntryFile.objects.exists()


def test_a_file_too_large_is_refused(client, entry, people, settings):
    settings.CONTEST_DOCUMENT_MAX_SIZE = 100
    log_in(client, people.participant)

    response = upload(client, entry, "plan.pdf", PDF + b"0" * 200)

    assert "larger than the 100" in response.content.decode()
    assert not EntryFile.objects.exists()


def test_a_broken_image_is_refused(client, entry, people):
    log_in(client, people.participant)

    response = upload(client, entry, "photo.png", png_bytes()[:60], kind="photo")

    assert "The image could not be opened" in response.content.decode()
    assert not EntryFile.objects.exists()


def test_a_docx_is_recognised_by_its_parts(client, entry, people):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    log_in(client, people.participant)

    assert upload(client, entry, "plan.docx", buffer.getvalue()).status_code == 302
    assert upload(client, entry, "sheet.xlsx", buffer.getvalue()).status_code == 400  # a Word file named .xlsx


def test_consultation_question_mails_the_organisers_and_the_answer_the_participant(client, entry, people):
    log_in(client, people.participant)
    client.post(f"/uk/contest/entries/{entry.key}/questions/", {"body": "Чи можна додати відео?"})
    [question] = mail.outbox
    assert question.to == ["organiser@example.org"] and "Чи можна додати відео?" in question.body

    log_in(client, people.organiser)
    client.post(f"/uk/contest/entries/{entry.key}/questions/", {"body": "Так, посиланням."})

    assert list(EntryQuestion.objects.values_list("from_organisers", flat=True)) == [False, True]
    assert mail.outbox[1].to == ["olena@example.org"] and "Так, посиланням." in mail.outbox[1].body
    thread = client.get(f"/uk/contest/entries/{entry.key}/questions/").content.decode()
    assert "Чи можна додати відео?" in thread and "Так, посиланням." in thread


def test_questions_go_to_the_configured_address(client, entry, people, settings):
    settings.CONTEST_ORGANISERS_EMAIL = "contest@example.org"
    log_in(client, people.participant)

    client.post(f"/uk/contest/entries/{entry.key}/questions/", {"body": "Питання"})

    assert mail.outbox[0].to == ["contest@example.org"]


# The answers each kind of visitor gets: 200 (or a redirect) where allowed, 404 (or the login page) elsewhere.
OWNER_ONLY = {"participant": 200, "other": 404, "organiser": 302, "expert": 302, "assigned": 302, "anonymous": 302}
MATRIX = [
    ("step", "get", OWNER_ONLY),
    ("review", "get", OWNER_ONLY),
    ("submit", "post", {**OWNER_ONLY, "participant": 302}),
    ("withdraw", "post", {**OWNER_ONLY, "participant": 302}),
    ("upload", "post", {**OWNER_ONLY, "participant": 400}),
    ("delete", "post", {**OWNER_ONLY, "participant": 302}),
    (
        "questions",
        "get",
        {"participant": 200, "other": 404, "organiser": 200, "expert": 404, "assigned": 404, "anonymous": 404},
    ),
    (
        "file",
        "get",
        {"participant": 200, "other": 404, "organiser": 200, "expert": 404, "assigned": 200, "anonymous": 404},
    ),
    ("start", "get", {**OWNER_ONLY, "other": 200}),
    ("entries", "get", {**OWNER_ONLY, "other": 200}),
    ("profile", "get", {**dict.fromkeys(OWNER_ONLY, 200), "anonymous": 302}),
]


@pytest.mark.parametrize(("name", "method", "expected"), MATRIX, ids=[row[0] for row in MATRIX])
def test_permission_matrix(client, contest, people, name, method, expected):
    for who, status in expected.items():
        entry = complete_entry(contest, people.participant)
        stored = EntryFile.objects.create(
            entry=entry,
            kind="document",
            file=SimpleUploadedFile("plan.pdf", PDF),
            name="plan.pdf",
            content_type="application/pdf",
            size=len(PDF),
        )
        Assignment.objects.create(entry=entry, expert=people.expert)
        urls = {
            "step": f"/uk/contest/entries/{entry.key}/step/2/",
            "review": f"/uk/contest/entries/{entry.key}/step/9/",
            "submit": f"/uk/contest/entries/{entry.key}/submit/",
            "withdraw": f"/uk/contest/entries/{entry.key}/withdraw/",
            "upload": f"/uk/contest/entries/{entry.key}/files/",
            "delete": f"/uk/contest/entries/{entry.key}/files/{stored.pk}/delete/",
            "questions": f"/uk/contest/entries/{entry.key}/questions/",
            "file": f"/uk/contest/files/{stored.pk}/",
            "start": f"/uk/contest/{contest.pk}/start/",
            "entries": "/uk/contest/entries/",
            "profile": "/uk/contest/profile/",
        }
        users = {
            "participant": people.participant,
            "other": people.other,
            "organiser": people.organiser,
            "expert": people.other_expert,
            "assigned": people.expert,
        }
        client.logout()
        if who in users:
            log_in(client, users[who])
        response = getattr(client, method)(urls[name])
        assert response.status_code == status, (name, who)
        if status == 302 and who != "participant":
            assert "/accounts/login/" in response["Location"] or "/contest/profile/" in response["Location"]


def test_superuser_is_an_organiser_for_files(client, entry, people):
    stored = EntryFile.objects.create(
        entry=entry, kind="document", file=SimpleUploadedFile("a.pdf", PDF), name="a.pdf", content_type="x", size=1
    )
    log_in(client, people.superuser)

    assert client.get(f"/uk/contest/files/{stored.pk}/").status_code == 200


def test_the_upload_address_takes_files_larger_than_other_public_forms(client, entry, people, settings):
    log_in(client, people.participant)
    large = PDF + b"0" * (settings.PUBLIC_REQUEST_MAX_SIZE + 1024)

    assert upload(client, entry, "plan.pdf", large).status_code == 302
    assert EntryFile.objects.get().size == len(large)
