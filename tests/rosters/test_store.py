"""Rows spilled to bucket files by ID (long rosters) give exactly what rows in memory give, and a file
read again after the spill takes back only its own rows."""

from __future__ import annotations

import os
import tempfile

import pytest
from stdnum.cn import ric

import chuangye_cli.rosters.reader as roster_reader
import chuangye_cli.rosters.store as roster_store
from chuangye_cli.core.quarters import Quarter
from chuangye_cli.plan.loader import load_plan
from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.pipeline import validate_rosters
from conftest import FIXTURES, run

ROSTERS = FIXTURES / "roster"
EVERY_ROSTER = [str(ROSTERS / n) for n in ("dups", "bad.csv", "good.csv", "gbk_english.csv", "pingyin.xlsx")]


@pytest.fixture(scope="module")
def context() -> RosterContext:
    return RosterContext.from_plan(load_plan())


def everything(result) -> dict:
    """All a roster run answers: the JSON summary (errors, warnings, counts, distinct people) and masked counts."""
    return {
        "summary": result.to_dict("en"),
        "valid_rows": result.valid_rows,
        "trained_370102": result.distinct(["training"], ["370102"]),
        "guidance_until_2009Q2": result.distinct(["guidance"], until=Quarter(2009, 2)),
    }


def test_spilled_rows_give_the_same_result_as_rows_in_memory(context, monkeypatch):
    in_memory = validate_rosters(EVERY_ROSTER, context)
    assert in_memory.store is None and in_memory.data is not None
    expected = everything(in_memory)
    assert expected["summary"]["errors"] and expected["summary"]["warnings"]  # duplicates and bad rows to compare
    assert any(e["code"] == "roster-duplicate" for e in expected["summary"]["errors"])
    monkeypatch.setattr(roster_store, "SPILL_ROWS", 3)
    monkeypatch.setattr(roster_store, "BUCKETS", 4)
    spilled = validate_rosters(EVERY_ROSTER, context)
    assert spilled.store is not None and spilled.data is None
    assert len(list(spilled.chunks())) > 1
    assert everything(spilled) == expected


def _late_gb18030(path, rows: int) -> int:
    """A roster that is UTF-8 until its last row (GB18030 Chinese): read as UTF-8 first, then again."""
    lines = ["id_number,name,district_code,group,activity,end_date"]
    for k in range(rows):
        body = f"370102198{k // 3000}{(k // 100) % 12 + 1:02d}{k % 28 + 1:02d}{k % 1000:03d}"
        lines.append(f"{body}{ric.calc_check_digit(body + '0')},Zhang,370102,other,guidance,2009-03-15")
    assert len(set(lines)) == rows + 1
    lines.append(f"37010219790101001{ric.calc_check_digit('370102197901010010')},张三,370102,其他,创业指导,2009-03-15")
    path.write_bytes(("\n".join(lines) + "\n").encode("gb18030"))
    return len(lines) - 1


@pytest.mark.parametrize(
    "when", ["before", "during"]
)  # the spill: before the second file starts / while it is first read
def test_a_file_read_again_takes_back_only_its_own_rows(tmp_path, context, monkeypatch, when):
    late = tmp_path / "late.csv"
    n_late = _late_gb18030(late, 6000)
    assert late.stat().st_size > roster_reader.PREFIX_BYTES  # the encoding is not known from the start
    first = validate_rosters([str(ROSTERS / "good.csv")], context)
    assert first.valid_rows >= 2
    monkeypatch.setattr(roster_reader, "BLOCK_SIZE", 16 << 10)  # many blocks: rows are kept before the restart
    monkeypatch.setattr(roster_store, "SPILL_ROWS", 1 if when == "before" else first.valid_rows + 5)
    monkeypatch.setattr(roster_store, "BUCKETS", 8)
    marks = []
    begin = roster_store.RowStore.begin_file
    monkeypatch.setattr(roster_store.RowStore, "begin_file", lambda self: (marks.append(self.spilled), begin(self))[1])
    result = validate_rosters([str(ROSTERS / "good.csv"), str(late)], context)
    assert result.store is not None
    # good.csv began in memory; the late file began twice (UTF-8, then GB18030), spilled already at the
    # first start only "before" (the spill came during good.csv), else during that first reading
    assert marks == [False, when == "before", True]
    assert [f.encoding for f in result.files] == [first.files[0].encoding, "gb18030"]
    # rows kept twice would be duplicates (errors) and too many valid rows
    assert result.errors == []
    assert result.valid_rows == first.valid_rows + n_late
    assert result.distinct() == first.distinct() + n_late


