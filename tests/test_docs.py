"""Docs: the README opens with the two commands, CI runs the same test command, and every
command has help and a README section."""

from __future__ import annotations

import re

import typer.main
from cli_reference import REFERENCE, render

from bkind.cli import app

from conftest import REPO, docs_text

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = (REPO / "docs" / "commands.md").read_text(encoding="utf-8")


def first_block() -> list[str]:
    match = re.search(r"```sh\n(.*?)```", README, re.S)
    assert match and README.index("```sh") < README.index("\n## ")
    return match.group(1).strip().splitlines()


def test_readme_opens_with_exactly_two_commands():
    install, tests = first_block()
    assert install.endswith("bkind status") and "pip install ." in install
    assert "pip install '.[test]'" in tests and tests.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert first_block()[1] in ci.splitlines()


def test_every_command_has_help_and_a_readme_section(cli):
    names = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert "status" in names
    for name in names:
        result = cli(name, "--help")
        assert result.exit_code == 0 and "Examples" in result.stdout, name
        assert f"## bkind {name}" in COMMANDS, name


def test_readme_status_options_exist(cli):
    help_text = cli("status", "--help").stdout
    for option in ("--workspace", "--format", "--lang", "--as-of", "--output", "--fail-on"):
        assert option in help_text


def test_readme_vietnamese_example_is_real_output(cli, tmp_path, monkeypatch):
    section = docs_text().split("## Tiếng Việt (Vietnamese)")[1].split("\n## ")[0]
    shown = [line for line in section.splitlines() if line.startswith("|")]
    assert len(shown) == 8 and shown[0].startswith("| Chỉ tiêu |")
    monkeypatch.chdir(tmp_path)
    result = cli("status", "--lang", "vi", "--as-of", "2024", "--format", "md")
    assert result.exit_code == 0
    real = result.stdout.splitlines()
    for line in shown:
        assert line in real


def test_readme_is_short_and_links_every_docs_page():
    assert len(README.splitlines()) <= 200
    pages = sorted((REPO / "docs").rglob("*.md"))
    assert REPO / "docs" / "vi" / "README.md" in pages
    for page in pages:
        assert str(page.relative_to(REPO)) in README, page


def test_links_between_pages_lead_somewhere():
    import re

    for page in [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#]+\.md)(?:#[^)]*)?\)", text):
            assert (page.parent / target).is_file(), f"{page.name}: {target}"


def test_the_cli_reference_is_the_help(cli):
    # regenerate with: python tests/cli_reference.py
    assert REFERENCE.read_text(encoding="utf-8") == render()


def test_a_newcomer_finds_the_main_concepts_in_one_hop():
    # docs/development.md names the module of each concept a newcomer asks for
    dev = (REPO / "docs" / "development.md").read_text(encoding="utf-8")
    for concept, module in (("required growth", "bkind/core/formulas.py"),
                            ("slip rule", "bkind/core/slips.py"),
                            ("Word header block", "bkind/render/formats/docx.py")):
        assert concept in dev and module in dev, concept
        assert (REPO / module).is_file(), module
