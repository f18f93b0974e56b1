"""The message catalog (chuangye_cli.core.i18n) against the code that uses it.

src/chuangye_cli (Python and the HTML template) is scanned for the keys it
looks up: literal keys passed to the lookups and to the problem and usage-error
constructors, keys built over a literal tuple in a comprehension, f-string
prefixes (their values listed in DYNAMIC), and any literal shaped like a label
key. Every key used must be in the catalog with a zh and an en text; every
entry must be used; zh and en take the same params (LANG_PARAMS pairs the ones
given in each language's form).
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import get_args

import pytest

from chuangye_cli.core import i18n
from chuangye_cli.core.i18n import LABELS, PROBLEMS, district_label, label, problem_message

PACKAGE = Path(i18n.__file__).parents[2]  # src/chuangye_cli
CATALOG_DIR = Path(i18n.__file__).parent

#: call name -> index of the argument that is a label key (subclasses of UsageProblem are added by the scan)
LABEL_CALLS = {"label": 0, "UsageProblem": 0}
#: call name -> index of the argument that is a problem code
PROBLEM_CALLS = {"error": 0, "warning": 0, "PydanticCustomError": 0, "_ric_error": 0, "_alias": 1}

#: codes passed to PROBLEM_CALLS that are not ours, and why
NOT_CATALOG = {
    "value_error": "pydantic's own error type (plan/targets.py); its message is the reason of targets-invalid",
}
#: entries no scan finds, and why (none today)
UNUSED_OK: dict[str, str] = {}
#: string literals shaped like label keys that are not ones, and why
NOT_KEYS = {"report.html": "a file name (cli/report.py)", "report.pdf": "a file name (cli/report.py)"}
#: entries whose text is empty in one language on purpose
EMPTY_OK = {"report.page_suffix": "'page 1 of 3' needs nothing after the count in English"}
#: params a problem fills in one language's form: name -> the name both languages share
LANG_PARAMS = {
    "district_en": "district",
    "districts_en": "districts",
    "other_district_en": "other_district",
    "columns_zh": "columns",
    "columns_en": "columns",
    "kpi_zh": "kpi",
    "kpi_en": "kpi",
    "activity_zh": "activity",
    "quarters_en": "quarters",
    "key_label": "key",
    "other_header": "other_key",
    "old_en": "old",
    "new_en": "new",
    "basis_en": "basis",
    "doubt_en": "doubt",
}


def _dynamic() -> dict[str, set[str]]:
    """f-string prefix -> every value the code fills in, from the code's own lists."""
    from chuangye_cli.core.problems import Severity
    from chuangye_cli.judge.calculator import REPORT_KINDS
    from chuangye_cli.judge.explain import PARTS, SOURCE_KINDS
    from chuangye_cli.judge.indicators import REASONS
    from chuangye_cli.judge.results import STATUSES
    from chuangye_cli.reports.form import PREFILLED
    from chuangye_cli.reports.reader import SKIP_REASONS
    from chuangye_cli.reports.rows import COLUMNS, LEVELS
    from chuangye_cli.rosters.reconcile import MEASURES
    from chuangye_cli.rosters.rules import ACTIVITY_ALIASES

    return {
        "status.": set(STATUSES),
        "status_short.": set(STATUSES),
        "level.": set(LEVELS),
        "severity.": set(get_args(Severity)),
        "tools.kpis.reason.": set(REASONS),
        "tools.activity.": set(ACTIVITY_ALIASES.values()),
        "roster.measure.": set(MEASURES),
        "tools.skipped.": set(SKIP_REASONS),
        "explain.formula.": set(REPORT_KINDS),
        "explain.derived.": set(SOURCE_KINDS),
        "explain.part.": set(PARTS),
        "explain.total.": set(PARTS),
        # reports/form.py prompt(): the kinds without a branch of their own
        "tools.prompt.": {
            c.kind for c in COLUMNS.values() if c.key not in PREFILLED and c.kind not in ("level", "text")
        },
    }


DYNAMIC = _dynamic()


