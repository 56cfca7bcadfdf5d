"""Every interface string is in locale/ and translated to Ukrainian and English."""

import shutil
import subprocess
import sys

import polib
import pytest
from django.conf import settings

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def catalogue(root, language_code):
    return polib.pofile(str(root / "locale" / language_code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language_code", LANGUAGES)
def test_catalogue_is_fully_translated(language_code):
    po = catalogue(settings.BASE_DIR, language_code)

    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


def test_catalogue_holds_every_string_of_the_code(tmp_path):
    """Extract the strings again from a copy of the sources and compare with the committed catalogue."""
    ignored = shutil.ignore_patterns(".venv", "var", ".git", "__pycache__", "*.mo", "node_modules")
    shutil.copytree(settings.BASE_DIR, tmp_path / "copy", ignore=ignored)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale=uk", "--ignore=tests", "--no-obsolete", "-v0"],
        cwd=tmp_path / "copy",
        check=True,
        capture_output=True,
    )

    extracted = {entry.msgid for entry in catalogue(tmp_path / "copy", "uk")}
    committed = {entry.msgid for entry in catalogue(settings.BASE_DIR, "uk") if not entry.obsolete}
    assert extracted - committed == set(), "run makemessages and translate the new strings"