def test_spill_files_are_private_and_gone_when_the_command_ends(tmp_path, monkeypatch):
    spill_root = tmp_path / "tmp"
    spill_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill_root))
    monkeypatch.setattr(roster_store, "SPILL_ROWS", 3)
    seen = []
    spill = roster_store.RowStore._spill

    def watch(self):
        spill(self)
        seen.append((self.dir, oct(os.stat(self.dir).st_mode & 0o777)))

    monkeypatch.setattr(roster_store.RowStore, "_spill", watch)
    result = run("roster", *EVERY_ROSTER, "--format", "json")
    assert result.exit_code == 3  # the fixtures hold bad rows
    assert [(d.startswith(str(spill_root)), mode) for d, mode in seen] == [(True, "0o700")]
    assert list(spill_root.iterdir()) == []


def test_without_a_writable_temporary_folder_the_rows_stay_in_memory(context, monkeypatch):
    expected = everything(validate_rosters(EVERY_ROSTER, context))

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(roster_store, "SPILL_ROWS", 3)
    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    result = validate_rosters(EVERY_ROSTER, context)
    assert result.store is None and result.data is not None
    assert everything(result) == expected


def _ids_in(paths) -> set[int]:
    """The first 17 digits of every valid 18-character ID number in the roster fixtures."""
    import csv
    import io

    found = set()
    for path in paths:
        for p in ([path] if os.path.isfile(path) else [os.path.join(path, n) for n in os.listdir(path)]):
            if not p.endswith(".csv"):
                continue
            raw = open(p, "rb").read()
            text = raw.decode("gb18030") if "gbk" in p else raw.decode("utf-8")
            for row in csv.reader(io.StringIO(text)):
                for cell in row:
                    cell = cell.strip()
                    if len(cell) == 18 and cell[:17].isdigit():
                        found.add(int(cell[:17]))
    return found


def test_nothing_on_disk_lets_an_id_number_be_rebuilt(context, monkeypatch):
    """The spill held each ID's first 17 digits as an int64: the whole number, its check character
    computable. Now a keyed permutation (keys never written) and only what a masked ID shows."""
    import numpy as np

    monkeypatch.setattr(roster_store, "SPILL_ROWS", 3)
    monkeypatch.setattr(roster_store, "BUCKETS", 4)
    spilled = validate_rosters(EVERY_ROSTER, context)
    assert spilled.store is not None
    ids = _ids_in(EVERY_ROSTER)
    assert len(ids) >= 20
    on_disk = b"".join(open(os.path.join(spilled.store.dir, n), "rb").read() for n in os.listdir(spilled.store.dir))
    words = set(np.frombuffer(on_disk[: len(on_disk) // 8 * 8], dtype=np.int64).tolist())
    for shift in range(8):  # the records are 32 bytes: look at every alignment
        words |= set(np.frombuffer(on_disk[shift : shift + (len(on_disk) - shift) // 8 * 8], dtype=np.int64).tolist())
    assert not ids & words
    assert not any(str(i).encode() in on_disk for i in ids)
    # the same keys never twice: two stores hash the same number differently
    a, b = roster_store.RowStore(), roster_store.RowStore()
    number = np.array([sorted(ids)[0]], dtype=np.int64)
    assert roster_store.keyed(number, a._keys)[0] != roster_store.keyed(number, b._keys)[0]


def test_a_full_temporary_folder_during_the_spill_is_exit_5_naming_it(monkeypatch):
    """It was "internal error … This is a bug" (exit 4)."""
    import errno

    monkeypatch.setattr(roster_store, "SPILL_ROWS", 1)

    def full(self, part):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(roster_store.RowStore, "_write", full)
    result = run("roster", *EVERY_ROSTER, "--lang", "en")
    assert result.exit_code == 5, result.stderr
    last = result.stderr.splitlines()[-1]
    assert last.startswith(f"Error: cannot write {tempfile.gettempdir()}/chuangye-roster-") and last.endswith(
        ": No space left on device"
    )


def test_sigterm_removes_the_spill_folder(tmp_path):
    """SIGTERM killed the process and left the spill (the ID numbers) behind; it is an exit now."""
    import signal
    import subprocess
    import sys

    import chuangye_cli

    script = (
        "import time\n"
        "from chuangye_cli.cli import exit_on_signals\n"
        "from chuangye_cli.rosters.store import RowStore\n"
        "exit_on_signals()\n"
        "store = RowStore()\n"
        "store._spill()\n"
        "print(store.dir, flush=True)\n"
        "time.sleep(120)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(chuangye_cli.__file__))}
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    folder = proc.stdout.readline().strip()
    assert os.path.isdir(folder)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 128 + signal.SIGTERM
    assert not os.path.exists(folder)
