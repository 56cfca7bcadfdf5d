"""Every page type passes axe-core (nothing moderate or worse) at both widths and the Nu HTML Checker."""

import pytest

from tests.browser.checks import PAGE_TYPES, axe_violations, vnu_errors

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_page_type_has_no_accessibility_violation(page, width, path):
    response = page.goto(path)

    assert response.status == 200
    assert axe_violations(page) == []


def test_page_types_are_valid_html(page, tmp_path):
    files = []
    for name, path in PAGE_TYPES.items():
        response = page.request.get(path)
        assert response.status == 200, path
        file = tmp_path / (name.replace(" ", "-").replace("(", "").replace(")", "") + ".html")
        file.write_bytes(response.body())
        files.append(file)

    assert vnu_errors(files) == {}
