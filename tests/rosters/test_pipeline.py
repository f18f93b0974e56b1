"""Roster rules (issue 5): the pydantic model, the vectorised pass derived from it, duplicates,
distinct counts and reconciliation."""

from __future__ import annotations

import csv
import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from stdnum.cn import ric

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.plan.loader import load_plan
from chuangye_cli.reports.rows import ReportRow
from chuangye_cli.rosters.context import RosterContext
from chuangye_cli.rosters.fastchecks import fast_check, fast_ids
from chuangye_cli.rosters.people import distinct_people
from chuangye_cli.rosters.pipeline import validate_rosters
from chuangye_cli.rosters.privacy import mask_id, mask_name
from chuangye_cli.rosters.reader import string_array
from chuangye_cli.rosters.reconcile import reconcile
from chuangye_cli.rosters.rules import RosterRow, normalise_id
from conftest import FIXTURES
from rosters.idnumbers import id_problem, make_id

ROSTERS = FIXTURES / "roster"
KEYS = [
    "id_number",
    "name",
    "district_code",
    "group",
    "activity",
    "end_date",
    "passed",
    "served",
    "started",
    "start_date",
    "credit_code",
]


@pytest.fixture(scope="module")
def context() -> RosterContext:
    return RosterContext.from_plan(load_plan())


# --------------------------------------------------------------------------- masking


def test_mask_id_keeps_six_and_four():
    assert mask_id("37010219800101123X") == "370102********123X"
    assert mask_id("370102800202002") == "370102*****2002"
    assert mask_id("12345678") == "12****78"
    assert mask_id(None) == ""


def test_mask_name_keeps_first_character_and_hides_length():
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳小明") == "欧*"
    assert mask_name("") == ""


# --------------------------------------------------------------------------- the ID rule (stdnum is the reference)


def test_id_fifteen_digits_upgraded_to_eighteen():
    assert normalise_id("370102800202002") == make_id("37010219800202002")


def test_id_lower_case_x_accepted_and_upper_cased():
    x = next(make_id(f"37010219850101{i:03d}") for i in range(1000) if make_id(f"37010219850101{i:03d}").endswith("X"))
    assert normalise_id(x.lower()) == x


@pytest.mark.parametrize(
    "value, code",
    [
        ("370102198001010016", "roster-id-checksum"),
        ("37010219800101001", "roster-id-length"),
        ("3701021980010100A5", "roster-id-format"),
        (make_id("37010219801301001"), "roster-id-birth-date"),
        ("37010280020200A", "roster-id-format"),
        ("370102801302002", "roster-id-birth-date"),
    ],
)
def test_id_problems(value, code):
    assert id_problem(value) == code


_ID_PREFIXES = ["370102", "370112", "370181", "110101", "440305", "000000"]


@st.composite
def id_candidates(draw):
    """Valid ID numbers, and the same numbers corrupted in the ways people corrupt them."""
    prefix = draw(st.sampled_from(_ID_PREFIXES))
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2009, 12, 31)))
    order = draw(st.integers(0, 999))
    valid = make_id(f"{prefix}{day:%Y%m%d}{order:03d}")
    kind = draw(
        st.sampled_from(
            [
                "valid",
                "lower",
                "digit",
                "check",
                "swap",
                "letter",
                "cut",
                "extra",
                "fifteen",
                "date",
                "spaced",
                "scientific",
                "random",
            ]
        )
    )
    pos = draw(st.integers(0, 17))
    if kind == "valid":
        return valid
    if kind == "lower":
        return valid.lower()
    if kind == "digit":
        return (
            valid[:pos]
            + str((int(valid[pos]) + draw(st.integers(1, 9))) % 10 if valid[pos].isdigit() else 1)
            + valid[pos + 1 :]
        )
    if kind == "check":
        return valid[:17] + draw(st.sampled_from("0123456789Xx"))
    if kind == "swap":
        p = min(pos, 16)
        return valid[:p] + valid[p + 1] + valid[p] + valid[p + 2 :]
    if kind == "letter":
        return valid[:pos] + draw(st.sampled_from("AXxO-")) + valid[pos + 1 :]
    if kind == "cut":
        return valid[: draw(st.integers(0, 17))]
    if kind == "extra":
        return valid + draw(st.sampled_from("0X1"))
    if kind == "fifteen":
        return f"{prefix}{day:%y%m%d}{order:03d}"
    if kind == "date":
        return make_id(f"{prefix}{day.year:04d}{draw(st.integers(0, 19)):02d}{draw(st.integers(0, 39)):02d}{order:03d}")
    if kind == "spaced":  # 370102 19850615 2027
        cut = draw(st.integers(1, 17))
        return valid[:cut] + draw(st.sampled_from([" ", "  ", "\u3000", "\t"])) + valid[cut:]
    if kind == "scientific":  # a number cell exported as text: 3.70102E+17, 3.70102198506152E17
        digits = draw(st.integers(1, 15))
        text = f"{int(valid[:17]) * 10:.{digits - 1}E}"
        return text.replace("E+", draw(st.sampled_from(["E+", "E", "e+"])))
    return draw(st.text(alphabet="0123456789Xx", min_size=14, max_size=19))


