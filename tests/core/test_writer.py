"""The one writer: all or nothing for files, in place for devices and pipes, links kept."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from chuangye_cli.core.exits import ExitCode
from chuangye_cli.core.writer import OutputError, WriteError, check_output, write_output


def test_a_new_file_gets_the_usual_mode_and_an_old_one_keeps_its_own(tmp_path):
    new = tmp_path / "new.json"
    write_output(str(new), "{}\n")
    umask = os.umask(0)
    os.umask(umask)
    assert new.read_text() == "{}\n" and stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask
    old = tmp_path / "old.json"
    old.write_text("x")
    old.chmod(0o640)
    write_output(str(old), b"y")
    assert old.read_bytes() == b"y" and stat.S_IMODE(old.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.json", "old.json"]  # no temporary file left


def test_a_symlink_stays_a_link_and_its_target_gets_the_bytes(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "results.json"
    target.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    write_output(str(link), "new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == "new"
    dangling = tmp_path / "next.json"
    dangling.symlink_to(tmp_path / "real" / "next.json")
    write_output(str(dangling), "made")
    assert dangling.is_symlink() and (tmp_path / "real" / "next.json").read_text() == "made"


def test_an_input_reached_through_a_link_is_never_the_output(tmp_path):
    report = tmp_path / "report.csv"
    report.write_text("data")
    link = tmp_path / "out.csv"
    link.symlink_to(report)
    with pytest.raises(OutputError) as exc:
        write_output(str(link), "results", [report])
    assert exc.value.key == "output.is_input" and report.read_text() == "data"


def test_a_fifo_is_written_in_place_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_output(str(fifo), "through the pipe")
    reader.join(timeout=60)
    assert got == [b"through the pipe"] and stat.S_ISFIFO(fifo.stat().st_mode)


def test_dev_null_stays_a_device():
    check_output("/dev/null")
    write_output("/dev/null", "nothing")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_full_device_is_a_write_error_with_its_own_exit_code():
    with pytest.raises(WriteError) as exc:
        write_output("/dev/full", "x" * 100_000)
    assert exc.value.exit_code == ExitCode.WRITE_FAILED == 5
    assert exc.value.message("en") == "cannot write /dev/full: No space left on device"


def test_a_folder_or_a_missing_folder_is_refused_before_any_work(tmp_path):
    with pytest.raises(OutputError) as exc:
        check_output(str(tmp_path))
    assert exc.value.key == "output.is_folder" and exc.value.exit_code == ExitCode.USAGE
    with pytest.raises(OutputError) as exc:
        check_output(str(tmp_path / "nope" / "r.json"))
    assert exc.value.key == "output.no_folder"


def test_a_file_inside_an_input_folder_is_never_the_output(tmp_path):
    """Checked from the folder alone, before anything is read: the report is protected even when
    nothing else (a targets file that fails to load) ever lists it as read; through a link too."""
    reports = tmp_path / "rep"
    reports.mkdir()
    report = reports / "370103_市中区_2009Q1-2010Q2.csv"
    report.write_text("data")
    outside = tmp_path / "elsewhere.csv"
    outside.write_text("theirs")
    (reports / "linked.csv").symlink_to(outside)
    for path in (report, reports / "linked.csv"):
        with pytest.raises(OutputError) as exc:
            check_output(str(path), [str(reports)])
        assert exc.value.key == "output.is_input"
    assert report.read_text() == "data" and outside.read_text() == "theirs"


def test_earlier_outputs_inside_an_input_folder_may_be_written_again(tmp_path):
    from chuangye_cli.core.marks import csv_mark_line

    reports = tmp_path / "rep"
    reports.mkdir()
    (reports / "result.json").write_text("{}")
    (reports / "result.csv").write_text(csv_mark_line("zh") + "a,b\r\n")
    for name in ("result.json", "result.csv", "new.csv"):
        write_output(str(reports / name), "again", [str(reports)])
        assert (reports / name).read_text() == "again"


def test_the_tools_own_files_are_never_the_output(tmp_path):
    from chuangye_cli.plan.loader import default_targets_path

    builtin = default_targets_path()
    before = builtin.read_bytes()
    with pytest.raises(OutputError) as exc:
        check_output(str(builtin))
    assert exc.value.key == "output.is_input" and builtin.read_bytes() == before
