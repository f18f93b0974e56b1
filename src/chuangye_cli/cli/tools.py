"""The tools around check: ``validate``, ``template``, ``targets``, ``kpis``.

Only click and the shared options are imported here at the top; the library
(pandas, openpyxl, the pydantic models) is imported inside each command.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

import click

from chuangye_cli.cli.options import (
    as_of_option,
    emit,
    emit_or_write,
    encoding_option,
    format_option,
    lang_option,
    output_format,
    output_option,
    paths_argument,
    load_plan_or_exit,
    targets_option,
    usage_error,
)
from chuangye_cli.render import DEFAULT_FORMAT, FORMATS, TABLE_FORMATS

if TYPE_CHECKING:
    from chuangye_cli.core.problems import Problem
    from chuangye_cli.judge.results import CheckReport
    from chuangye_cli.plan.targets import Plan, Target

EXIT_USAGE, EXIT_INVALID = 2, 3
#: targets and kpis print tables or JSON (no file formats: they are not results of check)
TEXT_FORMATS = (*TABLE_FORMATS, "json")


# =========================================================================== validate


@dataclass
class ValidationReport:
    """``validate``'s result: the files read and the problems found; no verdict."""

    check: "CheckReport"
    #: valid data rows read
    rows: int = 0
    problems: list["Problem"] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.check.valid

    @property
    def exit_code(self) -> int:
        return 0 if self.valid else EXIT_INVALID

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        c = self.check
        return {
            "valid": self.valid,
            "period": {"start": str(c.period[0]), "end": str(c.period[1])} if c.period else None,
            "rows": self.rows,
            "errors": [p.to_dict(lang) for p in c.errors],
            "warnings": [p.to_dict(lang) for p in c.warnings],
            "files": [{"file": f.file, "encoding": f.encoding, "rows": f.rows} for f in c.files],
            "exit_code": self.exit_code,
        }


def validate_paths(plan: "Plan", paths: Iterable[str], encoding: str | None = None) -> ValidationReport:
    """Every file's rows checked, and the rules across rows that fit one district's upload:
    duplicates (error), rows outside the plan period, cumulative warnings, and quarters
    missing between a district's first and last quarter in these files (not the whole plan)."""
    from chuangye_cli.judge.pipeline import read_reports
    from chuangye_cli.core.quarters import Quarter
    from chuangye_cli.reports.validation import as_of_quarter, cross_check

    rows, report = read_reports(paths, plan, encoding)
    kept, problems = cross_check(rows, plan, as_of_quarter(rows, plan), report.reported)
    span: dict[str, tuple[Quarter, Quarter]] = {}
    for r in kept:
        code, q = r.key
        lo, hi = span.get(code, (q, q))
        span[code] = (min(lo, q), max(hi, q))

    def fits(p: "Problem") -> bool:
        if p.code != "missing-report":
            return True
        code = p.params.get("code")
        if code not in span:
            return False
        lo, hi = span[code]
        return lo <= Quarter.parse(p.params["quarter"]) <= hi

    report.problems.extend(p for p in problems if fits(p))
    return ValidationReport(report, rows=len(kept))


def validation_text(v: ValidationReport, fmt: str, lang: str) -> tuple[str, str]:
    """(stdout: the files read and a one-line verdict, stderr: the problem tables)."""
    from tabulate import tabulate

    from chuangye_cli.core.messages import label
    from chuangye_cli.render.problems import problems_text

    c = v.check
    err = problems_text(c.errors, c.warnings, fmt, lang)
    headers = [label("col.file", lang), label("tools.col.encoding", lang), label("tools.col.rows", lang)]
    rows = [[f.file, f.encoding or "—", f.rows] for f in c.files]
    out = []
    if rows:
        out += [tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True), ""]
    key = "tools.validate.valid" if v.valid else "tools.validate.invalid"
    out.append(label(key, lang, files=len(c.files), rows=v.rows, errors=len(c.errors), warnings=len(c.warnings)))
    return "\n".join(out) + "\n", err