@settings(max_examples=400, derandomize=True, deadline=None)
@given(id_candidates())
def test_vectorised_id_check_agrees_with_stdnum_reference(value):
    ok, id17 = fast_ids(string_array([value]))
    assert bool(ok[0]) == (id_problem(value) is None)
    if ok[0]:
        assert int(id17[0]) == int(normalise_id(value)[:17])


@settings(max_examples=200, derandomize=True, deadline=None)
@given(id_candidates())
def test_vectorised_id_check_agrees_with_stdnum_is_valid_where_the_birth_place_exists(value):
    # 370102 (历下区) exists from 1983 on: there stdnum's full validate() applies unchanged
    if not value.startswith("370102") or len(value) != 18 or not value[6:10].isdigit() or int(value[6:10]) < 1983:
        return
    ok, _ = fast_ids(string_array([value]))
    assert bool(ok[0]) == ric.is_valid(value)


def test_fast_ids_never_accepts_what_it_does_not_normalise():
    padded = " " + make_id("37010219800101001")
    ok, _ = fast_ids(string_array([padded, "３７０１０２１９８００１０１００１５"]))
    assert not ok.any()
    assert id_problem(padded) is None  # pydantic strips it: the row goes to pydantic, which accepts it


IMPOSSIBLE_BIRTH_DATES = [
    make_id("37010219850431001"),  # April 31
    make_id("37010219810229001"),  # Feb 29 of a year that is not a leap year
    make_id("37010219000229001"),  # 1900: divisible by 100, not by 400
    make_id("37010219850631001"),  # June 31
    "370102850431001",  # April 31, first generation (15 digits, no check character)
]


def test_an_impossible_birth_date_with_a_valid_check_character_is_refused(tmp_path, context):
    """Each number's check character is right: only the calendar refuses it, in both passes."""
    assert make_id("37010219850430001")[:17] == "37010219850430001" and id_problem(make_id("37010220000229001")) is None
    assert [id_problem(v) for v in IMPOSSIBLE_BIRTH_DATES] == ["roster-id-birth-date"] * len(IMPOSSIBLE_BIRTH_DATES)
    ok, _ = fast_ids(string_array(IMPOSSIBLE_BIRTH_DATES + [make_id("37010220000229001")]))
    assert ok.tolist() == [False] * len(IMPOSSIBLE_BIRTH_DATES) + [True]  # 2000-02-29 is a day
    path = tmp_path / "dates.csv"
    path.write_text(
        "身份证号,姓名,行政区划代码,人员类别,参加类型,结业日期\n"
        + "".join(f"{v},张三,370102,其他,创业指导,2009-03-15\n" for v in IMPOSSIBLE_BIRTH_DATES),
        encoding="utf-8",
    )
    result = validate_rosters([str(path)], context)
    assert [(p.row, p.column, p.code, p.value) for p in result.errors] == [
        (2 + i, "身份证号", "roster-id-birth-date", mask_id(v)) for i, v in enumerate(IMPOSSIBLE_BIRTH_DATES)
    ]
    assert result.valid_rows == 0


# --------------------------------------------------------------------------- every row rule, through the whole path