class Scan:
    """What the source asks of the catalog."""

    def __init__(self) -> None:
        self.label_calls = dict(LABEL_CALLS)
        self.labels: dict[str, list[str]] = {}  # key -> where
        self.problems: dict[str, list[str]] = {}
        self.prefixes: dict[str, list[str]] = {}  # f-string prefix not resolved from a literal tuple -> where
        self.constants: set[str] = set()  # every string literal, for keys passed on in variables


def _name(func: ast.expr) -> str | None:
    """The name a plain call or base class is written with (not a method: ``d.label("en")``)."""
    return func.id if isinstance(func, ast.Name) else None


def _literals(node: ast.expr) -> list[str]:
    """The keys an argument can be: a literal, or either side of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def _prefix(node: ast.expr) -> tuple[str, str | None] | None:
    """``f"pre.{name}"`` -> ("pre.", "name" or None if not a plain name); a plain ``name`` -> ("", "name")."""
    if isinstance(node, ast.Name):
        return "", node.id
    if not isinstance(node, ast.JoinedStr) or len(node.values) != 2:
        return None
    head, tail = node.values
    if not (isinstance(head, ast.Constant) and isinstance(tail, ast.FormattedValue)):
        return None
    return head.value, tail.value.id if isinstance(tail.value, ast.Name) else None


def _tuple_bindings(tree: ast.AST) -> dict[int, dict[str, list[str]]]:
    """id of each call inside a comprehension -> its ``for x in ("a", "b")`` names and values."""
    out: dict[int, dict[str, list[str]]] = {}
    for comp in ast.walk(tree):
        if not isinstance(comp, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            continue
        bound = {}
        for gen in comp.generators:
            values = gen.iter.elts if isinstance(gen.iter, (ast.Tuple, ast.List)) else []
            if isinstance(gen.target, ast.Name) and values and all(isinstance(v, ast.Constant) for v in values):
                bound[gen.target.id] = [v.value for v in values]
        for node in ast.walk(comp):
            if isinstance(node, ast.Call) and bound:
                out.setdefault(id(node), {}).update(bound)
    return out


def _scan_python(scan: Scan, path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = str(path.relative_to(PACKAGE))
    bindings = _tuple_bindings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            scan.constants.add(node.value)
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        for calls, found in ((scan.label_calls, scan.labels), (PROBLEM_CALLS, scan.problems)):
            if name not in calls or len(node.args) <= calls[name]:
                continue
            arg = node.args[calls[name]]
            for key in _literals(arg):
                found.setdefault(key, []).append(where)
            if (pre := _prefix(arg)) is not None:
                head, var = pre
                values = bindings.get(id(node), {}).get(var) if var else None
                if values is not None:
                    for v in values:
                        found.setdefault(head + v, []).append(where)
                elif head:
                    scan.prefixes.setdefault(head, []).append(where)


def _scan_template(scan: Scan, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    where = str(path.relative_to(PACKAGE))
    for key in re.findall(r'label\(\s*"([^"]+)"\s*,', text):
        scan.labels.setdefault(key, []).append(where)
    for head in re.findall(r'label\(\s*"([^"]+)"\s*~', text):
        scan.prefixes.setdefault(head, []).append(where)
    scan.constants.update(re.findall(r'"([^"]+)"', text))


def _usage_problem_classes(paths: list[Path], calls: dict[str, int]) -> None:
    """Add to ``calls`` every class derived, at any depth, from one in it (OutputError, TemplateError...)."""
    bases = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {_name(b) for b in node.bases}
    while new := [c for c, b in bases.items() if c not in calls and b & set(calls)]:
        calls.update(dict.fromkeys(new, 0))


@pytest.fixture(scope="module")
def scan() -> Scan:
    s = Scan()
    paths = [p for p in sorted(PACKAGE.rglob("*.py")) if CATALOG_DIR not in p.parents]
    _usage_problem_classes(paths, s.label_calls)
    for path in paths:
        _scan_python(s, path)
    for path in sorted(PACKAGE.rglob("*.j2")):
        _scan_template(s, path)
    return s


def test_scan_finds_the_lookups(scan):
    # a guard on the scanner itself: one of each kind it must see
    assert "scope.city" in scan.labels and "output.is_folder" in scan.labels  # label(), OutputError()
    assert "tools.usage.backwards" in scan.labels and "tools.col.id" in scan.labels  # TemplateError(), a literal tuple
    assert "file-empty" in scan.problems and "roster-bad-group" in scan.problems  # error(), _alias()
    assert "col.progress" in scan.labels and "roster.col.difference" in scan.labels  # f"..." over a literal tuple
    assert "report.title" in scan.labels and "status_short." in scan.prefixes  # the HTML template


def test_every_label_used_is_in_the_catalog(scan):
    missing = {k: w for k, w in scan.labels.items() if k not in LABELS}
    assert not missing


def test_every_problem_code_used_is_in_the_catalog(scan):
    missing = {k: w for k, w in scan.problems.items() if k not in PROBLEMS and k not in NOT_CATALOG}
    assert not missing


def test_every_literal_shaped_like_a_label_key_is_one(scan):
    # catches the keys passed on in variables and tables (CSV_COLUMNS, error_key = "...")
    namespaces = {k.split(".")[0] for k in LABELS}
    shaped = {c for c in scan.constants if re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", c) and c.split(".")[0] in namespaces}
    assert not sorted(shaped - set(LABELS) - set(NOT_KEYS))
    assert set(NOT_KEYS) <= shaped, "NOT_KEYS lists a literal the code no longer has"


def test_every_built_key_is_in_the_catalog(scan):
    unknown = {p: w for p, w in scan.prefixes.items() if p not in DYNAMIC}
    assert not unknown, "a key is built from a prefix no test knows: list its values in DYNAMIC"
    assert set(DYNAMIC) == set(scan.prefixes), "DYNAMIC lists a prefix the code no longer builds"
    missing = sorted(p + v for p, values in DYNAMIC.items() for v in values if p + v not in LABELS)
    assert not missing


def test_every_entry_is_used(scan):
    built = {p + v for p, values in DYNAMIC.items() for v in values}
    used = set(scan.labels) | set(scan.problems) | built | scan.constants
    unused = [k for k in [*PROBLEMS, *LABELS] if k not in used and k not in UNUSED_OK]
    assert not unused
    assert not [k for k in UNUSED_OK if k in used], "UNUSED_OK lists a key that is used now"


@pytest.mark.parametrize("catalog", [PROBLEMS, LABELS], ids=["problems", "labels"])
def test_every_entry_has_zh_and_en(catalog):
    for key, entry in catalog.items():
        assert set(entry) == {"zh", "en"}, key
        assert all(entry.values()) or key in EMPTY_OK, key


@pytest.mark.parametrize("catalog", [PROBLEMS, LABELS], ids=["problems", "labels"])
def test_zh_and_en_take_the_same_params(catalog):
    def params(text: str) -> set[str]:
        return {LANG_PARAMS.get(n, n) for _, n, _, _ in string.Formatter().parse(text) if n is not None}

    differ = {k: (e["zh"], e["en"]) for k, e in catalog.items() if params(e["zh"]) != params(e["en"])}
    assert not differ


def test_problem_codes_and_label_keys_do_not_overlap():
    assert not set(PROBLEMS) & set(LABELS)


def test_a_missing_key_raises():
    with pytest.raises(KeyError, match="tools.col.nmae"):
        label("tools.col.nmae", "en")
    with pytest.raises(KeyError, match="file-emtpy"):
        problem_message("file-emtpy", "zh", {})


def test_lookup_fills_params_and_keeps_unknown_ones():
    assert label("heading.errors", "en", count=2) == "2 error(s)"
    assert label("junit.row", "zh") == "第 {row} 行"  # no params: the text as it is
    assert problem_message("file-unreadable", "en", {"reason": None}) == "cannot read the file: "
    assert problem_message("file-too-wide", "en", {"count": 3}).startswith("too many columns (3; at most {limit});")


@pytest.mark.parametrize(
    ("lang", "with_code", "shown"),
    [("zh", True, "历下区"), ("zh", False, "历下区"), ("en", True, "Lixia (370102)"), ("en", False, "Lixia")],
)
def test_district_label(lang, with_code, shown):
    assert district_label("370102", "历下区", "Lixia", lang, with_code=with_code) == shown


def test_district_label_without_an_english_name():
    assert district_label("370102", "历下区", None, "en") == "历下区 (370102)"
    assert district_label("370102", "历下区", "", "en", with_code=False) == "历下区"
