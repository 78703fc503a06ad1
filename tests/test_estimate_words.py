"""Two kinds of estimate, two words (GLOSSARY "Two kinds of estimate"), and an `every`
target resting on fewer than half its items says so (issue 18, items 5 and 6)."""

from __future__ import annotations

import json

import fixtures as F


def vi_percent(x: float, places: int) -> str:
    return f"{x:.{places}%}".replace(".", ",")


def test_bkinds_estimate_is_never_worded_as_the_provinces(cli, tmp_path):
    root = str(F.backan_like(tmp_path / "like"))
    vi = cli("review", "-w", root, "--lang", "vi", "--format", "md").stdout
    growth = next(line for line in vi.splitlines() if line.startswith("Tăng trưởng"))
    # the 2021-2025 average with 2025 from each proxy, calibrated: the gross output central
    estimates = [F.average(F.calibrated(g, g24)) for g, g24 in (
        (F.OUTPUT_H1, F.OUTPUT_GROWTH_2024), (F.IIP_Q1, F.IIP_2024), (F.CNXD_H1, F.CNXD_2024))]
    assert f"ước tính theo chỉ tiêu gián tiếp khoảng {vi_percent(estimates[0], 2)}/năm" \
        in growth
    assert "ước đạt" not in growth  # the province never published this figure
    assert f"(dao động từ {vi_percent(min(estimates), 2)} đến " \
        f"{vi_percent(max(estimates), 2)})" in growth
    en = cli("review", "-w", root, "--format", "md").stdout
    assert "(bkind's estimate from proxies; range " in en


def test_an_every_target_on_one_of_three_clusters_says_so(cli, tmp_path):
    root = str(F.backan_like(tmp_path / "like"))
    data = json.loads(cli("status", "-w", root, "--format", "json").stdout)
    occupied = {t["id"]: t for t in data["targets"]}["clusters-occupied-2025"]
    # the 2025 list has 3 clusters, 1 with infrastructure complete (90% full)
    assert (occupied["matching"], occupied["meeting"]) == (1, 1)
    assert "concerns 1 of the 3 items listed only (fewer than half)" in occupied["note"]
    vi = cli("review", "-w", root, "--lang", "vi", "--format", "md").stdout
    assert "kết quả này chỉ dựa trên 1/3 mục trong danh sách" in vi