def expected_bad() -> list[tuple[int, str, str]]:
    with open(ROSTERS / "bad_expected.csv", encoding="utf-8") as fh:
        return [(int(r["row"]), r["column"], r["code"]) for r in csv.DictReader(fh)]


def test_every_rule_reported_with_row_column_and_code(context):
    result = validate_rosters([str(ROSTERS / "bad.csv")], context)
    got = [(p.row, p.column, p.code) for p in result.errors]
    assert got == expected_bad()
    assert result.valid_rows == 0
    assert len(expected_bad()) == 18  # one row per rule


def test_good_rows_pass_with_their_warnings(context):
    result = validate_rosters([str(ROSTERS / "good.csv")], context)
    assert result.errors == []
    assert [(p.row, p.code) for p in result.warnings] == [(8, "roster-start-before-end"), (9, "roster-credit-code")]
    # row 10 is blank: skipped, and the next row keeps its spreadsheet number
    assert result.valid_rows == 9
    assert sorted(result.data.row.tolist()) == [2, 3, 4, 5, 6, 7, 8, 9, 11]
    assert result.distinct() == 8  # 张三 is in guidance and training
    assert result.distinct(activities=["training"]) == 5  # 张三 李四 赵六 孙八 周九


def test_gb18030_english_headers_and_title_row(context):
    result = validate_rosters([str(ROSTERS / "gbk_english.csv")], context)
    assert result.files[0].encoding == "gb18030"
    assert [(p.row, p.column, p.code) for p in result.errors] == [(6, "name", "missing-value")]
    assert result.valid_rows == 3


def test_xlsx_dates_numbers_and_row_numbers(context):
    result = validate_rosters([str(ROSTERS / "pingyin.xlsx")], context)
    assert [(p.row, p.column, p.code) for p in result.errors] == [(5, "身份证号", "roster-id-checksum")]
    assert result.valid_rows == 2
    counts = result.counts()
    assert counts[("370124", Quarter(2010, 1))] == {"guidance": 1, "trained": 1, "passed": 1, "served": 1, "started": 1}


def test_gb18030_found_late_in_a_big_file_restarts_as_gb18030(tmp_path, context):
    path = tmp_path / "late.csv"
    good = make_id("37010219790101001")
    lines = ["id_number,name,district_code,group,activity,end_date"]
    lines += [
        f"{make_id(f'3701021980{m:02d}{d:02d}{k:03d}')},Zhang,370102,other,guidance,2009-03-15"
        for m in range(1, 13)
        for d in range(1, 29)
        for k in range(20)
    ]
    lines.append(f"{good},张三,370102,其他,创业指导,2009-03-15")
    path.write_bytes(("\n".join(lines) + "\n").encode("gb18030"))
    assert path.stat().st_size > 2**18  # beyond the prefix read to find the header and encoding
    result = validate_rosters([str(path)], context)
    assert result.files[0].encoding == "gb18030"
    assert result.errors == []
    assert result.valid_rows == len(lines) - 1


def test_ragged_rows_and_line_breaks_in_cells_keep_spreadsheet_row_numbers(tmp_path, context):
    path = tmp_path / "ragged.csv"
    a, b, c = make_id("37010219800101001"), make_id("37010219800101002"), make_id("37010219800101003")
    path.write_text(
        "身份证号,姓名,行政区划代码,人员类别,参加类型,结业日期\n"
        f'{a},"张\n三",370102,其他,创业指导,2009-03-15\n'
        f"{b},李四,370102,其他\n"
        f"{c},,370102,其他,创业指导,2009-03-15\n",
        encoding="utf-8",
    )
    result = validate_rosters([str(path)], context)
    assert [(p.row, p.column, p.code) for p in result.errors] == [
        (3, "参加类型", "missing-value"),
        (3, "结业日期", "missing-value"),
        (4, "姓名", "missing-value"),
    ]


def test_missing_required_column_is_one_error_per_file(tmp_path, context):
    path = tmp_path / "no_name.csv"
    path.write_text(
        "身份证号,行政区划代码,人员类别,参加类型,结业日期\n"
        + f"{make_id('37010219800101001')},370102,其他,创业指导,2009-03-15\n" * 3,
        encoding="utf-8",
    )
    result = validate_rosters([str(path)], context)
    assert [(p.code, p.column) for p in result.errors] == [("missing-column", "姓名")]


