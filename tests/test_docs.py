"""The documentation works: the Python sessions of docs/api.md and the README run as
doctests, and the docs site builds with mkdocs --strict (no broken link, no page left
out of the navigation)."""

from __future__ import annotations

import doctest
import subprocess
import sys

import pytest

from .conftest import REPO


@pytest.mark.parametrize("page, least", [("docs/api.md", 10), ("README.md", 4)])
def test_python_sessions_in_the_docs_give_the_outputs_they_show(monkeypatch, page, least):
    pytest.importorskip("pandas", reason="the sessions show DataFrames (the pandas extra)")
    monkeypatch.chdir(REPO)  # the sessions read demo/ from the repository folder
    failed, attempted = doctest.testfile(str(REPO / page), module_relative=False, verbose=False,
                                         optionflags=doctest.NORMALIZE_WHITESPACE, report=True)
    assert attempted >= least and failed == 0


def test_the_docs_site_builds_strictly(tmp_path):
    pytest.importorskip("mkdocs", reason="the docs extra (mkdocs) is not installed")
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (site / "index.html").is_file() and (site / "api" / "index.html").is_file()


def test_every_docs_page_is_in_the_site_navigation():
    yaml = pytest.importorskip("yaml", reason="PyYAML comes with mkdocs")
    nav = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    listed = {page for entry in nav for page in entry.values()}
    assert listed == {p.name for p in (REPO / "docs").glob("*.md")}

