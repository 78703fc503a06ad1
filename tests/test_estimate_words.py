"""Two kinds of estimate, two words (GLOSSARY "Two kinds of estimate"), and an `every`
target resting on fewer than half its items says so (issue 18, items 5 and 6)."""

from __future__ import annotations

import json


def test_bkinds_estimate_is_never_worded_as_the_provinces(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    vi = cli("review", "--lang", "vi", "--format", "md").stdout
    growth = next(line for line in vi.splitlines() if line.startswith("Tăng trưởng"))
    assert "ước tính theo chỉ tiêu gián tiếp khoảng 9,90%/năm" in growth  # one precision
    assert "ước đạt" not in growth  # the province never published this figure
    assert "(dao động từ 9,89% đến 11,05%)" in growth
    en = cli("review", "--format", "md").stdout
    assert "(bkind's estimate from proxies; range 9.90% to 11.05%)" not in en
    assert "about 9.90%/yr over 2021-2025 (bkind's estimate from proxies; range 9.89% to " \
        "11.05%)" in " ".join(en.split())


def test_an_every_target_on_one_of_seven_clusters_says_so(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = json.loads(cli("status", "--format", "json").stdout)
    occupied = {t["id"]: t for t in data["targets"]}["clusters-occupied-2025"]
    # the 2025 list has 7 clusters, 1 with infrastructure complete (Huyền Tụng, 100%)
    assert (occupied["matching"], occupied["meeting"]) == (1, 1)
    assert "concerns 1 of the 7 items listed only (fewer than half)" in occupied["note"]
    vi = cli("review", "--lang", "vi", "--format", "md").stdout
    assert "kết quả này chỉ dựa trên 1/7 mục trong danh sách" in vi