# ---------------------------------------------------- the fast pass flags exactly what pydantic rejects

POOLS = {
    "id_number": [
        make_id("37010219800101001"),
        make_id("37010219900315005"),
        "370102800202002",
        "370102198001010016",
        "37010219800101",
        "ABC",
        "",
        make_id("37010219801301001"),
        "3.70102E+17",
        "370102 19800101 0015",
        make_id("37010220090601001"),
        make_id("37010220090315002"),
    ],  # born 2009-06-01, 2009-03-15
    "name": ["张三", "李小明", "", "长" * 51],
    "district_code": ["370102", "370181", "370199", "37010", ""],
    "group": ["登记失业人员", "高校毕业生", "返乡农民工", "其他", "graduate", "Other", "学生", ""],
    "activity": ["创业指导", "创业培训", "guidance", "Training", "讲座", ""],
    "end_date": [
        "2009-03-15",
        "2010-12-31",
        "2009-01-01",
        "2008-12-31",
        "2011-01-01",
        "2009-02-30",
        "2009-13-01",
        "nope",
        "",
    ],
    "passed": ["", "是", "否", "yes", "No", "也许"],
    "served": ["", "是", "否", "x"],
    "started": ["", "是", "否"],
    "start_date": ["", "2009-04-01", "2009-02-29", "2008-12-01"],
    "credit_code": ["", "91370102MA3C4F5G66", "junk"],
}


#: how many leading values of each pool are valid on their own
VALID_PREFIX = {"id_number": 3, "name": 2, "district_code": 2, "group": 6, "end_date": 3, "credit_code": 2}


def random_sample(n: int, seed: int) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        row = {k: rng.choice(v) for k, v in POOLS.items()}
        if rng.random() < 0.5:  # keep plenty of fully valid rows
            training = rng.random() < 0.5
            row.update({k: rng.choice(POOLS[k][:n_valid]) for k, n_valid in VALID_PREFIX.items()})
            row.update(activity="创业培训" if training else "创业指导", passed="", served="", started="", start_date="")
            if training:
                row.update(passed="是", served="是", started="是", start_date="2009-04-01")
        rows.append(row)
    return rows


def pydantic_invalid(rows: list[dict[str, str]], context: RosterContext) -> set[int]:
    bad = set()
    for i, row in enumerate(rows):
        try:
            RosterRow.model_validate({k: v for k, v in row.items() if v != ""}, context=context.validation_context)
        except ValidationError:
            bad.add(i)
    return bad


def test_fast_pass_flags_exactly_the_rows_pydantic_rejects(context):
    rows = random_sample(3000, seed=5)
    cols = {k: string_array([r[k] for r in rows]) for k in KEYS}
    flagged = {int(i) for i in (~fast_check(cols, context).certain).nonzero()[0]}
    invalid = pydantic_invalid(rows, context)
    assert 300 < len(invalid) < 2900  # the sample holds both kinds
    assert flagged == invalid


def test_fast_pass_agrees_on_every_id_with_every_end_date(context):
    """The rules between two cells (the ID's birth date not after the end date), on rows valid otherwise."""
    rows = [
        {
            **dict.fromkeys(KEYS, ""),
            "id_number": i,
            "name": "张三",
            "district_code": "370102",
            "group": "其他",
            "activity": "创业指导",
            "end_date": d,
        }
        for i in POOLS["id_number"]
        for d in POOLS["end_date"]
    ]
    cols = {k: string_array([r[k] for r in rows]) for k in KEYS}
    flagged = {int(i) for i in (~fast_check(cols, context).certain).nonzero()[0]}
    invalid = pydantic_invalid(rows, context)
    born_after = {
        (r["id_number"], r["end_date"])
        for n, r in enumerate(rows)
        if n in invalid and r["id_number"][6:14] > r["end_date"].replace("-", "")
    }
    assert (make_id("37010220090601001"), "2009-03-15") in born_after and (
        make_id("37010220090315002"),
        "2009-01-01",
    ) in born_after
    assert (make_id("37010220090315002"), "2009-03-15") not in born_after  # born on the end date
    assert flagged == invalid