@click.command()
@paths_argument()
@targets_option()
@encoding_option()
@format_option(FORMATS, DEFAULT_FORMAT)
@output_option()
@lang_option()
@click.pass_context
def validate(ctx: click.Context, paths: tuple[str, ...], targets: str | None, encoding: str | None, fmt: str, output: str | None, lang: str) -> None:
    """Validate quarterly reports only, without judging targets (校验报表).

    PATHS are .csv/.xlsx files or folders (searched recursively). Every row
    rule of check applies, and a district-quarter reported twice is an error.
    Warnings (rows outside the plan period, quarters missing between a
    district's first and last quarter in these files, unknown columns) do not
    fail validation. Errors and warnings go to stderr; the files read and the
    verdict to stdout (or to --output).

    \b
    Exit codes: 0 valid (warnings allowed); 2 usage error; 3 invalid input;
                4 internal error.

    \b
    Examples:
      chuangye validate 370102_2010Q2.csv
      chuangye validate reports/ --lang en --format json
      chuangye validate reports/ --format junit -o report.xml
    """
    ctx.meta["chuangye.lang"] = lang
    import json

    from chuangye_cli.render import render
    from chuangye_cli.render.problems import problems_text

    protected = [*paths, *([targets] if targets else [])]
    fmt = output_format(ctx, fmt, output, protected, lang)
    plan = load_plan_or_exit(ctx, targets, "json" if fmt == "json" else DEFAULT_FORMAT, lang)
    v = validate_paths(plan, paths, encoding)
    out: str | bytes
    if fmt == "json":
        out, err = json.dumps(v.to_dict(lang), ensure_ascii=False, indent=2) + "\n", ""
    elif fmt in TABLE_FORMATS:
        out, err = validation_text(v, fmt, lang)
    else:  # csv, junit, xlsx: the check renderers, on a report without a verdict
        out, _ = render(v.check, fmt, lang)
        err = problems_text(v.check.errors, v.check.warnings, DEFAULT_FORMAT, lang)
    emit_or_write(ctx, out, err, output, [*protected, *(f.file for f in v.check.files)], lang)
    ctx.exit(v.exit_code)


# =========================================================================== template


@click.command()
@click.option("--district", "district", required=True, metavar="CODE", help="The district's 6-digit code (行政区划代码), e.g. 370102.")
@click.option("--from", "start", default=None, metavar="YYYYQn", help="First quarter (default: the plan period's start).")
@click.option("--to", "end", default=None, metavar="YYYYQn", help="Last quarter (default: the plan period's end).")
@click.option(
    "-o", "--output", type=click.Path(), default=None, metavar="FILE", help="Write FILE (.csv or .xlsx) instead of CSV on stdout."
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@targets_option()
@lang_option()
@click.pass_context
def template(ctx: click.Context, district: str, start: str | None, end: str | None, output: str | None, force: bool, targets: str | None, lang: str) -> None:
    """Write a blank quarterly report for a district to fill in (空白季报模板).

    One row per quarter from --from to --to, with district_code,
    district_name, year and quarter filled in; headers in Chinese (--lang zh)
    or as English keys (--lang en). CSV is UTF-8 with a BOM so Excel opens it
    right. The .xlsx checks entries while you type: counts must be whole
    numbers >= 0 (and no more than the column they are part of, e.g. 培训合格人数
    <= 创业培训人数), 省级创业型城市创建情况 is a drop-down list, and each
    column shows a note saying what to enter. A filled-in template passes
    `chuangye validate`.

    \b
    Exit codes: 0 written; 2 bad option (unknown district, quarters out of
                order or outside the plan, output not writable); 3 bad targets file.

    \b
    Examples:
      chuangye template --district 370102 --from 2010Q1 --to 2010Q4 -o 历下区_2010.xlsx
      chuangye template --district 370181 --from 2010Q3 --to 2010Q3 --lang en > 2010Q3.csv
    """
    ctx.meta["chuangye.lang"] = lang
    from chuangye_cli.core.messages import label
    from chuangye_cli.core.quarters import Quarter
    from chuangye_cli.render.output import OutputError
    from chuangye_cli.reports.form import TemplateError, build_template, check_output_path, template_bytes, write_template

    quarters = {}
    for option, value in (("--from", start), ("--to", end)):
        if value is not None:
            try:
                quarters[option] = Quarter.parse(value)
            except ValueError:
                usage_error(ctx, label("tools.usage.bad_quarter", lang, option=option, value=value), lang)
    try:
        if output is not None:
            check_output_path(output, force)
    except (TemplateError, OutputError) as exc:
        usage_error(ctx, exc.message(lang), lang)
    plan = load_plan_or_exit(ctx, targets, DEFAULT_FORMAT, lang)
    try:
        t = build_template(
            plan, district.strip(), quarters.get("--from", plan.period.start), quarters.get("--to", plan.period.end), lang
        )
        if output is None:
            emit(template_bytes(t, ".csv"), "")
        else:
            write_template(t, output, force)
            click.echo(label("tools.template.written", lang, path=output, rows=len(t.rows)), err=True)
    except (TemplateError, OutputError) as exc:
        usage_error(ctx, exc.message(lang), lang)


# =========================================================================== targets


def metric_words(target: "Target", lang: str, city: bool = True) -> str:
    """A metric in words: "passed / trained", "sum of guidance + trained"."""
    from chuangye_cli.core.messages import label
    from chuangye_cli.reports.rows import COLUMNS

    def names(cols: list[str]) -> str:
        return " + ".join(COLUMNS[c].header(lang) for c in cols)

    m = target.metric
    if m.kind == "sum":
        return label("tools.metric.sum", lang, columns=names(m.sum))  # type: ignore[union-attr]
    if m.kind == "ratio":
        num, den = m.ratio.numerator, m.ratio.denominator  # type: ignore[union-attr]
        wrap = lambda cols: names(cols) if len(cols) == 1 else f"({names(cols)})"  # noqa: E731
        return f"{wrap(num)} / {wrap(den)}"
    if m.kind == "latest":
        return label("tools.metric.latest_city" if city else "tools.metric.latest", lang, columns=names(m.latest))  # type: ignore[union-attr]
    if m.kind == "distinct":
        activities = [label(f"tools.activity.{a}", lang) for a in m.distinct]  # type: ignore[union-attr]
        return label("tools.metric.distinct", lang, activities=" + ".join(activities))
    return label("tools.metric.level", lang, column=COLUMNS[m.level].header(lang))  # type: ignore[union-attr]


def scope_words(plan: "Plan", target: "Target", lang: str) -> str:
    from chuangye_cli.core.messages import label

    if target.scope == "city":
        return label("scope.city", lang)
    if target.scope == "each_district":
        return label("tools.scope.each_district", lang)
    sep = "、" if lang == "zh" else ", "
    return sep.join(plan.district(c).label(lang) for c in target.scope.districts)  # type: ignore[union-attr]


def targets_table(plan: "Plan", fmt: str, lang: str, shown: str) -> str:
    from tabulate import tabulate

    from chuangye_cli.render.numbers import threshold_text
    from chuangye_cli.core.messages import label

    with_quotas = any(t.quotas for t in plan.targets)
    headers = [label(k, lang) for k in ("tools.col.id", "tools.col.name", "tools.col.metric", "col.threshold", "col.scope", "col.deadline")]
    if with_quotas:
        headers.append(label("tools.col.quotas", lang))
    rows = []
    for t in plan.targets:
        row = [
            t.id,
            t.name(lang),
            metric_words(t, lang, city=t.scope == "city"),
            threshold_text(t.metric.kind, t.op, t.value, lang),
            scope_words(plan, t, lang),
            str(plan.deadline(t)),
        ]
        if with_quotas:
            row.append(label("tools.quotas", lang, count=len(t.quotas)) if t.quotas else "")
        rows.append(row)
    lines = [
        plan.plan,
        label(
            "tools.targets.heading",
            lang,
            file=shown,
            start=plan.period.start,
            end=plan.period.end,
            districts=len(plan.districts),
            targets=len(plan.targets),
        ),
        "",
        tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True),
    ]
    return "\n".join(lines) + "\n"


