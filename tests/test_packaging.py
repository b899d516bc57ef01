"""What a built package carries: licence, type marker, extras, docs site configuration."""

from __future__ import annotations

import pytest

from .conftest import REPO

tomllib = pytest.importorskip("tomllib", reason="reading pyproject.toml needs Python 3.11's tomllib")


@pytest.fixture(scope="module")
def project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_licence_is_mit_and_shipped(project):
    assert project["project"]["license"] == "MIT" and project["project"]["license-files"] == ["LICENSE"]
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 the newsfuse authors\n")
    assert not any(c.startswith("License ::") for c in project["project"]["classifiers"])  # the expression says it


def test_the_package_is_marked_typed_and_ships_the_marker(project):
    assert (REPO / "src" / "newsfuse" / "py.typed").is_file()
    assert "py.typed" in project["tool"]["setuptools"]["package-data"]["newsfuse"]
    assert "Typing :: Typed" in project["project"]["classifiers"]


def test_optional_extras_and_the_encoding_detector(project):
    extras = project["project"]["optional-dependencies"]
    assert any(d.startswith("pandas") for d in extras["pandas"]) and any(d.startswith("mkdocs") for d in extras["docs"])
    assert any(d.startswith("charset-normalizer") for d in project["project"]["dependencies"])
    assert "urls" not in project["project"]  # none is invented


def test_the_changelog_keeps_the_format():
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n") and "Keep a Changelog" in text and "\n## [Unreleased]\n" in text
