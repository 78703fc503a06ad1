"""`bkind status` end to end: exit codes, stdout data, stderr lines, options."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_TARGETS

ACTUALS = {
    2020: "year: 2020\nvalues:\n  share: {value: 6.2%, source: s}\n",
    2021: "year: 2021\nvalues:\n  va_growth: {value: 10%, source: s, status: estimate}\n",
    2022: "year: 2022\nvalues:\n  va_growth: {value: 2%, source: s}\n"
          "  va: {value: 600, source: s}\n  grdp: {value: 8000, source: s}\n",
}


def test_json_has_every_spec_key_on_every_target(cli, workspace):
    root = workspace(actuals=ACTUALS)
    result = cli("status", "-w", str(root), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["as_of"] == 2022 and data["workspace"] == str(root)
    spec = {"id", "type", "metric", "comparator", "target", "deadline", "status", "actual",
            "actual_year", "required", "gap", "progress_ratio", "observed_years", "note"}
    for target in data["targets"]:
        assert spec <= set(target)
    growth, share = data["targets"]
    assert growth["actual"] == pytest.approx((1.10 * 1.02) ** 0.5 - 1, abs=1e-9)
    assert growth["status"] == "limited_progress"
    assert share["target"] == [0.08, 0.1] and share["actual"] == 0.075
    assert [s["metric"] for s in share["sources"]] == ["share", "va", "grdp"]
    assert share["basis"] == ["2022: Value added / GRDP = 600 / 8,000 = 7.5% (derived)"]


def test_as_of_evaluates_with_earlier_actuals_only(cli, workspace):
    root = workspace(actuals=ACTUALS)
    data = json.loads(cli("status", "-w", str(root), "-f", "json", "--as-of", "2021").stdout)
    growth, share = data["targets"]
    assert data["as_of"] == 2021
    assert growth["actual"] == pytest.approx(0.10)
    assert growth["status"] == "insufficient_data"  # one year is not a trend
    assert growth["progress_ratio"] is None
    assert share["status"] == "insufficient_data" and share["actual"] == 0.062


def test_fail_on_exits_1_and_names_the_targets(cli, workspace):
    root = workspace(actuals=ACTUALS)
    result = cli("status", "-w", str(root), "-f", "csv", "--fail-on", "limited_progress,missed")
    assert result.exit_code == 1
    assert result.stdout.startswith("id,type,metric,comparator,target,deadline,status,")
    assert "--fail-on: growth reached status limited_progress" in result.stderr
    ok = cli("status", "-w", str(root), "-f", "csv", "--fail-on", "missed")
    assert ok.exit_code == 0


def test_unknown_fail_on_status_is_bad_input(cli, workspace):
    root = workspace(actuals=ACTUALS)
    result = cli("status", "-w", str(root), "--fail-on", "late")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "--fail-on: unknown status 'late' (one of: achieved, on_track, acceleration_needed, "
        "limited_progress, deterioration, missed, insufficient_data, discontinued)")


def test_broken_targets_gives_path_line_and_exit_2(cli, tmp_path, monkeypatch):
    (tmp_path / "actuals").mkdir()
    (tmp_path / "targets.yaml").write_text("resolution: [unclosed\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("status")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "targets.yaml:2: invalid YAML: did not find expected ',' or ']'"]
    assert result.stdout == ""


def test_no_traceback_from_a_real_process(tmp_path):
    (tmp_path / "actuals").mkdir()
    (tmp_path / "targets.yaml").write_text(MINIMAL_TARGETS.replace("above: 13%", "above: 13"),
                                           encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "bkind", "status"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "targets.yaml:31: target 'growth': above: bare number 13 where a percent is required: "
        "write 13%"]
    assert "Traceback" not in proc.stderr


def test_hidden_traceback_flag_reraises(cli, workspace):
    root = workspace(MINIMAL_TARGETS.replace("above: 13%", "above: 13"))
    from bkind.errors import BkindError
    with pytest.raises(BkindError):
        cli("--traceback", "status", "-w", str(root))


def test_unknown_format_and_language_are_bad_input(cli, workspace):
    root = workspace(actuals=ACTUALS)
    assert cli("status", "-w", str(root), "--format", "xml").exit_code == 2
    result = cli("status", "-w", str(root), "--lang", "fr")
    assert result.exit_code == 2
    assert result.stderr.strip() == "--lang: unknown language 'fr' (use vi or en)"


def test_table_survives_no_color_with_symbols(cli, workspace):
    root = workspace(actuals=ACTUALS)
    result = cli("status", "-w", str(root), env={"NO_COLOR": "1", "COLUMNS": "120"})
    assert result.exit_code == 0
    assert "◐ Limited" in result.stdout and "\x1b[" not in result.stdout
    assert result.stderr.startswith(f"workspace: {root}")


@pytest.mark.parametrize("env", [{"BKIND_LANG": "vi"}, {"LANG": "vi_VN.UTF-8"},
                                 {"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}])
def test_vietnamese_from_environment(cli, workspace, env):
    root = workspace(actuals=ACTUALS)
    result = cli("status", "-w", str(root), env={**env, "COLUMNS": "120"})
    assert "◐ Chậm tiến độ" in result.stdout
    assert "5,92%" in result.stdout  # (1.10 * 1.02) ** 0.5 - 1, with a decimal comma


def test_json_does_not_change_with_language(cli, workspace):
    root = workspace(actuals=ACTUALS)
    en = cli("status", "-w", str(root), "-f", "json", "--lang", "en").stdout
    vi = cli("status", "-w", str(root), "-f", "json", "--lang", "vi").stdout
    assert en == vi


def test_output_file_written_only_on_success(cli, workspace, tmp_path):
    root = workspace(actuals=ACTUALS)
    out = tmp_path / "status.json"
    out.write_text("previous report", encoding="utf-8")
    bad = workspace(MINIMAL_TARGETS.replace("above: 13%", "above: 13"), name="bad")
    assert cli("status", "-w", str(bad), "-f", "json", "-o", str(out)).exit_code == 2
    assert out.read_text(encoding="utf-8") == "previous report"
    assert cli("status", "-w", str(root), "-f", "json", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["as_of"] == 2022
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_workspace_from_environment_and_current_folder(cli, workspace, monkeypatch):
    root = workspace(actuals=ACTUALS)
    result = cli("status", "-f", "json", env={"BKIND_WORKSPACE": str(root)})
    assert json.loads(result.stdout)["resolution"]["id"] == "TEST-1"
    monkeypatch.chdir(root)
    result = cli("status", "-f", "json")
    assert json.loads(result.stdout)["resolution"]["id"] == "TEST-1"
    assert result.stderr.startswith("workspace: ")


def test_empty_actuals_folder_is_all_insufficient(cli, workspace):
    root = workspace()
    data = json.loads(cli("status", "-w", str(root), "-f", "json").stdout)
    assert data["as_of"] == 2020
    assert {t["status"] for t in data["targets"]} == {"insufficient_data"}


def test_version(cli):
    from bkind import __version__
    assert cli("--version").stdout.strip() == f"bkind {__version__}"


def test_missing_workspace_folder(cli, tmp_path):
    result = cli("status", "-w", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(f"{tmp_path / 'nowhere'}: workspace folder not found")


def test_help_has_examples(cli):
    result = cli("status", "--help")
    assert result.exit_code == 0 and "bkind status --format json" in result.stdout


def test_python_dash_m_runs_from_any_folder(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "bkind", "status", "-f", "csv"], cwd=tmp_path,
                          capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__)
                                                                          .parent.parent)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("\n") == 7  # header + six targets
