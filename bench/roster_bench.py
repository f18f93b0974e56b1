"""Benchmark ``chuangye roster`` against a plain ``pyarrow.csv.read_csv`` of the same file.

    python bench/roster_bench.py --rows 1000000 [--rows 5000000] [--keep DIR] [--unclosed-quote]

For each size: generate a synthetic roster (fixed seed; 0.1% bad rows of
several kinds, each with exactly one error at a known row and column; plus
legitimate repeats: the same person in guidance and training), then in the
same run time (interleaved, repeat by repeat)

* baseline: a Python process that imports pyarrow and runs
  ``pyarrow.csv.read_csv`` on the file (the read alone is timed inside it,
  and the whole process from outside);
* the whole ``chuangye roster FILE --format json --quiet`` process;
* with ``--base SRC``, the same process with ``PYTHONPATH=SRC`` (another tree's
  ``src``, e.g. ``git worktree add --detach /tmp/base main``: today's baseline),
  its times beside ours and whether its output is byte-identical.

It prints the ratio (roster process / pyarrow read, and / the whole
baseline process; the best of the repeats, every repeat in the JSON line),
rows per second, the CPU time (user + system) of each process and its
ratio (steadier than wall time on a shared machine), the peak resident
memory of each process (via /usr/bin/time), and checks the reported errors against the
generator's list: every bad row reported with its row number and column,
none missed, none invented.

With ``--unclosed-quote`` a copy of each roster gets a quote left open in the
name of row 100,002 (issue 19: it used to swallow the rest of pyarrow's block),
and the same is checked on it: every other row read and numbered as it was,
the quote one error at its row, and its time beside the clean file's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

CODES = ["370102", "370103", "370104", "370105", "370112", "370113", "370124", "370125", "370126", "370181"]
HEADERS = {
    "id_number": "身份证号",
    "name": "姓名",
    "district_code": "行政区划代码",
    "group": "人员类别",
    "activity": "参加类型",
    "end_date": "结业日期",
    "passed": "是否合格",
    "served": "合格后是否接受创业服务",
    "started": "是否成功创业",
    "start_date": "创业日期",
    "credit_code": "统一社会信用代码",
}
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁")
GROUPS = ["登记失业人员", "高校毕业生", "返乡农民工", "其他"]
WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])
USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = np.array([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
BAD_KINDS = (
    ("id_number", "checksum"),
    ("id_number", "length"),
    ("name", "blank"),
    ("district_code", "unknown"),
    ("group", "invalid"),
    ("activity", "invalid"),
    ("end_date", "not-a-date"),
    ("end_date", "outside-period"),
    ("passed", "missing-for-training"),
    ("served", "where-not-passed"),
    ("start_date", "missing-where-started"),
    ("id_number", "duplicate"),
)


def _ids(people: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Unique valid 18-character ID numbers for person numbers (a bijection, so no chance collisions)."""
    days = np.arange(np.datetime64("1950-01-01"), np.datetime64("1995-12-31"))
    order = people % 1000
    day = days[(people // 1000) % len(days)]
    prefix = np.asarray(CODES)[(people // (1000 * len(days))) % len(CODES)]
    ymd = day.astype("datetime64[D]").astype(str)
    body = np.char.add(np.char.add(prefix, np.char.replace(ymd, "-", "")), np.char.zfill(order.astype(str), 3))
    digits = body.astype("S17").view(np.uint8).reshape(-1, 17) - 48
    check = (12 - (digits.astype(np.int64) @ WEIGHTS) % 11) % 11
    char = np.where(check == 10, "X", check.astype(str))
    return np.char.add(body, char)


def _credit_codes(n: int, rng: np.random.Generator) -> np.ndarray:
    vals = np.concatenate([rng.integers(0, 10, (n, 8)), rng.integers(0, 31, (n, 9))], axis=1)
    check = (31 - (vals @ USCC_W) % 31) % 31
    allv = np.concatenate([vals, check[:, None]], axis=1)
    table = np.frombuffer(USCC.encode(), dtype=np.uint8)
    return table[allv].astype(np.uint8).view("S18").ravel().astype(str)


def generate(path: Path, rows: int, seed: int = 20090101, bad_fraction: float = 0.001) -> list[tuple[int, str, str]]:
    """Write a roster CSV (UTF-8, Chinese headers); return the bad rows as (row number, column header, kind)."""
    rng = np.random.default_rng(seed)
    n = rows
    # persons: 85% appear once; 15% of rows are the same person's training after guidance (same district)
    person = rng.permutation(n * 2)[:n].astype(np.int64)
    district = rng.integers(0, len(CODES), n)
    activity = rng.integers(0, 2, n)
    # 15% of rows repeat another row's person in the same district with the other activity
    repeat = rng.random(n) < 0.15
    singles = np.flatnonzero(~repeat)
    source = np.unique(rng.choice(singles, repeat.sum(), replace=True))  # each source used once
    repeat[:] = False
    targets = rng.choice(np.flatnonzero(~np.isin(np.arange(n), source)), len(source), replace=False)
    repeat[targets] = True
    person[targets] = person[source]
    district[targets] = district[source]
    activity[targets] = 1 - activity[source]
    ids = _ids(person, rng)
    paired = repeat.copy()
    paired[source] = True

    names = np.char.add(np.asarray(SURNAMES)[rng.integers(0, len(SURNAMES), n)], np.asarray(GIVEN)[rng.integers(0, len(GIVEN), n)])
    two = rng.random(n) < 0.6
    names = np.where(two, np.char.add(names, np.asarray(GIVEN)[rng.integers(0, len(GIVEN), n)]), names)
    groups = np.asarray(GROUPS)[rng.integers(0, 4, n)]
    dates = np.arange(np.datetime64("2009-01-01"), np.datetime64("2011-04-01")).astype(str)
    end_i = rng.integers(0, 730, n)  # 2009-01-01 .. 2010-12-31
    end = dates[end_i]
    training = activity == 1
    passed_b = training & (rng.random(n) < 0.92)
    served_b = passed_b & (rng.random(n) < 0.97)
    started_b = passed_b & (rng.random(n) < 0.72)
    passed = np.where(training, np.where(passed_b, "是", "否"), "")
    served = np.where(passed_b, np.where(served_b, "是", "否"), "")
    started = np.where(passed_b, np.where(started_b, "是", "否"), "")
    start = np.where(started_b, dates[end_i + rng.integers(0, 90, n)], "")
    credit = np.where(started_b & (rng.random(n) < 0.3), _credit_codes(n, rng), "")
    act_text = np.where(training, "创业培训", "创业指导")
    dist_text = np.asarray(CODES)[district]

    # bad rows: distinct rows, away from repeats, one error each
    candidates = np.flatnonzero(~paired)
    nbad = max(len(BAD_KINDS), int(n * bad_fraction))
    bad_rows = np.sort(rng.choice(candidates[candidates > 0], nbad, replace=False))
    kinds = rng.integers(0, len(BAD_KINDS), nbad)
    kinds[: len(BAD_KINDS)] = np.arange(len(BAD_KINDS))
    bad: list[tuple[int, str, str]] = []
    bad_set = set(bad_rows.tolist())
    for i, k in zip(bad_rows.tolist(), kinds.tolist()):
        key, kind = BAD_KINDS[k]
        if kind == "checksum":
            c = ids[i][-1]
            ids[i] = ids[i][:-1] + ("0" if c != "0" else "1")
        elif kind == "length":
            ids[i] = ids[i][:-2]
        elif kind == "blank":
            names[i] = ""
        elif kind == "unknown":
            dist_text[i] = "370199"
        elif kind == "invalid" and key == "group":
            groups[i] = "学生"
        elif kind == "invalid":
            act_text[i] = "讲座"
        elif kind == "not-a-date":
            end[i] = "2009-02-30"
        elif kind == "outside-period":
            end[i] = "2011-03-01"
        elif kind == "missing-for-training":
            act_text[i], passed[i], served[i], started[i], start[i], credit[i] = "创业培训", "", "", "", "", ""
        elif kind == "where-not-passed":
            act_text[i], passed[i], served[i], started[i], start[i], credit[i] = "创业培训", "否", "是", "", "", ""
        elif kind == "missing-where-started":
            act_text[i], passed[i], served[i], started[i], start[i] = "创业培训", "是", "是", "是", ""
        elif kind == "duplicate":
            # copy an earlier, good, single row's person, district and activity
            j = i - 1
            while j in bad_set or paired[j]:
                j -= 1
            ids[i], dist_text[i], act_text[i] = ids[j], dist_text[j], act_text[j]
            passed[i], served[i], started[i], start[i] = passed[j], served[j], started[j], start[j]
        bad.append((i + 2, HEADERS[key], kind))
    cols = {
        HEADERS["id_number"]: ids,
        HEADERS["name"]: names,
        HEADERS["district_code"]: dist_text,
        HEADERS["group"]: groups,
        HEADERS["activity"]: act_text,
        HEADERS["end_date"]: end,
        HEADERS["passed"]: passed,
        HEADERS["served"]: served,
        HEADERS["started"]: started,
        HEADERS["start_date"]: start,
        HEADERS["credit_code"]: credit,
    }
    table = pa.table({k: pa.array(v, pa.string()) for k, v in cols.items()})
    pacsv.write_csv(table, path, write_options=pacsv.WriteOptions(quoting_style="none"))
    return bad


def _run(cmd: list[str], out_path: Path, env: Optional[dict] = None) -> tuple[float, int, int, float]:
    """(wall seconds, exit status, peak RSS in MB, CPU seconds: user + system) of one process.

    The peak is measured by /usr/bin/time (a small fresh parent): a child forked
    from this big process would inherit its ru_maxrss. CPU time is steadier than
    wall time on a shared machine, so it is reported beside it.
    """
    timed = ["/usr/bin/time", "-f", "%M %U %S", "-o", str(out_path) + ".rss"] if os.path.exists("/usr/bin/time") else []
    with open(out_path, "wb") as out:
        t = time.perf_counter()
        p = subprocess.run(timed + cmd, stdout=out, stderr=subprocess.DEVNULL, env=env)
        wall = time.perf_counter() - t
    if timed:
        peak_kb, user, system = Path(str(out_path) + ".rss").read_text().split()[-3:]
        return wall, p.returncode, int(peak_kb) // 1024, float(user) + float(system)
    import resource  # pragma: no cover - inherited maxrss: an upper bound only

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, p.returncode, usage.ru_maxrss // 1024, float("nan")


BASELINE = (
    "import sys, time, pyarrow.csv as c\n"
    "t = time.perf_counter(); tb = c.read_csv(sys.argv[1]); d = time.perf_counter() - t\n"
    "print(d, tb.num_rows)\n"
)


def _roster(path: Path, out: Path, src: Optional[Path] = None) -> tuple[float, int, int, float]:
    env = None if src is None else {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, "-m", "chuangye_cli", "roster", str(path), "--format", "json", "--quiet", "--lang", "en"]
    return _run(cmd, out, env)


def bench(rows: int, workdir: Path, repeats: int, base_src: Optional[Path] = None) -> dict:
    path = workdir / f"roster_{rows}.csv"
    t = time.perf_counter()
    listed = workdir / f"roster_{rows}.bad.json"
    if path.exists() and listed.exists():  # kept from an earlier run (--keep)
        bad = [tuple(b) for b in json.loads(listed.read_text())]
    else:
        bad = generate(path, rows)
        listed.write_text(json.dumps(bad, ensure_ascii=False))
    gen_s = time.perf_counter() - t
    size_mb = path.stat().st_size / 2**20
    out = workdir / "out.json"
    base_read, base_proc, base_mem, base_cpu, ours, our_mem, our_cpu = [], [], [], [], [], [], []
    tree: dict[str, list] = {"wall": [], "cpu": [], "mb": []}  # --base: the other tree's roster process
    for _ in range(repeats):
        wall, code, mem, cpu = _run([sys.executable, "-c", BASELINE, str(path)], out)
        read_s, nrows = out.read_text().split()
        base_read.append(float(read_s))
        base_proc.append(wall)
        base_mem.append(mem)
        base_cpu.append(cpu)
        if base_src is not None:
            wall, _, mem, cpu = _roster(path, workdir / "out_base.json", base_src)
            tree["wall"].append(wall)
            tree["cpu"].append(cpu)
            tree["mb"].append(mem)
        wall, code, mem, cpu = _roster(path, out)
        ours.append(wall)
        our_mem.append(mem)
        our_cpu.append(cpu)
    report = json.loads(out.read_text())
    reverse = {v: k for k, v in HEADERS.items()}
    got = {(e["row"], e["column"]) for e in report["errors"]}
    want = {(r, c) for r, c, _ in bad}
    missed = sorted(want - got)
    invented = sorted(got - want)
    masked_ok = all(e["value"] is None or "*" in e["value"] for e in report["errors"] if reverse.get(e["column"]) in ("id_number", "name"))
    best, base, proc = min(ours), min(base_read), min(base_proc)
    med = statistics.median
    compared = {}
    if base_src is not None:
        compared = {
            "base_process_s": round(min(tree["wall"]), 3),
            "base_ratio_vs_read": round(min(tree["wall"]) / base, 2),
            "base_process_cpu_s": round(min(tree["cpu"]), 2),
            "base_median_s": round(med(tree["wall"]), 3),
            "base_median_cpu_s": round(med(tree["cpu"]), 2),
            "base_process_s_all": [round(x, 2) for x in tree["wall"]],
            "peak_mb_base": max(tree["mb"]),
            "same_output_as_base": (workdir / "out_base.json").read_bytes() == out.read_bytes(),
        }
    return {
        "rows": rows,
        "file_mb": round(size_mb, 1),
        "generate_s": round(gen_s, 1),
        "pyarrow_read_s": round(base, 3),
        "pyarrow_process_s": round(proc, 3),
        "roster_process_s": round(best, 3),
        "ratio_vs_read": round(best / base, 2),
        "ratio_vs_read_process": round(best / proc, 2),
        "rows_per_s": int(rows / best),
        "pyarrow_process_cpu_s": round(min(base_cpu), 2),
        "roster_process_cpu_s": round(min(our_cpu), 2),
        "cpu_ratio": round(min(our_cpu) / min(base_cpu), 2),
        "median_ratio_vs_read": round(med(ours) / med(base_read), 2),
        "roster_median_s": round(med(ours), 3),
        "roster_median_cpu_s": round(med(our_cpu), 2),
        "pyarrow_read_median_s": round(med(base_read), 3),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "roster_process_s_all": [round(x, 2) for x in ours],
        "pyarrow_read_s_all": [round(x, 2) for x in base_read],
        "peak_mb_roster": max(our_mem),
        "peak_mb_pyarrow": max(base_mem),
        "exit_code": code,
        "bad_rows": len(want),
        "errors_reported": len(report["errors"]),
        "missed": len(missed),
        "invented": len(invented),
        "examples_missed": missed[:5],
        "examples_invented": invented[:5],
        "id_values_masked": masked_ok,
        **compared,
    }


def unclosed_quote(rows: int, workdir: Path, repeats: int, clean_s: float) -> dict:
    """The roster with a quote left open in one row's name: every other row still read, at its own number."""
    path, listed = workdir / f"roster_{rows}.csv", workdir / f"roster_{rows}.bad.json"
    bad = [tuple(b) for b in json.loads(listed.read_text())]
    taken = {r for r, _, _ in bad}
    # a row no bad row follows closely (a duplicate copies the good row just before it)
    row = next(r for r in range(min(100_002, rows - 20), rows + 2) if not taken & set(range(r - 1, r + 21)))
    lines = path.read_bytes().split(b"\n")
    cells = lines[row - 1].split(b",")
    cells[1] = b'"' + cells[1]
    lines[row - 1] = b",".join(cells)
    quoted = workdir / f"roster_{rows}_unclosed.csv"
    quoted.write_bytes(b"\n".join(lines))
    out = workdir / "out_unclosed.json"
    walls = []
    for _ in range(repeats):
        cmd = [sys.executable, "-m", "chuangye_cli", "roster", str(quoted), "--format", "json", "--quiet"]
        cmd += ["--lang", "en"]
        wall, code, mem, cpu = _run(cmd, out)
        walls.append(wall)
    quoted.unlink()
    report = json.loads(out.read_text())
    got = {(e["row"], e["column"], e["code"]) for e in report["errors"]}
    want = {(r, c) for r, c, _ in bad}
    quote = (row, HEADERS["name"], "file-csv-unclosed-quote")
    others = {(r, c) for r, c, _ in got - {quote}}
    return {
        "unclosed_quote_row": row,
        "rows_read": report["rows"],
        "rows_expected": rows - 1,
        "quote_error_reported": quote in got,
        "missed": len(want - others),
        "invented": len(others - want),
        "roster_process_s": round(min(walls), 3),
        "ratio_vs_clean_file": round(min(walls) / clean_s, 2),
        "peak_mb_roster": mem,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, action="append", help="rows per roster (repeatable); default 1,000,000")
    ap.add_argument("--repeats", type=int, default=3, help="timed runs of each process; the best is reported")
    ap.add_argument("--keep", type=Path, help="write the generated rosters here instead of a temporary folder")
    ap.add_argument("--unclosed-quote", action="store_true", help="also time a copy with a quote left open in one row")
    ap.add_argument("--base", type=Path, help="also time another tree's src (PYTHONPATH) in the same loop")
    args = ap.parse_args()
    sizes = args.rows or [1_000_000]
    ok = True
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for rows in sizes:
            r = bench(rows, workdir, args.repeats, args.base)
            print(json.dumps(r, ensure_ascii=False))
            print(
                f"{rows:>10,} rows  {r['file_mb']:>7} MB  pyarrow read {r['pyarrow_read_s']:.2f}s "
                f"(process {r['pyarrow_process_s']:.2f}s)  chuangye roster {r['roster_process_s']:.2f}s  "
                f"ratio {r['ratio_vs_read']:.2f}x read / {r['ratio_vs_read_process']:.2f}x process  "
                f"{r['rows_per_s']:,} rows/s  CPU {r['roster_process_cpu_s']:.1f}s vs {r['pyarrow_process_cpu_s']:.1f}s "
                f"({r['cpu_ratio']:.2f}x)  peak {r['peak_mb_roster']} MB (pyarrow {r['peak_mb_pyarrow']} MB)  "
                f"bad rows {r['bad_rows']}: missed {r['missed']}, invented {r['invented']}",
                flush=True,
            )
            ok &= r["missed"] == 0 and r["invented"] == 0 and r["id_values_masked"]
            if args.unclosed_quote:
                q = unclosed_quote(rows, workdir, args.repeats, r["roster_process_s"])
                print(json.dumps(q, ensure_ascii=False), flush=True)
                ok &= q["quote_error_reported"] and q["rows_read"] == q["rows_expected"]
                ok &= not q["missed"] and not q["invented"]
            if not args.keep:
                (workdir / f"roster_{rows}.csv").unlink()
                (workdir / f"roster_{rows}.bad.json").unlink()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
