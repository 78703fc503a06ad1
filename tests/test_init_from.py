"""`bkind init DIR --from NAME`: a new workspace that starts as a copy of a shipped one, so
the merged province's analysts can enter their months without hunting for its folder."""

from __future__ import annotations

import json

from bkind.io.workspaces import named_workspaces


def test_init_from_copies_the_shipped_workspace_and_takes_a_month(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("init", "thai-nguyen", "--from", "thainguyen-2030")
    assert result.exit_code == 0, result.stderr
    shipped = named_workspaces()["thainguyen-2030"]
    copied = tmp_path / "thai-nguyen"
    assert (copied / "targets.yaml").read_text(encoding="utf-8") == \
        (shipped / "targets.yaml").read_text(encoding="utf-8")
    names = sorted(p.name for p in (shipped / "actuals").glob("*.yaml"))
    assert names and sorted(p.name for p in (copied / "actuals").glob("*.yaml")) == names
    assert cli("validate", "-w", "thai-nguyen").exit_code == 0
    # the copy is the user's own: ingest writes into it (the shipped one is refused)
    (tmp_path / "m.csv").write_text("year,month,metric,value\n2026,1,iip_growth,5.1%\n",
                                    encoding="utf-8")
    result = cli("ingest", "m.csv", "-w", "thai-nguyen")
    assert result.exit_code == 0, result.stderr
    assert "5.1%" in (copied / "actuals" / "2026.yaml").read_text(encoding="utf-8")
    assert cli("ingest", "m.csv", "-w", "thainguyen-2030").exit_code == 2
    out = json.loads(cli("report", "--month", "2026-01", "-w", "thai-nguyen",
                         "--format", "json").stdout)
    iip = next(m for m in out["metrics"] if m["id"] == "iip_growth")
    assert iip["ytd"] == 0.051


def test_init_from_an_unknown_name_suggests_one_and_writes_nothing(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("init", "tn", "--from", "thainguyen2030", "--lang", "vi")
    assert result.exit_code == 2
    assert result.stderr.startswith("--from: ") and "'thainguyen-2030'" in result.stderr
    assert not (tmp_path / "tn").exists()


def test_init_from_refuses_a_folder_with_files(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws" / "keep.txt").write_text("mine", encoding="utf-8")
    assert cli("init", "ws", "--from", "backan-16").exit_code == 2
    assert sorted(p.name for p in (tmp_path / "ws").iterdir()) == ["keep.txt"]
