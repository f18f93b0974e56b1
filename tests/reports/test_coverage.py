"""Which reports are missing (reports.coverage, computed once per run), and the one rule for figures without rows."""

from __future__ import annotations

from chuangye_cli.core.quarters import Quarter
from chuangye_cli.judge.calculator import Figures, evaluate, frame
from chuangye_cli.judge.matrix import district_matrix
from chuangye_cli.plan.loader import load_plan
from chuangye_cli.reports.coverage import Coverage
from chuangye_cli.reports.rows import ReportRow
from conftest import FIXTURES
from reportfiles import row

PLAN = load_plan(FIXTURES / "check" / "targets_small.yaml")
Q1, Q2 = Quarter(2009, 1), Quarter(2009, 2)


def rr(**changes):
    return ReportRow.model_validate(row(**changes))


def test_rows_name_the_reports_missing_up_to_as_of():
    coverage = Coverage.of(PLAN, [rr(), rr(quarter=2)], Q2)
    assert coverage.missing(["370102"]) == ()
    assert coverage.missing(["370103", "370102"]) == (("370103", Q1), ("370103", Q2))
    assert coverage.reported("370102") and not coverage.reported("370103")


def test_a_bad_row_is_a_report_sent_but_no_figure():
    # 市中区's 2009Q1 row is invalid: its figures lack it (missing), but it is no 未报送 (unsent)
    coverage = Coverage.of(PLAN, [rr(), rr(quarter=2)], Q2, sent=[("370103", Q1)])
    assert coverage.missing(["370103"]) == (("370103", Q1), ("370103", Q2))
    assert coverage.unsent() == [("370103", Q2)]
    assert ("370103", Q1) in coverage.sent and ("370102", Q2) in coverage.sent


def test_unsent_within_spans_names_only_the_gaps_inside_a_districts_upload():
    Q3 = Quarter(2009, 3)
    coverage = Coverage.of(
        PLAN, [rr(), rr(quarter=3), rr(district_code="370103", district_name="市中区", quarter=3)], Q3
    )
    assert coverage.unsent() == [("370102", Q2), ("370103", Q1), ("370103", Q2)]
    assert coverage.unsent(within_spans=True) == [("370102", Q2)]  # 市中区 sent 2009Q3 alone: no gap inside


def test_no_rows_at_all_is_every_report_missing():
    coverage = Coverage.of(PLAN, [], Q1)
    assert coverage.missing(["370102", "370103"]) == (("370102", Q1), ("370103", Q1))
    assert not coverage.reported("370102")


def test_a_bare_table_says_nothing_of_reports_so_none_counts_as_missing():
    coverage = Coverage.of(PLAN, None, Q2)
    assert coverage.missing(list(PLAN.registry)) == ()
    assert all(coverage.reported(c) for c in PLAN.registry)


def test_figures_of_a_bare_table_judge_alike_in_check_and_the_matrix():
    # one district's row only: from the rows, the other district has not reported (no data, 未报送);
    # from a bare table of the same row, which says nothing of reports, no district is flagged
    rows = [rr()]
    bare = Figures(frame(rows))
    assert bare.report_rows is None
    flagged = [r for r in evaluate(PLAN, bare, Q1) if r.missing or r.not_reported]
    assert flagged == []
    matrix = district_matrix(PLAN, bare, Q1)
    assert [c for c in matrix.cells.values() if c.missing or c.not_reported] == []
    from_rows = {(r.target, r.district_code): r for r in evaluate(PLAN, rows, Q1)}
    assert from_rows[("district_incubators", "370103")].not_reported
