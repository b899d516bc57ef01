"""newsfuse/output: an export file is written whole or not at all, and a bad path is one line."""

from __future__ import annotations

import os

import pytest

from newsfuse.output import OutputError, output_file, output_problem


def test_problems_are_named_before_writing(tmp_path):
    assert output_problem(str(tmp_path / "events.csv")) is None
    assert output_problem(str(tmp_path / "missing" / "events.csv")) == f"no such folder {tmp_path / 'missing'}"
    assert output_problem(str(tmp_path)) == "it is a folder; name a file in it"
    (tmp_path / "plain").write_text("x")
    assert output_problem(str(tmp_path / "plain" / "events.csv")) == f"{tmp_path / 'plain'} is not a folder"


def test_a_file_appears_only_when_complete(tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("the earlier export")
    with pytest.raises(RuntimeError):
        with output_file(str(target)) as stream:
            stream.write("half of it")
            raise RuntimeError("the store went away")
    assert target.read_text() == "the earlier export"
    assert os.listdir(tmp_path) == ["events.csv"]  # no temporary file left behind
    with output_file(str(target)) as stream:
        stream.write("a,b\r\n")
    assert target.read_bytes() == b"a,b\r\n"  # line ends as written


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    mask = os.umask(0o022)
    try:
        with output_file(str(tmp_path / "new.csv")) as stream:
            stream.write("x")
    finally:
        os.umask(mask)
    assert (tmp_path / "new.csv").stat().st_mode & 0o777 == 0o644


def test_a_binary_writer_gets_a_path(tmp_path):
    with output_file(str(tmp_path / "t.parquet"), binary=True) as path:
        assert path != str(tmp_path / "t.parquet")
        with open(path, "wb") as f:
            f.write(b"PAR1")
    assert (tmp_path / "t.parquet").read_bytes() == b"PAR1"


def test_write_errors_become_one_line(tmp_path):
    with pytest.raises(OutputError) as caught:
        with output_file(str(tmp_path / "x.csv")):
            raise OSError(28, "No space left on device")
    assert str(caught.value) == f"cannot write {tmp_path / 'x.csv'}: No space left on device"
    assert not (tmp_path / "x.csv").exists()