def targets_dict(plan: "Plan", lang: str, shown: str) -> dict[str, Any]:
    return {
        "file": shown,
        "plan": plan.plan,
        "period": {"start": str(plan.period.start), "end": str(plan.period.end)},
        "districts": [{"code": d.code, "name": d.name, "name_en": d.name_en} for d in plan.districts],
        "targets": [
            {
                "id": t.id,
                "name": {"zh": t.name.zh, "en": t.name.en},
                "metric": t.metric.kind,
                "metric_text": metric_words(t, lang, city=t.scope == "city"),
                "op": t.op,
                "value": t.value,
                "scope": t.scope if isinstance(t.scope, str) else {"districts": list(t.scope.districts)},
                "deadline": str(plan.deadline(t)),
                "quotas": t.quotas,
            }
            for t in plan.targets
        ],
        "errors": [],
        "exit_code": 0,
    }


@click.command("targets")
@targets_option()
@format_option(TEXT_FORMATS, DEFAULT_FORMAT)
@lang_option()
@click.pass_context
def targets_command(ctx: click.Context, targets: str | None, fmt: str, lang: str) -> None:
    """Show the targets in force and check the targets file (目标一览).

    Prints each target's id, name, metric in words (e.g. "passed / trained",
    "sum of guidance + trained"), threshold, scope and deadline. A bad file
    gets one error per problem, naming the YAML line and the key path.

    \b
    Exit codes: 0 the file is valid; 2 usage error; 3 the file is invalid.

    \b
    Examples:
      chuangye targets
      chuangye targets --targets my_targets.yaml --lang en
    """
    ctx.meta["chuangye.lang"] = lang
    import json

    from chuangye_cli.core.messages import label

    plan = load_plan_or_exit(ctx, targets, fmt, lang)
    shown = targets if targets is not None else label("tools.targets.builtin", lang)
    if fmt == "json":
        emit(json.dumps(targets_dict(plan, lang, shown), ensure_ascii=False, indent=2) + "\n", "")
    else:
        emit(targets_table(plan, fmt, lang, shown), "")


