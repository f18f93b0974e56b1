"""A problem found in the input: a stable machine code plus where it is.

Every error and warning the tool reports is a :class:`Problem`. Its text is
never stored; it is looked up from :mod:`chuangye_cli.core.i18n` by ``code``
in the language asked for, so translation is a lookup. Every code is registered, with its
severity and meaning, in :mod:`chuangye_cli.core.problemcodes`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Container, Iterable, Literal

if TYPE_CHECKING:  # pragma: no cover
    from pydantic import ValidationError

from chuangye_cli.core.exits import ExitCode
from chuangye_cli.core.problemcodes import CODES

Severity = Literal["error", "warning"]

#: how many characters of a cell's value a report shows
VALUE_PREVIEW = 60


def preview(value: Any) -> str | None:
    """The value as the report shows it: text with any ID-shaped run masked, shortened if long."""
    if value is None:
        return None
    from chuangye_cli.core.text import mask_ids

    text = mask_ids(str(value))
    if len(text) > VALUE_PREVIEW:
        text = text[: VALUE_PREVIEW - 1] + "…"
    return text


@dataclass(frozen=True)
class Problem:
    code: str
    severity: Severity = "error"
    file: str | None = None
    row: int | None = None
    #: the workbook sheet (None for CSV and text files, and for a problem of the file as a whole)
    sheet: str | None = None
    column: str | None = None
    value: str | None = None
    params: dict[str, Any] = field(default_factory=dict, compare=False)
    #: the row's (district code, quarter) where its key cells are valid: the report as a district
    #: names it (the bulletin's 五); set by reports.collect, None for a file's or a keyless row's problem
    key: tuple[str, Any] | None = field(default=None, compare=False)

    def message(self, lang: str = "zh") -> str:
        from chuangye_cli.core.i18n import problem_message
        from chuangye_cli.core.text import shown

        return problem_message(self.code, lang, {k: shown(v) for k, v in {"value": self.value, **self.params}.items()})

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "code": self.code,
            "message": self.message(lang),
        }


def error(code: str, /, **kw: Any) -> Problem:
    return _make(code, "error", kw)


def warning(code: str, /, **kw: Any) -> Problem:
    return _make(code, "warning", kw)


def _make(code: str, severity: Severity, kw: dict[str, Any]) -> Problem:
    from chuangye_cli.core.text import shown

    # the file and sheet as outputs show them: a name's control characters and bytes that are not
    # UTF-8 escaped (a name from a Windows zip unpacked as GBK is written to JSON and -o like any other)
    where = {k: shown(kw.pop(k)) for k in ("file", "sheet", "row", "column") if k in kw}
    value = preview(kw.pop("value", None))
    return Problem(code, severity, value=value, params=kw, **where)


class ProblemCap:
    """At most ``limit`` problems kept in full, in the order found; the rest only counted by code, so
    a file of a million bad rows holds bounded memory and prints a bounded report
    (:meth:`problems` ends with one ``problems-more``, or ``warnings-more`` when only warnings were
    left out, naming how many of each code)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.kept: list[Problem] = []
        self.more: dict[str, int] = {}
        self.more_errors = False

    def add(self, problem: Problem) -> None:
        if len(self.kept) < self.limit:
            self.kept.append(problem)
            return
        self.more[problem.code] = self.more.get(problem.code, 0) + 1
        self.more_errors = self.more_errors or problem.severity == "error"

    def extend(self, problems: "Iterable[Problem]") -> None:
        for p in problems:
            self.add(p)

    def problems(self, file: str | None) -> list[Problem]:
        if not self.more:
            return list(self.kept)
        kinds = ", ".join(f"{code} {n:,}" for code, n in sorted(self.more.items(), key=lambda kv: (-kv[1], kv[0])))
        counts = {"file": file, "count": f"{sum(self.more.values()):,}", "limit": f"{self.limit:,}", "kinds": kinds}
        more = error("problems-more", **counts) if self.more_errors else warning("warnings-more", **counts)
        return [*self.kept, more]


def problems_from_validation_error(
    exc: "ValidationError",
    *,
    file: str | None,
    row: int | None,
    sheet: str | None = None,
    column_of: Callable[[str], str | None],
    value_of: Callable[[str], Any],
    skip: Container[str] = (),
) -> list[Problem]:
    """One error per pydantic error of a row, in order: our codes kept, ``missing`` -> ``missing-value``,
    pydantic's own codes -> ``invalid-value`` (its message as the reason).

    ``column_of(key)`` and ``value_of(key)`` give the column as written and the value as shown for a
    field key; errors of a key in ``skip`` are left out. An error whose context has ``field`` is placed
    on that field (a rule across fields, raised while validating another).
    """
    out = []
    for e in exc.errors():
        params = dict(e.get("ctx") or {})
        # a rule across two fields raised while validating one may name the field it blames
        key = str(params.pop("field", None) or (e["loc"][0] if e["loc"] else ""))
        if key in skip:
            continue
        code = e["type"]
        if code == "missing":
            code = "missing-value"
        elif code not in CODES:  # a pydantic built-in type, not one of ours
            code, params = "invalid-value", {"reason": e["msg"]}
        out.append(error(code, file=file, sheet=sheet, row=row, column=column_of(key), value=value_of(key), **params))
    return out


class HasProblems:
    """For a result that collects ``problems``: its errors and its warnings."""

    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


class UsageProblem(Exception):
    """A command-line mistake (exit 2): a label key in i18n.LABELS and its params, one line."""

    exit_code: int = ExitCode.USAGE

    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str) -> str:
        from chuangye_cli.core.i18n import label

        return label(self.key, lang, **self.params)


class InputError(Exception):
    """Raised when input cannot be used at all; carries the problems found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.message("en") for p in problems))
        self.problems = problems
