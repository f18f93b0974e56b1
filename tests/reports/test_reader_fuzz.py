"""Fuzz the readers through ``chuangye check``: bad input never crashes and never misleads.

For every input: no traceback, exit code 0, 1 or 3, JSON on stdout in both languages, and every
error names the file and says in words (zh and en) what is wrong. Hypothesis runs with a fixed
seed and a bounded example count; the big inputs (10,000 columns, a 50 MB line) are built once.
"""

from __future__ import annotations

import codecs
import json
import random
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chuangye_cli.cli import main
from chuangye_cli.core.i18n import PROBLEMS
from chuangye_cli.reports import reader as readers
from gen_reports import valid_rows, write_report

FUZZ = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
#: examples that end in a full valid run (pandas, every target) cost more: fewer of them
FUZZ_VALID = settings(FUZZ, max_examples=10)
CJK = re.compile(r"[\u4e00-\u9fff]")


def check(*args: str):
    return CliRunner().invoke(main, ["check", *map(str, args)])


def assert_clean(*paths: Path, extra: tuple[str, ...] = ()) -> dict:
    """Run check in zh and en (JSON) and once as a table; every property of a clean failure holds.

    Returns the English JSON document.
    """
    shown = [str(p) for p in paths]
    docs = {}
    for lang in ("zh", "en"):
        result = check(*shown, *extra, "--format", "json", "--lang", lang)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 1, 3), (result.exit_code, result.stderr)
        doc = json.loads(result.stdout)
        assert doc["exit_code"] == result.exit_code
        assert (result.exit_code == 3) == bool(doc["errors"])
        for err in doc["errors"]:
            assert err["file"], err
            assert any(err["file"] == s or err["file"].startswith(s.rstrip("/") + "/") for s in shown), err
            message = err["message"]
            assert message and message != err["code"] and err["code"] in PROBLEMS, err
            assert not re.search(r"\{[a-z_]+\}", message), f"unfilled placeholder: {message}"
            if lang == "zh":
                assert CJK.search(message), message
        docs[lang] = doc
    zh, en = docs["zh"], docs["en"]
    assert [(e["file"], e["row"], e["code"]) for e in zh["errors"]] == [
        (e["file"], e["row"], e["code"]) for e in en["errors"]
    ]
    assert [e["message"] for e in zh["errors"]] != [e["message"] for e in en["errors"]] or not en["errors"]
    table = check(*shown, *extra, "--lang", "en")
    assert table.exception is None or isinstance(table.exception, SystemExit), repr(table.exception)
    assert table.exit_code == en["exit_code"]
    return en


def codes(doc: dict) -> list[str]:
    return [e["code"] for e in doc["errors"]]


def valid_csv_text(seed: int = 7, rows: int = 6) -> str:
    """A valid report (Chinese headers) as text: the seed of every mutation."""
    rnd = random.Random(seed)
    data = valid_rows(rnd, districts=[("370103", "市中区")], optional=False)[:rows]
    with tempfile.TemporaryDirectory() as d:
        return write_report(Path(d) / "a.csv", data).read_bytes().decode("utf-8")


BASE_TEXT = valid_csv_text()


# --------------------------------------------------------------------------- hypothesis


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes(raw, suffix):
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"r{suffix}"
        f.write_bytes(raw)
        doc = assert_clean(f)
        assert doc["exit_code"] == 3  # random bytes are never a valid report


INSERTS = st.sampled_from(
    [
        "\x00", "\ufeff", "\u200b", "\u202e", '"', '""', "\r", "\n", "\r\n", ",", "\t", "=1+1", "9" * 400,
        "-5", "1,234", "12.0", "12.5", "😀", "مرحبا", "一千", "NaN", "inf", "\x1a", "\\", "'",
    ]
)  # fmt: skip


@st.composite
def mutated(draw):
    """A valid report with a few edits at random places, in a random encoding, maybe truncated."""
    text = BASE_TEXT
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "text"]))
        if kind == "insert":
            text = text[:at] + draw(INSERTS) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        else:
            text = text[:at] + draw(st.text(max_size=12)) + text[at:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    raw = text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")
    if draw(st.booleans()):
        raw = raw[: draw(st.integers(0, len(raw)))]  # truncated, maybe inside a character
    return raw


@FUZZ
@given(mutated())
def test_mutated_valid_report(raw):
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "m.csv"
        f.write_bytes(raw)
        assert_clean(f)


@FUZZ_VALID
@given(st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=6), st.sampled_from(["utf-8", "gb18030"]))
def test_odd_headers(extra_headers, encoding):
    """Unknown headers (any Unicode: emoji, RTL, control characters) are warnings, never a crash."""
    lines = BASE_TEXT.split("\r\n")
    lines[0] += "," + ",".join('"' + h.replace('"', '""') + '"' for h in extra_headers)
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "h.csv"
        f.write_bytes("\r\n".join(lines).encode(encoding, errors="replace"))
        assert_clean(f)


