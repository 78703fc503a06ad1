"""One reading of `published` dates: the loader (so validate) and ingest refuse the same
dates with `path:line` (SPEC "Dates, proxies and shares, said once")."""

from __future__ import annotations

import datetime as dt

import pytest

from bkind.errors import Invalid
from bkind.io.dates import published, stored, typed_published

GOOD = [("2024-03", "2024-03"), ("2024-02-29", "2024-02-29"), ("2025-12-31", "2025-12-31"),
        (dt.date(2024, 3, 5), "2024-03-05"), (None, None)]
BAD = ["2024-13", "2024-00", "2023-02-29", "2024-04-31", "2024-1", "2024", 2024,
       "2023-01-15T10:00:00", dt.datetime(2023, 1, 15, 10, 0), dt.datetime(2023, 1, 15),
       "15/01/2023", " 2024-03", "March 2024", 2024.5, True]


@pytest.mark.parametrize(("raw", "text"), GOOD)
def test_a_data_file_date(raw, text):
    assert published(raw) == text


@pytest.mark.parametrize("raw", BAD)
def test_a_data_file_refuses(raw):
    with pytest.raises(Invalid) as exc:
        published(raw)
    assert str(exc.value.msg).startswith("published: expected a date YYYY-MM-DD (or YYYY-MM)")


@pytest.mark.parametrize(("raw", "text"), [
    ("2024-03", "2024-03"), (" 2024-03-05 ", "2024-03-05"), ("15/06/2025", "2025-06-15"),
    ("5/6/2025", "2025-06-05"), ("01/2025", "2025-01"), ("1/2025", "2025-01"),
    (dt.date(2025, 6, 15), "2025-06-15"),
    (dt.datetime(2025, 6, 15), "2025-06-15"),  # an Excel date cell
])
def test_a_typed_date(raw, text):
    assert typed_published(raw) == text


@pytest.mark.parametrize("raw", [
    "2024-13", "31/02/2024", "13/2025", "2024", 2024, 45000, "2023-01-15T10:00:00",
    dt.datetime(2023, 1, 15, 10, 0), "15.06.2025", ""])
def test_a_typed_date_refuses(raw):
    with pytest.raises(Invalid) as exc:
        typed_published(raw)
    assert str(exc.value.msg).startswith("published: expected a date dd/mm/yyyy (or mm/yyyy, "
                                         "YYYY-MM-DD), got")


def test_what_ingest_writes_the_loader_reads():
    for raw in ("15/06/2025", "01/2025", dt.datetime(2025, 6, 15), "2024-02-29"):
        assert published(typed_published(raw)) == typed_published(raw)


def test_a_stored_date_compares_with_a_typed_one():
    assert stored(dt.date(2025, 1, 5)) == typed_published("05/01/2025")
    assert stored("2025-01") == typed_published("1/2025")


# ------------------------------------------------------------------ the loader / validate

YEAR = """\
year: 2024
values:
  va:
    value: 642
    published: {date}
"""


@pytest.mark.parametrize(("date", "shown"), [
    ("2024-13", "'2024-13'"), ("2023-02-29", "'2023-02-29'"),
    ("2023-01-15T10:00:00", "'2023-01-15T10:00:00'"),
    ("2023-01-15 10:00:00", "'2023-01-15T10:00:00'"), ("2024", "2024"),
    ('"2024-04-31"', "'2024-04-31'")])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_validate_refuses_a_date_at_its_line(workspace, cli, monkeypatch, date, shown, lang):
    root = workspace(actuals={2024: YEAR.format(date=date)})
    monkeypatch.chdir(root)
    result = cli("validate", "--lang", lang)
    assert result.exit_code == 2
    expected = {
        "en": f"actuals/2024.yaml:5: published: expected a date YYYY-MM-DD (or YYYY-MM), "
              f"got {shown}",
        "vi": f"actuals/2024.yaml:5: published: phải là ngày dạng YYYY-MM-DD (hoặc YYYY-MM), "
              f"giá trị đã nhập: {shown}"}[lang]
    # the value as typed, then why it is no date where that can be said
    assert any(line.startswith(expected) for line in result.stderr.splitlines())


def test_validate_reads_good_dates(workspace, cli, monkeypatch):
    root = workspace(actuals={2024: YEAR.format(date="2024-02-29")})
    monkeypatch.chdir(root)
    assert cli("validate").exit_code == 0


def test_a_year_to_date_figure_and_a_list_item_are_read_the_same(workspace, cli,
                                                                 monkeypatch):
    root = workspace(actuals={2025: """\
year: 2025
ytd:
  3:
    va: {value: 602, published: 2025-04-31}
"""})
    monkeypatch.chdir(root)
    result = cli("validate")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "actuals/2025.yaml:4: published: expected a date YYYY-MM-DD (or YYYY-MM), "
        "got '2025-04-31' (month 4 has no day 31)")


# ----------------------------------------------------------------------------- ingest

@pytest.mark.parametrize(("date", "shown"), [
    ("2024-13", "'2024-13'"), ("31/02/2024", "'31/02/2024'"),
    ("2023-01-15T10:00:00", "'2023-01-15T10:00:00'"), ("2024", "'2024'")])
def test_ingest_refuses_the_same_dates(workspace, cli, monkeypatch, date, shown):
    root = workspace()
    monkeypatch.chdir(root)
    (root / "in.csv").write_text("year,month,metric,value,published\n"
                                 f"2024,,va,642,{date}\n", encoding="utf-8")
    result = cli("ingest", "in.csv")
    assert result.exit_code == 2
    assert f"in.csv:2: published (column E): expected a date dd/mm/yyyy (or mm/yyyy, " \
           f"YYYY-MM-DD), got {shown}" in result.stderr
    assert not (root / "actuals" / "2024.yaml").exists()


def test_ingest_writes_a_date_the_loader_reads(workspace, cli, monkeypatch):
    root = workspace()
    monkeypatch.chdir(root)
    (root / "in.csv").write_text("year,month,metric,value,published\n"
                                 "2024,,va,642,29/02/2024\n", encoding="utf-8")
    assert cli("ingest", "in.csv").exit_code == 0
    assert "published: 2024-02-29" in (root / "actuals" / "2024.yaml").read_text()
    assert cli("validate").exit_code == 0
