import json

from bkind.io.workspaces import embedded_workspace


def test_status_json_on_embedded_workspace_lists_every_target(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("status", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["resolution"]["id"] == "16-NQ/TU"
    assert str(embedded_workspace()) in result.stderr
    ids = [t["id"] for t in data["targets"]]
    assert ids == ["industry-growth", "industry-share-2025", "budget-revenue-growth",
                   "clusters-complete-2025", "clusters-occupied-2025", "industry-share-2030"]
