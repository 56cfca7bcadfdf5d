"""The organisers' leaderboard: method switch, ties, experts and spread; the CSV and XLSX exports."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook


@pytest.fixture
def board(jury, client):
    a = jury.expert("a", organisation="A")
    b = jury.expert("b", organisation="B")
    one = jury.entry(key="e-1", title="=HYPERLINK(1)")
    two = jury.entry(key="e-2", title="Друга")
    three = jury.entry(key="e-3", title="Третя")
    jury.score(jury.assign(one, a), 5, 10)  # 100
    jury.score(jury.assign(one, b), 3, 5)  # 50
    jury.score(jury.assign(two, a), 3, 10)  # 70
    jury.score(jury.assign(two, b), 5, 0)  # 60
    jury.score(jury.assign(three, a), 4, 5)  # 65
    client.force_login(jury.organiser())
    return client


def test_leaderboard_by_method_with_ties_experts_and_spread(board, jury):
    url = reverse("contest_leaderboard")
    rows = board.get(url, {"contest": jury.contest.pk, "method": "mean"}).context["rows"]
    assert [(row.rank, row.entry.key, row.score, row.experts) for row in rows] == [
        (1, "e-1", 75, 2),
        (2, "e-2", 65, 2),
        (2, "e-3", 65, 1),
    ]
    page = board.get(url, {"contest": jury.contest.pk, "method": "median"}).content.decode()
    assert "50.0–100.0" in page
    zscore = board.get(url, {"contest": jury.contest.pk, "method": "zscore"}).context["rows"]
    # a: 100, 70, 65 (z ≈ 1.40, −0.54, −0.86); b: 50, 60 (z −1, +1) → e-2 0.23, e-1 0.20, e-3 −0.86.
    assert [row.entry.key for row in zscore] == ["e-2", "e-1", "e-3"]
    assert board.get(url, {"method": "best"}).context["method"] == "mean"


def test_csv_export_guards_formulas(board, jury):
    response = board.get(reverse("contest_leaderboard"), {"contest": jury.contest.pk, "export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Nomination,Rank,Entry,Title")
    assert lines[1].startswith("Електронні послуги,1,e-1,'=HYPERLINK(1)")
    assert response["Content-Disposition"] == 'attachment; filename="leaderboard-jury-contest-mean.csv"'


def test_xlsx_export(board, jury):
    response = board.get(
        reverse("contest_leaderboard"), {"contest": jury.contest.pk, "export": "xlsx", "method": "median"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Nomination", "Rank", "Entry")
    assert [row[1:3] + row[5:7] for row in rows[1:]] == [(1, "e-1", 75, 2), (2, "e-2", 65, 2), (2, "e-3", 65, 1)]
    assert rows[1][3] == "'=HYPERLINK(1)"


def test_statistics_page(board, jury):
    jury.entry(status="draft", submitted_at=None, screening="pending")
    jury.entry(screening="pending", participant=jury.participant("lviv", region="UA-46"))
    statistics = board.get(reverse("contest_statistics"), {"contest": jury.contest.pk}).context["statistics"]
    assert (statistics["drafts"], statistics["complete"], statistics["screened"]) == (1, 4, 3)
    assert (statistics["assigned"], statistics["scored"]) == (3, 2)  # two experts per entry: e-3 has one
    assert statistics["by_nomination"] == [("Електронні послуги", 4)]
    assert statistics["by_level"] == [("city", 4)]
    assert sorted(statistics["by_region"]) == [("Lviv Oblast", 1), ("Vinnytsia Oblast", 3)]