def test_unusual_spellings_go_to_pydantic_which_decides(context):
    rows = [
        {
            **dict.fromkeys(KEYS, ""),
            "id_number": " " + make_id("37010219800101001"),
            "name": "张三",
            "district_code": " 370102 ",
            "group": "ＧＲＡＤＵＡＴＥ",
            "activity": "创业指导",
            "end_date": "2009年3月15日",
        },
    ]
    cols = {k: string_array([r[k] for r in rows]) for k in KEYS}
    assert not fast_check(cols, context).certain[0]
    assert pydantic_invalid(rows, context) == set()


# --------------------------------------------------------------------------- duplicates and distinct people


def test_duplicates_within_a_district_and_across_districts(context):
    d = ROSTERS / "dups"
    result = validate_rosters([str(d)], context)
    a, b = str(d / "a_lixia.csv"), str(d / "b_shizhong.csv")
    assert [(p.file, p.row, p.code, p.params["other_file"], p.params["other_row"]) for p in result.errors] == [
        (a, 3, "roster-duplicate", a, 2),
    ]
    assert result.errors[0].value == "370102********1115"
    assert [
        (p.file, p.row, p.params["code"], p.params["other_code"], p.params["other_row"]) for p in result.warnings
    ] == [
        (b, 2, "370103", "370102", 2),
        (b, 3, "370103", "370102", 4),
    ]
    msg = result.warnings[0].message("zh")
    assert "市中区" in msg and "历下区" in msg and "370102197505051115" not in msg
    # guidance and training of one person in one district is no duplicate (a_lixia rows 2 and 5)
    assert not any(p.row == 5 for p in result.problems)


@pytest.mark.parametrize("spill", [False, True])  # rows in memory; rows in bucket files (store.py)
def test_an_id_repeated_in_another_file_is_reported_naming_both_places(tmp_path, context, monkeypatch, spill):
    import chuangye_cli.rosters.store as roster_store

    if spill:
        monkeypatch.setattr(roster_store, "SPILL_ROWS", 1)
    person, other = make_id("37010219800101001"), make_id("37010219800101002")
    header = "身份证号,姓名,行政区划代码,人员类别,参加类型,结业日期,是否合格\n"
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text(
        header + f"{other},李四,370102,其他,创业指导,2009-03-15,\n{person},张三,370102,其他,创业指导,2009-03-15,\n",
        encoding="utf-8",
    )
    # b row 2: the same person, district and activity as a row 3 (an error); row 3: training, a legitimate repeat
    b.write_text(
        header + f"{person},张三,370102,其他,创业指导,2010-05-01,\n{person},张三,370102,其他,创业培训,2010-05-01,是\n",
        encoding="utf-8",
    )
    result = validate_rosters([str(a), str(b)], context)
    assert result.store is not None if spill else result.store is None
    assert [
        (p.code, p.file, p.row, p.column, p.value, p.params["other_file"], p.params["other_row"]) for p in result.errors
    ] == [
        ("roster-duplicate", str(b), 2, "身份证号", mask_id(person), str(a), 3),
    ]
    assert result.warnings == []
    message = result.errors[0].message("en")
    assert message.endswith(f"also {a} row 3") and person not in message  # the problem itself stands at b row 2


def test_distinct_people_by_activity_district_and_quarter(context):
    result = validate_rosters([str(ROSTERS / "dups")], context)
    data = result.data
    assert distinct_people(data, context) == 2
    assert distinct_people(data, context, codes=["370103"]) == 2
    assert distinct_people(data, context, activities=["trained"]) == 2
    assert distinct_people(data, context, until=Quarter(2009, 1)) == 1
    assert result.distinct_by_district() == {"370102": 2, "370103": 2}