# =========================================================================== kpis


def _unit(plan: "Plan", code: str | None, lang: str) -> str:
    from chuangye_cli.core.messages import label

    if code is None:
        return label("scope.city", lang)
    d = plan.district(code)
    return d.name if lang == "zh" else f"{d.label(lang)} ({code})"


def kpis_text(report: Any, plan: "Plan", fmt: str, lang: str) -> tuple[str, str]:
    """(stdout: units x indicators and the definitions, stderr: the problem tables)."""
    from tabulate import tabulate

    from chuangye_cli.judge.indicators import KPIS, cell_text
    from chuangye_cli.core.messages import label
    from chuangye_cli.render.problems import problems_text

    c = report.check
    err = problems_text(c.errors, c.warnings, fmt, lang)
    if not c.valid:
        return "", err + label("tools.kpis.no_values", lang) + "\n"
    by = {(v.kpi.id, v.district_code): v for v in report.values}
    units = list(dict.fromkeys(v.district_code for v in report.values))
    headers = [label("col.scope", lang)] + [k.name(lang) for k in KPIS]
    rows = [[_unit(plan, code, lang)] + [cell_text(by[(k.id, code)], lang) for k in KPIS] for code in units]
    lines = [c.plan]
    if c.as_of and c.period:
        lines.append(label("heading.as_of", lang, as_of=c.as_of, start=c.period[0], end=c.period[1]))
    lines += ["", tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True), ""]
    for k in KPIS:
        note = label("tools.kpis.shown_as", lang) if k.display == "multiple" else ""
        lines.append(f"{k.name(lang)} = {k.formula(lang)}{note}")
    return "\n".join(lines) + "\n", err


@click.command()
@paths_argument()
@targets_option()
@as_of_option()
@encoding_option()
@format_option(TEXT_FORMATS, DEFAULT_FORMAT)
@lang_option()
@click.pass_context
def kpis(ctx: click.Context, paths: tuple[str, ...], targets: str | None, as_of: Any, encoding: str | None, fmt: str, lang: str) -> None:
    """Compute the plan's assessment indicators that have no number (考核指标).

    For the city and each district, from the optional columns of the reports,
    each a ratio of sums over the quarters up to the as-of quarter:

    \b
      创业带动就业倍增 (start-up job multiplier), shown as 1:N:
          N = sum of startup_jobs (创业带动就业人数)
              / sum of new_entrepreneurs (新增创业人数)
      创业活动对就业的贡献率 (contribution of entrepreneurship to employment):
          (sum of new_entrepreneurs + sum of startup_jobs)
              / sum of new_jobs (新增就业人数)
      创业环境满意度 (satisfaction with the entrepreneurship environment):
          sum of survey_satisfied (其中满意数)
              / sum of survey_valid (满意度有效问卷数)

    A quarter counts for an indicator only when all of its columns are filled
    in that row (a warning names the quarters left out). No such quarter, or
    a zero denominator, is "no data". A targets file may set a threshold on
    any of them like on any other ratio metric, e.g.
    `metric: {ratio: {numerator: [survey_satisfied], denominator: [survey_valid]}}`;
    its status is then shown beside the figure, and a miss gives exit 1.

    \b
    Exit codes: 0 computed; 1 a threshold set in the targets file is missed (or no data);
                2 usage error; 3 invalid input; 4 internal error.

    \b
    Examples:
      chuangye kpis sample_data/
      chuangye kpis sample_data/ --as-of 2009Q4 --lang en --format json
    """
    ctx.meta["chuangye.lang"] = lang
    import json

    from chuangye_cli.judge.indicators import run_kpis

    plan = load_plan_or_exit(ctx, targets, fmt, lang)
    if as_of is not None and not plan.period.start <= as_of <= plan.period.end:
        raise click.BadParameter(f"{as_of} is outside the plan period {plan.period.start}–{plan.period.end}", param_hint="--as-of")
    report = run_kpis(plan, paths, as_of, encoding)
    if fmt == "json":
        emit(json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2) + "\n", "")
    else:
        emit(*kpis_text(report, plan, fmt, lang))
    ctx.exit(report.exit_code)


COMMANDS = (validate, template, targets_command, kpis)