CELLS = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**400), 10**400).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["=1+1", "=SUM(A1:A3)", "1,234", "1,23,4", "12.0", "1e3", "０１２", "１２３４", "—", "٣"]),
)  # fmt: skip


@FUZZ_VALID
@given(st.integers(0, 5), st.integers(0, 21), CELLS, st.sampled_from(["csv", "xlsx"]))
def test_odd_cells(row, column, value, fmt):
    """Any text in any cell, in CSV or .xlsx: a named error for that cell, or a valid run."""
    rows = valid_rows(random.Random(3), districts=[("370104", "槐荫区")])[:6]
    key = list(rows[0])[column % len(rows[0])]
    if fmt == "xlsx":
        value = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", value)  # openpyxl cannot store these
    rows[row % len(rows)][key] = value
    with tempfile.TemporaryDirectory() as d:
        f = write_report(Path(d) / f"c.{fmt}", rows, fmt=fmt)
        doc = assert_clean(f)
        for err in doc["errors"]:
            if err["code"] not in ("duplicate-report",):
                assert err["row"] == (row % len(rows)) + 2, err


# --------------------------------------------------------------------------- the named hard cases


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """The expensive inputs, written once for the module."""
    d = tmp_path_factory.mktemp("big")
    huge = d / "line50mb.csv"
    with open(huge, "wb") as fh:
        chunk = b"1," * (2**20 // 2)
        for _ in range(50):
            fh.write(chunk)
    under = d / "line19mb.csv"
    under.write_bytes(b"x" * (19 * 2**20))
    wide = d / "wide.csv"
    header = ["行政区划代码", "年度", "季度"] + [f"列{i}" for i in range(10_000)]
    wide.write_text(
        ",".join(header) + "\r\n" + ",".join(["370103", "2009", "1"] + ["1"] * 10_000) + "\r\n", encoding="utf-8"
    )
    return {"huge": huge, "under": under, "wide": wide}


def test_50mb_single_line_is_refused_before_reading(big, monkeypatch):
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda f, *a, **k: opened.append(str(f)) or real_open(f, *a, **k))
    doc = assert_clean(big["huge"])
    assert codes(doc) == ["file-too-large"]
    assert str(big["huge"]) not in opened  # never opened, let alone read
    assert "52,428,800" in doc["errors"][0]["message"]


def test_19mb_single_field_under_the_size_limit(big):
    doc = assert_clean(big["under"])
    assert codes(doc) == ["file-csv-syntax"]
    assert doc["errors"][0]["row"] == 1


def test_10000_columns(big):
    doc = assert_clean(big["wide"])
    assert codes(doc) == ["file-too-wide"]
    assert doc["errors"][0]["row"] == 1 and "10003" in doc["errors"][0]["message"]


def _lines(text: str = BASE_TEXT) -> list[str]:
    return text.split("\r\n")


def test_400_digit_number(tmp_path):
    lines = _lines()
    cells = lines[1].split(",")
    cells[4] = "9" * 400  # 创业指导人数
    lines[1] = ",".join(cells)
    f = tmp_path / "digits.csv"
    f.write_text("\r\n".join(lines), encoding="utf-8")
    doc = assert_clean(f)
    assert [(e["code"], e["row"], e["column"]) for e in doc["errors"]] == [("too-large", 2, "创业指导人数")]


def test_formula_text(tmp_path):
    lines = _lines()
    cells = lines[2].split(",")
    cells[5] = "=1+1"  # 创业培训人数
    lines[2] = ",".join(cells)
    f = tmp_path / "formula.csv"
    f.write_text("\r\n".join(lines), encoding="utf-8")
    doc = assert_clean(f)
    assert [(e["code"], e["row"], e["column"], e["value"]) for e in doc["errors"]] == [
        ("not-integer", 3, "创业培训人数", "=1+1")
    ]


