"""Checks of a participant's file: its extension, what its content really is, its size; photos open.

The extension alone says nothing (a script renamed to .pdf is still a script), so the content's
signature (``filetype``) must agree with the extension. Office formats are ZIP archives, which a
signature cannot tell apart, so those are recognised by the part every such file holds. A photo is
also opened and decoded with Pillow: a truncated or broken image is refused before anyone meets it.
"""

import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

# Extension → MIME type of the documents a participant may attach.
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
# The part of the ZIP archive that makes it this kind of office file.
OFFICE_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
OPEN_DOCUMENT_EXTENSIONS = ("odt", "ods", "odp")
PHOTO_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
PILLOW_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}


def extension(name):
    return name.rpartition(".")[2].lower() if "." in name else ""


def is_office_file(upload, ext):
    """A ZIP archive holding the part of an OOXML file, or the ``mimetype`` an OpenDocument file starts with."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            if ext in OFFICE_PARTS:
                return OFFICE_PARTS[ext] in archive.namelist()
            return archive.read("mimetype").decode("ascii", "replace").strip() == DOCUMENT_TYPES[ext]
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    finally:
        upload.seek(0)


def content_type(upload, ext, allowed):
    """The MIME type the content shows, when it agrees with extension ``ext``; None otherwise."""
    expected = allowed[ext]
    if ext in OFFICE_PARTS or ext in OPEN_DOCUMENT_EXTENSIONS:
        return expected if is_office_file(upload, ext) else None
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    return expected if kind is not None and kind.mime == expected else None


def check_photo_opens(upload, mime):
    try:
        for check in ("verify", "load"):
            upload.seek(0)
            # verify() checks the file's structure (a PNG's chunks and checksums); load() decodes every
            # pixel, which a truncated JPEG fails. Each needs the file opened afresh.
            with Image.open(upload, formats=[PILLOW_FORMATS[mime]]) as image:
                getattr(image, check)()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(_("The image could not be opened: it is damaged or not a real image.")) from error
    finally:
        upload.seek(0)


def check_upload(upload, kind):
    """Validate ``upload`` as a file of ``kind`` ("document" or "photo"); return its MIME type.

    Raises ``ValidationError`` saying why the file is refused.
    """
    photo = kind == "photo"
    allowed = PHOTO_TYPES if photo else DOCUMENT_TYPES
    limit = settings.CONTEST_PHOTO_MAX_SIZE if photo else settings.CONTEST_DOCUMENT_MAX_SIZE
    ext = extension(upload.name)
    if ext not in allowed:
        message = _("Files of this type are not accepted here. Accepted: %(types)s.")
        raise ValidationError(message % {"types": ", ".join(sorted({name.upper() for name in allowed}))})
    if upload.size > limit:
        message = _("The file is %(size)s, larger than the %(limit)s allowed.")
        raise ValidationError(message % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)})
    mime = content_type(upload, ext, allowed)
    if mime is None:
        message = _("The file's content is not a %(type)s file, whatever its name says.")
        raise ValidationError(message % {"type": ext.upper()})
    if photo:
        check_photo_opens(upload, mime)
    return mime