def test_result_distinct_for_city_and_each_district_is_the_plain_count(context):
    """RosterResult.distinct reads each (activities, quarter) once for the city and all districts; the numbers
    are distinct_people's, whichever way the activities are spelled."""
    result = validate_rosters([str(ROSTERS / "dups"), str(ROSTERS / "good.csv")], context)
    data = result.data
    for activities in (["guidance", "training"], ["guidance", "trained"], ["trained"], ["guidance"]):
        for until in (None, Quarter(2009, 1), Quarter(2010, 4)):
            for codes in (None, *[[c] for c in context.codes], ["370102", "370103"]):
                assert result.distinct(activities, codes, until) == distinct_people(
                    data, context, activities, codes, until
                )
    assert result.distinct(["guidance", "trained"], ["370102"]) == result.distinct_by_district()["370102"] == 4


def _brute_force(
    rows: list[tuple[int, int, int]],
) -> tuple[int, dict[int, int], set[tuple[int, int]], set[tuple[int, int]]]:
    """The cross-row rules stated plainly over (id17, district, activity) rows in reading order:
    (distinct IDs, distinct IDs per district, duplicate errors (row, first row),
    other-district warnings (row, first row))."""
    first_place: dict[tuple[int, int, int], int] = {}
    first_of_id: dict[int, int] = {}
    districts_seen: dict[int, set[int]] = {}
    errors, warnings = set(), set()
    for i, (pid, d, a) in enumerate(rows):
        first_of_id.setdefault(pid, i)
        if (pid, d, a) in first_place:
            errors.add((i, first_place[(pid, d, a)]))
        else:
            first_place[(pid, d, a)] = i
        seen = districts_seen.setdefault(pid, set())
        if d not in seen:
            seen.add(d)
            if d != rows[first_of_id[pid]][1]:
                warnings.add((i, first_of_id[pid]))
    per_district: dict[int, int] = {}
    for pid, ds in districts_seen.items():
        for d in ds:
            per_district[d] = per_district.get(d, 0) + 1
    return len(first_of_id), per_district, errors, warnings


ROW = st.tuples(st.integers(0, 6), st.integers(0, 3), st.integers(0, 1))


@settings(max_examples=200, deadline=None)
@given(st.lists(ROW, max_size=40), st.sampled_from([10, 40]))
def test_one_sort_of_ids_states_the_cross_row_rules(rows, n_codes):
    """people() (one packed sort; the general path beyond 32 districts) and duplicate_problems agree with
    a plain statement of the rules: distinct counts, errors and warnings, each naming the first place."""
    import numpy as np

    from chuangye_cli.rosters.data import RosterData, RosterFileRead
    from chuangye_cli.rosters.people import people
    from chuangye_cli.rosters.pipeline import RosterResult, duplicate_problems

    ids = [37010219800101000 + 7919 * pid for pid, _, _ in rows]  # large 17-digit numbers, as real ones
    codes = tuple(f"{370100 + i:06d}" for i in range(n_codes))
    r = RosterContext(codes, codes, codes, dt.date(2009, 1, 1), dt.date(2010, 12, 31))
    n = len(rows)
    data = RosterData(
        id17=np.asarray(ids, dtype=np.int64),
        district=np.asarray([d for _, d, _ in rows], dtype=np.int16),
        activity=np.asarray([a for _, _, a in rows], dtype=np.int8),
        quarter=np.full(n, Quarter(2009, 1).index, dtype=np.int32),
        passed=np.full(n, -1, dtype=np.int8),
        served=np.full(n, -1, dtype=np.int8),
        started=np.full(n, -1, dtype=np.int8),
        file=np.zeros(n, dtype=np.int32),
        row=np.arange(2, n + 2, dtype=np.int64),
    )
    distinct, per_district, errors, warnings = _brute_force([(i, d, a) for i, (_, d, a) in zip(ids, rows)])
    found = people(data, n_codes)
    assert found.distinct == distinct
    assert {d: int(c) for d, c in enumerate(found.by_district) if c} == per_district
    result = RosterResult(r, files=[RosterFileRead("f.csv", "utf-8", n)], data=data)
    problems = duplicate_problems(result)
    assert {(p.row - 2, p.params["other_row"] - 2) for p in problems if p.code == "roster-duplicate"} == errors
    assert {
        (p.row - 2, p.params["other_row"] - 2) for p in problems if p.code == "roster-duplicate-district"
    } == warnings
    assert len(problems) == len(errors) + len(warnings)


