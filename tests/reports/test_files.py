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


LFS = (
    "version https://git-lfs.github.com/spec/v1\n"
    "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n"
)


def test_a_git_lfs_pointer_is_an_error_whatever_its_name(tmp_path):
    """The object was not fetched: said as such, not as a file without a header (.csv) or a broken
    workbook (.xlsx), nor a mere warning (.txt)."""
    write_csv(tmp_path / "a.csv", [row()])
    for name in ("370102.csv", "370103.xlsx", "370104.txt"):
        (tmp_path / name).write_text(LFS, encoding="ascii")
    files, problems = find_files([str(tmp_path)])
    assert files == [str(tmp_path / "a.csv")]
    assert [(p.severity, p.code, os.path.basename(p.file)) for p in problems] == [
        ("error", "file-lfs-pointer", "370102.csv"),
        ("error", "file-lfs-pointer", "370103.xlsx"),
        ("error", "file-lfs-pointer", "370104.txt"),
    ]
    named = find_files([str(tmp_path / "370102.csv")])
    assert [(p.code, p.file) for p in named[1]] == [("file-lfs-pointer", str(tmp_path / "370102.csv"))] and named[
        0
    ] == []


def test_a_submodule_not_fetched_an_empty_folder_and_an_unreadable_one_are_named(tmp_path, monkeypatch):
    write_csv(tmp_path / "a.csv", [row()])
    (tmp_path / "370102").mkdir()
    (tmp_path / "370102" / ".git").write_text("gitdir: ../.git/modules/370102\n", encoding="ascii")
    (tmp_path / "2010Q3").mkdir()
    (tmp_path / "locked").mkdir()
    write_csv(tmp_path / "locked" / "b.csv", [row()])
    real_scandir = os.scandir

    def scandir(path="."):  # root reads a folder whatever its mode: refuse it here instead
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, problems = find_files([str(tmp_path)])
    assert files == [str(tmp_path / "a.csv")]
    assert [(p.severity, p.code, os.path.relpath(p.file, tmp_path)) for p in problems] == [
        ("warning", "folder-empty", "2010Q3"),
        ("error", "folder-submodule", "370102"),
        ("error", "folder-unreadable", "locked"),
    ]


def test_links_are_followed_and_those_leaving_the_folder_named_every_run(tmp_path):
    """A linked subfolder is searched (not passed over in silence); a link out of the folder is
    read with a warning naming its target; a folder reached twice is searched once."""
    reports, elsewhere = tmp_path / "reports", tmp_path / "elsewhere"
    (reports / "own").mkdir(parents=True)
    elsewhere.mkdir()
    write_csv(reports / "own" / "a.csv", [row()])
    write_csv(elsewhere / "b.csv", [row()])
    os.symlink(elsewhere, reports / "linked")
    os.symlink(elsewhere / "b.csv", reports / "c.csv")
    os.symlink(reports / "own", reports / "own" / "again")
    files, problems = find_files([str(reports)])
    assert [os.path.relpath(f, reports) for f in files] == ["c.csv", "linked/b.csv", "own/a.csv"]
    assert [(p.severity, p.code, os.path.relpath(p.file, reports), p.params.get("target")) for p in problems] == [
        ("warning", "link-outside", "linked", str(elsewhere)),
        ("warning", "link-outside", "c.csv", str(elsewhere / "b.csv")),
        ("warning", "folder-seen", "own/again", str(reports / "own")),
    ]
