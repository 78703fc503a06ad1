"""Years in notes and sentences as a provincial report writes them (GLOSSARY: "các năm
2021-2025", not "2021, 2022, 2023, 2024, 2025")."""

from __future__ import annotations

import fixtures as F
import pytest

from bkind.core.formulas import years_text


@pytest.mark.parametrize(("years", "shown"), [
    ([2025], "2025"),
    ([2021, 2022], "2021, 2022"),
    ([2021, 2022, 2023, 2024, 2025], "2021-2025"),
    ([2025, 2021, 2023, 2022], "2021-2023, 2025"),
    ([2020, 2022, 2023, 2024, 2026, 2027], "2020, 2022-2024, 2026, 2027"),
    ([], ""),
])
def test_years_are_written_as_runs(years, shown):
    assert years_text(years) == shown


def test_a_target_without_figures_names_the_years_as_a_run(cli, tmp_path):
    root = str(F.backan_like(tmp_path / "like"))  # budget revenue: no figures at all
    out = cli("status", "-w", root, "--lang", "vi", "--as-of", "2025")
    assert out.exit_code == 0, out.stderr
    assert "chưa có số liệu công bố các năm 2021-2025" in " ".join(out.stdout.split())


def test_a_context_series_of_one_year_is_not_called_an_average(cli, tmp_path):
    root = str(F.backan_like(tmp_path / "like"))  # gross output growth: 2024 only
    out = " ".join(cli("status", "-w", root, "--lang", "vi", "--as-of", "2025").stdout.split())
    assert "Tăng trưởng giá trị sản xuất công nghiệp: năm 2024: 15%" in out
    assert "bình quân 2024 " not in out