# --------------------------------------------------------------------------- reconciliation


def report(code: str, year: int, quarter: int, **figures: int) -> ReportRow:
    base = {
        k: 0
        for k in (
            "guidance",
            "trained",
            "passed",
            "served",
            "started",
            "new_individual_businesses",
            "new_private_enterprises",
            "new_jobs",
            "survival_tracked",
            "survival_alive",
            "city_incubators",
            "local_incubators",
        )
    }
    return ReportRow.model_validate(
        {"district_code": code, "year": year, "quarter": quarter, "provincial_standard": "达到", **base, **figures}
    )


def test_reconciliation_lists_every_difference(context):
    result = validate_rosters([str(ROSTERS / "good.csv")], context)
    reports = [
        report("370102", 2009, 1, guidance=1),
        report("370102", 2009, 2, trained=3, passed=1, served=1, started=0),
        report("370102", 2009, 3, guidance=5),
        report("370126", 2009, 1, guidance=7),  # no roster for 商河县: not reconciled
    ]
    entries = reconcile(result.counts(), reports, as_of=Quarter(2009, 4))
    by_key = {(e["district_code"], e["quarter"]): e for e in entries}
    assert by_key[("370102", "2009Q1")]["differences"] == []
    assert by_key[("370102", "2009Q2")]["roster"] == {
        "guidance": 0,
        "trained": 2,
        "passed": 1,
        "served": 1,
        "started": 1,
    }
    assert by_key[("370102", "2009Q2")]["differences"] == [
        {"measure": "trained", "roster": 2, "report": 3, "difference": -1},
        {"measure": "started", "roster": 1, "report": 0, "difference": 1},
    ]
    assert by_key[("370102", "2009Q3")]["differences"] == [
        {"measure": "guidance", "roster": 0, "report": 5, "difference": -5}
    ]
    assert by_key[("370103", "2009Q3")]["report"] is None
    assert by_key[("370103", "2009Q3")]["differences"] == [
        {"measure": "guidance", "roster": 1, "report": None, "difference": None}
    ]
    assert not any(code == "370126" for code, _ in by_key)
    assert not any(q > "2009Q4" for _, q in by_key)  # 2010 rows are after as-of
    flat = [
        {"district_code": e["district_code"], "quarter": e["quarter"], **d} for e in entries for d in e["differences"]
    ]
    assert {
        "district_code": "370102",
        "quarter": "2009Q2",
        "measure": "trained",
        "roster": 2,
        "report": 3,
        "difference": -1,
    } in flat


def test_a_file_of_many_bad_rows_lists_the_first_thousand_and_counts_the_rest(tmp_path, monkeypatch):
    """A 1M-row roster with ~909k bad rows held 1.75 GB of problems and printed 90 MB to stderr:
    now the first ones in full (10,000; 1,000 here), then one error counting the rest by kind."""
    import chuangye_cli.rosters.filecheck as filecheck
    from rosters.idnumbers import make_id

    monkeypatch.setattr(filecheck, "MAX_PROBLEMS", 1_000)

    lines = ["身份证号,姓名,行政区划代码,人员类别,参加类型,结业日期"]
    for k in range(1_500):
        district = "999999" if k % 3 else "370102"  # 1,000 rows with a district the plan does not have
        end = "2009-13-01" if k % 3 == 0 else "2009-03-15"  # 500 rows with an impossible date
        lines.append(f"{make_id(f'37010219800101{k:03d}'[:17])},张三,{district},其他,创业指导,{end}")
    path = tmp_path / "many.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = validate_rosters([str(path)], RosterContext.from_plan(load_plan()))
    errors = [p for p in result.problems if p.severity == "error" and p.code != "roster-duplicate"]
    assert len(errors) == 1_001
    assert [p.row for p in errors[:3]] == [2, 3, 4] and errors[999].row == 1_001
    last = errors[-1]
    assert (last.code, last.file) == ("problems-more", str(path))
    assert last.message("en") == (
        "500 more problems not listed one by one (the first 1,000 of a file are): "
        f"{errors[2].code} 334, {errors[0].code} 166"
    )