def test_formula_in_xlsx_without_cached_value(tmp_path):
    """openpyxl writes no cached result: the formula is named as having no saved value (issue 13), not "empty"."""
    rows = valid_rows(random.Random(5), districts=[("370104", "槐荫区")])[:3]
    rows[1]["trained"] = "=1+1"
    f = write_report(tmp_path / "formula.xlsx", rows, fmt="xlsx")
    doc = assert_clean(f)
    assert [(e["code"], e["row"], e["column"], e["value"]) for e in doc["errors"]] == [
        ("xlsx-formula-no-value", 3, "创业培训人数", "=1+1")
    ]


def test_emoji_and_rtl_headers(tmp_path):
    lines = _lines()
    lines[0] += ",😀👍🏽,مرحبا,\u202eabc"
    f = tmp_path / "emoji.csv"
    f.write_text("\r\n".join(lines), encoding="utf-8")
    doc = assert_clean(f)
    assert doc["errors"] == []
    assert [(w["code"], w["column"]) for w in doc["warnings"] if w["code"] == "unknown-column"] == [
        ("unknown-column", "😀👍🏽"),
        ("unknown-column", "مرحبا"),
        ("unknown-column", "\u202eabc"),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_truncated_inside_a_character(tmp_path, encoding):
    """Cut in the middle of the last Chinese character: an error, never mojibake read as data."""
    text = BASE_TEXT.rstrip("\r\n") + "\r\n370103,市中区,2010,4,1,1,1,1,1,1,1,1,1,1,1,1,未达到"
    raw = text.encode(encoding)
    f = tmp_path / "cut.csv"
    f.write_bytes(raw[:-1])
    doc = assert_clean(f)
    assert doc["exit_code"] == 3


def test_nul_byte(tmp_path):
    f = tmp_path / "nul.csv"
    f.write_bytes(BASE_TEXT.encode("utf-8").replace(b",", b",\x00", 1))
    assert codes(assert_clean(f)) == ["file-binary"]


def test_mixed_line_endings_read_like_uniform_ones(tmp_path):
    rnd = random.Random(11)
    lines = [ln for ln in _lines() if ln]
    mixed = "".join(ln + rnd.choice(["\r", "\n", "\r\n"]) for ln in lines)
    a, b = tmp_path / "mixed.csv", tmp_path / "uniform.csv"
    a.write_text(mixed, encoding="utf-8", newline="")
    b.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
    da, db = assert_clean(a), assert_clean(b)
    assert da["results"] == db["results"] and da["files"][0]["rows"] == db["files"][0]["rows"] == len(lines) - 1


# --------------------------------------------------------------------------- regressions (bugs found here)


def test_unclosed_quote_is_an_error_not_swallowed_rows(tmp_path):
    """Bug: a quote opened in a remark and never closed swallowed every later row into one cell
    (silently: the run succeeded on fewer rows)."""
    lines = _lines()
    cells = lines[2].split(",")
    cells[-1] = '"' + cells[-1] + "（待核）"  # the last column opens a quote and never closes it
    lines[2] = ",".join(cells)
    f = tmp_path / "quote.csv"
    f.write_text("\r\n".join(lines), encoding="utf-8")
    doc = assert_clean(f)
    assert [(e["code"], e["row"]) for e in doc["errors"]] == [("file-csv-unclosed-quote", 3)]
    assert doc["results"] == []


def test_text_after_closing_quote_still_read_leniently(tmp_path):
    """The unclosed-quote check must not reject what the lenient reader accepted before."""
    lines = _lines()
    cells = lines[1].split(",")
    cells[1] = '"市中"区'
    lines[1] = ",".join(cells)
    f = tmp_path / "lenient.csv"
    f.write_text("\r\n".join(lines), encoding="utf-8")
    assert assert_clean(f)["errors"] == []


@pytest.mark.parametrize("mark", ["\ufeff", "\u200b", "\u200e", "\u2060"])
def test_invisible_characters_do_not_break_numbers_or_headers(tmp_path, mark):
    """Bug: "\\ufeff162" (a BOM from a concatenated export, a zero-width space from copy-paste) was
    rejected as "not a whole number" while it displays as 162; a header with one was unknown."""
    clean = tmp_path / "clean.csv"
    clean.write_text(BASE_TEXT, encoding="utf-8")
    lines = _lines()
    cells = lines[1].split(",")
    cells[4] = mark + cells[4]
    lines[1] = ",".join(cells)
    lines[0] = lines[0].replace("年度", mark + "年度")
    dirty = tmp_path / "dirty.csv"
    dirty.write_text("\r\n".join(lines), encoding="utf-8")
    a, b = assert_clean(clean), assert_clean(dirty)
    assert b["errors"] == []
    assert b["results"] == a["results"]


def test_too_many_rows(tmp_path):
    """Bug: a 15 MB file of 200,000 rows (under the size limit) took over 30 s and 1 GB."""
    line = BASE_TEXT.split("\r\n")[1]
    f = tmp_path / "rows.csv"
    f.write_text(BASE_TEXT.split("\r\n")[0] + "\r\n" + (line + "\r\n") * (readers.MAX_ROWS + 5), encoding="utf-8")
    doc = assert_clean(f)
    assert [(e["code"], e["row"]) for e in doc["errors"]] == [("file-too-many-rows", readers.MAX_ROWS + 1)]


def test_xlsx_with_broken_content_types_is_read_by_its_parts(tmp_path):
    """The reader (python-calamine) finds the parts by the workbook's relationships, not [Content_Types].xml."""
    f = _xlsx_with(tmp_path, "ct.xlsx", lambda item, data: b"<x" if item == "[Content_Types].xml" else data)
    doc = assert_clean(f)
    written = len(valid_rows(random.Random(2), districts=[("370105", "天桥区")])[:3])
    assert codes(doc) == [] and doc["files"][0]["rows"] == written


def _xlsx_with(tmp_path: Path, name: str, change) -> Path:
    good = write_report(
        tmp_path / "good.xlsx", valid_rows(random.Random(2), districts=[("370105", "天桥区")])[:3], fmt="xlsx"
    )
    out = tmp_path / name
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.namelist():
            data = change(item, zin.read(item))
            if data is not None:
                zout.writestr(item, data)
    return out


@pytest.mark.parametrize(
    "part, change",
    [
        ("xl/worksheets/sheet1.xml", lambda b: b[: len(b) // 2]),
        ("xl/worksheets/sheet1.xml", lambda b: b"<<<not xml"),
        ("xl/worksheets/sheet1.xml", lambda b: None),
        ("xl/workbook.xml", lambda b: b"garbage"),
        ("xl/styles.xml", lambda b: b"<x"),
        ("xl/_rels/workbook.xml.rels", lambda b: b"<x"),
    ],
    ids=["sheet-truncated", "sheet-garbage", "no-sheet", "workbook-garbage", "styles-garbage", "rels"],
)
def test_corrupt_xlsx_is_a_named_error(tmp_path, part, change):
    """Bug: broken XML inside an .xlsx raised ParseError (a workbook without sheets IndexError): exit 4."""
    f = _xlsx_with(tmp_path, "bad.xlsx", lambda item, data: change(data) if item == part else data)
    doc = assert_clean(f)
    assert codes(doc) == ["file-xlsx-invalid"]
    assert doc["errors"][0]["file"] == str(f)


def test_xlsx_zip_bomb_refused_before_parsing(tmp_path, monkeypatch):
    f = write_report(
        tmp_path / "ok.xlsx", valid_rows(random.Random(2), districts=[("370105", "天桥区")])[:3], fmt="xlsx"
    )
    with zipfile.ZipFile(f) as z:
        unpacked = sum(i.file_size for i in z.infolist())
    monkeypatch.setattr(readers, "MAX_XLSX_UNPACKED", unpacked - 1)
    doc = assert_clean(f)
    assert codes(doc) == ["file-too-large"] and f"{unpacked:,}" in doc["errors"][0]["message"]
    monkeypatch.setattr(readers, "MAX_XLSX_UNPACKED", unpacked)
    assert assert_clean(f)["errors"] == []


def test_bom_in_the_middle_of_concatenated_exports(tmp_path):
    """Two exports pasted together: the second header (after its BOM) starts a second table (tables
    stacked in one sheet), whose rows are the same reports sent twice, counted once (a warning each)."""
    raw = codecs.BOM_UTF8 + BASE_TEXT.encode("utf-8")
    f = tmp_path / "cat.csv"
    f.write_bytes(raw + raw)
    doc = assert_clean(f)
    header_row = len(_lines())  # header + data rows + the second header (the last split item is "")
    assert doc["errors"] == []
    later = [(e["code"], e["row"]) for e in doc["warnings"] if (e["row"] or 0) > header_row]
    assert later == [("duplicate-identical", r) for r in range(header_row + 1, 2 * header_row - 1)]
    assert [x["rows"] for x in doc["files"]] == [header_row - 2] * 2
