"""Which files a folder holds and which are read (reports.files.find_files)."""

from __future__ import annotations

import os

from chuangye_cli.reports.files import find_files
from reportfiles import row, write_csv


def test_a_folder_names_every_file_it_does_not_read(tmp_path):
    write_csv(tmp_path / "a.csv", [row()])
    (tmp_path / "targets.yaml").write_text("plan: {}\n", encoding="utf-8")
    os.symlink(tmp_path / "targets.yaml", tmp_path / "link.yaml")  # the same file by another name
    (tmp_path / "b.et").write_bytes(b"x")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.csv")
    (tmp_path / ".hidden.csv").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "gone.csv", tmp_path / "dangling.csv")
    (tmp_path / ".old").mkdir()
    write_csv(tmp_path / ".old" / "c.csv", [row()])  # a hidden folder: named once, not searched
    (tmp_path / "~$a.xlsx").write_bytes(b"x")  # Excel's lock file: no data, no word
    files, problems = find_files([str(tmp_path)], known=[str(tmp_path / "targets.yaml")])
    assert files == [str(tmp_path / "a.csv")]
    assert [(p.severity, p.code, os.path.basename(p.file)) for p in problems] == [
        ("warning", "folder-hidden", ".old"),
        ("warning", "file-hidden", ".hidden.csv"),
        ("error", "file-unsupported-spreadsheet", "b.et"),
        ("error", "file-unreadable", "dangling.csv"),
        ("warning", "file-not-read", "notes.md"),
        ("warning", "file-not-regular", "pipe.csv"),
    ]
