"""chuangye report: the HTML report's structure, parsed (no browser needed).

The small fixture (tests/fixtures/report/small: 历下区 and 市中区, 2009Q1-Q2, plan of
four quarters) has values worked out by hand in the comments below.
"""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import FIXTURES, SAMPLE, run

REPORT = FIXTURES / "report"
SMALL = REPORT / "small"
BAD = REPORT / "bad"
QUOTA_TARGETS = REPORT / "targets_quota.yaml"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# --------------------------------------------------------------------------- a tiny DOM


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: "Node | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list["Node"]:
        out = []
        for n in self.iter():
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.classes:
                continue
            if any(n.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            out.append(n)
        return out

    def find(self, *args, **kw) -> "Node":
        found = self.find_all(*args, **kw)
        assert found, f"nothing matches {args} {kw}"
        return found[0]


class Tree(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.cur))

    def handle_endtag(self, tag):
        node = self.cur
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.cur = node.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def squash(text: str) -> str:
    return " ".join(text.split())


def make_report(tmp_path: Path, *args: str, name: str = "r.html"):
    out = tmp_path / name
    result = run("report", *args, "-o", out)
    html = out.read_text(encoding="utf-8") if out.exists() else ""
    return result, html, (Tree(html).root if html else None)


def check_json(*args: str) -> dict:
    return json.loads(run("check", *args, "--format", "json").stdout)


def city_rows(root: Node) -> dict[str, Node]:
    return {
        tr.attrs["data-target"]: tr for tr in root.find("table", id="city-targets").find_all("tr", cls="target-row")
    }


def bar_of(tr: Node) -> tuple[float, float | None]:
    """(fill %, mark %) as drawn: the fill rect's width and the mark line's x."""
    svg = tr.find("svg", cls="progress")
    fill = svg.find("rect", cls="fill").attrs["width"]
    assert fill.endswith("%")
    marks = svg.find_all("line", cls="mark")
    mark = None
    if marks:
        assert marks[0].attrs["x1"] == marks[0].attrs["x2"] and marks[0].attrs["x1"].endswith("%")
        mark = float(marks[0].attrs["x1"][:-1])
    assert float(svg.attrs["data-fill"]) == float(fill[:-1])
    return float(fill[:-1]), mark


# --------------------------------------------------------------------------- the small plan, by hand


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("small")
    return make_report(tmp, str(SMALL), "--targets", str(QUOTA_TARGETS))


def test_small_exit_code_and_title(small):
    result, html, root = small
    assert result.exit_code == 1  # service rate behind
    assert result.stderr == ""
    assert result.stdout.strip().startswith("已写入 ")
    assert root.find("h1").text == "测试方案"
    meta = squash(root.find("p", cls="meta").text)
    assert meta.startswith("统计截至 2009Q2（方案期间 2009Q1–2009Q4）")
    assert re.search(r"生成日期 \d{4}-\d\d-\d\d$", meta)
    assert root.find("html").attrs["lang"] == "zh-CN"


def test_small_verdict_counts_results(small):
    _, _, root = small
    # participants on track; pass rate met; service rate short of its target (尚未达标); incubators 2 x on track;
    # pilot pending
    verdict = root.find("div", id="verdict")
    assert squash(verdict.children[0]) == "5 项目标、6 个考核结果：已达标 1，符合序时进度 3，待考核 1，尚未达标 1"
    chips = {li.attrs["data-status"]: int(li.attrs["data-count"]) for li in verdict.find_all("li")}
    assert chips == {"met": 1, "on_track": 3, "below": 1, "pending": 1}


def test_small_city_rows_bars_and_marks(small):
    _, _, root = small
    rows = city_rows(root)
    assert list(rows) == ["participants", "training_pass_rate", "service_rate"]  # city targets, in plan order
    # participants: (100+200+120+100) + (60+50+70+50) = 750 of 1000; pro-rata 1000 x 2/4 = 500
    p = rows["participants"]
    assert bar_of(p) == (75.0, 50.0)
    assert p.attrs["data-status"] == "on_track"
    assert squash(p.find("td", cls="actual").text) == "750"
    assert squash(p.find("span", cls="word").text) == "符合序时进度"
    assert squash(p.find("div", cls="bar-caption").text) == "完成进度/序时进度 75.0% / 50.0%"
    # pass rate: (190+80+45+47) / (200+100+50+50) = 362/400 = 90.5%; the mark is the 90% target
    t = rows["training_pass_rate"]
    assert bar_of(t) == (90.5, 90.0)
    assert t.attrs["data-status"] == "met" and squash(t.find("span", cls="word").text) == "已达标"
    # service rate: 361/362 = 99.72% against 100%: never shown as 100%
    s = rows["service_rate"]
    assert bar_of(s) == (99.72, 100.0)
    assert squash(s.find("td", cls="actual").text) == "99.7%"
    assert s.attrs["data-status"] == "below" and squash(s.find("span", cls="word").text) == "尚未达标"
    # a bar 0.28% short of its mark cannot show the gap: it is written under the bar (1 - 361/362 = 0.28 points)
    assert squash(s.find("div", cls="bar-caption").text) == "竖线为目标值，差 0.3 个百分点"
    assert squash(t.find("div", cls="bar-caption").text) == "竖线为目标值"  # met: no gap


def test_small_rows_agree_with_check_json(small):
    _, _, root = small
    data = check_json(SMALL, "--targets", QUOTA_TARGETS)
    city = {r["target"]: r for r in data["results"] if r["district_code"] is None}
    rows = city_rows(root)
    assert set(rows) == set(city)
    for target, r in city.items():
        assert rows[target].attrs["data-status"] == r["status"]


def test_small_district_summary_names_lagging_districts(small):
    _, _, root = small
    rows = {
        tr.attrs["data-target"]: tr
        for tr in root.find("table", id="district-targets").find_all("tr", cls="district-summary")
    }
    assert list(rows) == ["district_incubators", "pilot_standard"]
    counts = {
        d.attrs["data-status"]: squash(d.text) for d in rows["district_incubators"].find_all("div", data_count="2")
    }
    assert counts == {"on_track": "符合序时进度 2/2"}
    lag = rows["pilot_standard"].find("td", cls="lagging")
    assert squash(lag.text) == "待考核：历下区"


def test_small_each_district_chart(small):
    _, _, root = small
    fig = root.find("figure", cls="chart", data_target="district_incubators")
    bars = {g.attrs["data-district"]: g for g in fig.find_all("g", cls="district-bar")}
    assert list(bars) == ["370102", "370103"]
    # latest local incubators: 历下区 3, 市中区 2; target 4, pro-rata 2; axis 0..5 over 440 units from x=100
    assert [bars[c].attrs["data-actual"] for c in bars] == ["3", "2"]
    assert [bars[c].attrs["data-status"] for c in bars] == ["on_track", "on_track"]
    widths = [float(bars[c].find("rect", cls="bar").attrs["width"]) for c in bars]
    assert widths == [264.0, 176.0]
    assert {bars[c].find("line", cls="line").attrs["x1"] for c in bars} == {"452.0"}
    assert {bars[c].find("line", cls="due").attrs["x1"] for c in bars} == {"276.0"}
    assert [squash(bars[c].find("text", cls="status-word").text) for c in bars] == ["符合序时进度", "符合序时进度"]
    ticks = [squash(t.text) for t in fig.find("svg").children if isinstance(t, Node) and t.tag == "text"]
    assert ticks == ["0", "1", "2", "3", "4", "5"]


def test_small_quota_chart(small):
    _, _, root = small
    fig = root.find("figure", cls="chart", data_target="participants")
    assert "按各县(市)区分解任务" in fig.find("figcaption").text
    bars = {g.attrs["data-district"]: g for g in fig.find_all("g", cls="district-bar")}
    # 历下区 520 of a 600 quota (pro-rata 300: on track); 市中区 230 of 500 (pro-rata 250: behind)
    assert {c: (g.attrs["data-actual"], g.attrs["data-line"], g.attrs["data-status"]) for c, g in bars.items()} == {
        "370102": ("520", "600.0", "on_track"),
        "370103": ("230", "500.0", "behind"),
    }


def test_small_matrix_is_each_districts_own_figure(small):
    _, _, root = small
    matrix = root.find("table", id="matrix")
    header = [squash(th.text) for th in matrix.find("thead").find_all("th")]
    assert header == ["目标", "目标值", "全市", "历下区", "市中区"]
    rows = {
        tr.attrs["data-target"]: [squash(td.text) for td in tr.find_all("td")]
        for tr in matrix.find("tbody").find_all("tr")
    }
    # the districts' own sums, straight from the CSV files
    for code, col in (("370102", 3), ("370103", 4)):
        own = sum(
            int(r["创业指导人数"]) + int(r["创业培训人数"])
            for f in SMALL.glob("*.csv")
            for r in csv.DictReader(f.open(encoding="utf-8"))
            if r["行政区划代码"] == code
        )
        assert rows["participants"][col].startswith(f"{own:,}")
    assert rows["participants"][2] == "750符合序时"
    assert rows["participants"][3:] == ["520符合序时", "230落后序时"]  # quotas judged per district
    assert rows["training_pass_rate"][3:] == ["90.0%", "92.0%"]  # 270/300, 92/100
    # 历下区's service rate 269/270 = 99.63% is below the city's 100% target: marked for reference
    cells = {tr.attrs["data-target"]: tr.find_all("td") for tr in matrix.find("tbody").find_all("tr")}
    assert rows["service_rate"][3:] == ["99.6%", "100.0%"]
    assert "below" in cells["service_rate"][3].classes and "below" not in cells["service_rate"][4].classes
    assert rows["district_incubators"][3:] == ["3符合序时", "2符合序时"]
    # the pilot target covers 历下区 only
    assert rows["pilot_standard"][3:] == ["基本达到待考核", "·"]
    assert "na" in cells["pilot_standard"][4].classes


def test_small_appendix_lists_files_and_no_problems(small):
    _, _, root = small
    files = [
        [squash(td.text) for td in tr.find_all("td")]
        for tr in root.find("table", id="files").find_all("tr", cls="file")
    ]
    assert sorted(files) == sorted(
        [[str(SMALL / "lixia.csv"), "utf-8", "2"], [str(SMALL / "shizhong.csv"), "utf-8", "2"]]
    )
    assert root.find_all("table", id="errors") == [] and root.find_all("table", id="warnings") == []
    assert [squash(h.text) for h in root.find("section", id="appendix").find_all("h3")] == [
        "错误 0 个",
        "警告 0 个",
        "读取的文件（2 个）",
    ]


# --------------------------------------------------------------------------- self-contained, printable


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return make_report(tmp_path_factory.mktemp("sample"), str(SAMPLE))


def test_no_external_resources(sample, small):
    for _, html, root in (sample, small):
        for node in root.iter():
            for attr in ("src", "href", "xlink:href", "action", "data", "poster"):
                value = node.attrs.get(attr)
                assert value is None or value.startswith("#"), (node.tag, attr, value)
        assert not re.search(r"https?://", html, re.I)
        assert "@import" not in html
        assert all(u.startswith("#") for u in re.findall(r"url\(\s*['\"]?([^)'\"]*)", html))
        assert root.find_all("script") == [] and root.find_all("link") == []


def test_print_css(sample):
    _, html, root = sample
    style = root.find("style").text
    assert "size: A4" in style
    assert "thead { display: table-header-group; }" in style  # headers repeat on every page
    assert re.search(r"\.sheet \{[^}]*break-after: page", style)  # a page per section
    assert "print-color-adjust: exact" in style
    sections = [s.attrs["id"] for s in root.find_all("section", cls="sheet")]
    assert sections == ["summary", "districts", "trends", "district-trends", "appendix"]


def test_sample_report_every_city_target_and_status(sample):
    result, html, root = sample
    data = check_json(SAMPLE)
    assert result.exit_code == data["exit_code"] == 1
    rows = city_rows(root)
    city = [r for r in data["results"] if r["district_code"] is None]
    # the roster-based 2万人 target, no roster given: no figure to draw, a line under the table by name
    assert [r["target"] for r in city if r.get("needs_rosters")] == ["participants_distinct"]
    line = root.find("p", cls="rosters-needed")
    assert (line.attrs["data-target"], squash(line.text)) == (
        "participants_distinct",
        "参加创业指导和创业培训人数（花名册去重）：需花名册：未提供（按学员花名册去重人数计算；本次未提供花名册，不作判断）",
    )
    city = [r for r in city if not r.get("needs_rosters")]
    assert list(rows) == [r["target"] for r in city]
    from chuangye_cli.core.i18n import label

    for r in city:
        tr = rows[r["target"]]
        assert squash(tr.find("td", cls="name").text).endswith(r["name"]["zh"])
        assert squash(tr.find("span", cls="word").text) == label(f"status.{r['status']}", "zh")
        fill, mark = bar_of(tr)
        if r["metric"] in ("sum", "latest"):
            assert fill == round(min(100.0, r["actual"] / r["threshold"] * 100), 2)
            assert mark == round(r["expected_now"] / r["threshold"] * 100, 2)
        else:
            assert fill == round(min(100.0, r["actual"] * 100), 2)
            assert mark == round(r["threshold"] * 100, 2)
    # as of 2010Q2, 6 of 8 quarters: the pro-rata mark of every count target sits at 75%
    assert bar_of(rows["participants"]) == (86.85, 75.0)
    # the sample's district chart and matrix: all 10 districts, every target
    fig = root.find("figure", cls="chart", data_target="district_incubators")
    assert len(fig.find_all("g", cls="district-bar")) == 10
    assert len(root.find("table", id="matrix").find("tbody").find_all("tr")) == len(
        {r["target"] for r in data["results"] if not r.get("needs_rosters")}  # no district figures without rosters
    )


def test_english(tmp_path):
    result, html, root = make_report(tmp_path, str(SMALL), "--targets", str(QUOTA_TARGETS), "--lang", "en")
    assert result.exit_code == 1
    assert root.find("html").attrs["lang"] == "en"
    assert root.find("p", cls="kicker").text == "Entrepreneurship-type city: target compliance report"
    rows = city_rows(root)
    assert squash(rows["service_rate"].find("span", cls="word").text) == "not yet met"
    assert squash(rows["service_rate"].find("td", cls="name").text) == "Follow-up service rate"
    header = [squash(th.text) for th in root.find("table", id="matrix").find("thead").find_all("th")]
    assert header == ["Target", "Target value", "city", "Lixia", "Shizhong"]
    assert result.stdout.strip() == f"wrote {tmp_path / 'r.html'}"


# --------------------------------------------------------------------------- invalid input


def test_invalid_input_still_renders_with_errors_and_no_verdict(tmp_path):
    result, html, root = make_report(tmp_path, str(BAD), "--targets", str(QUOTA_TARGETS))
    assert result.exit_code == 3
    assert root.find_all("div", id="verdict") == [] and root.find_all("tr", cls="target-row") == []
    assert root.find_all("section", id="districts") == []
    assert squash(root.find("div", id="no-verdict").text).startswith("输入有错误（1 个），未作达标判断")
    errors = [
        [squash(td.text) for td in tr.find_all("td")]
        for tr in root.find("table", id="errors").find_all("tr", cls="problem")
    ]
    assert errors == [[str(BAD / "lixia.csv"), "3", "创业指导人数", "-5", "不能为负数"]]
    # the rejected row is an error, not also a missing report (未报送): no warnings at all
    assert root.find_all("table", id="warnings") == []
    # the same problems on stderr, as check prints them
    assert "创业指导人数" in result.stderr and "-5" in result.stderr and "不能为负数" in result.stderr


def test_bad_targets_file_renders_the_error(tmp_path):
    bad = tmp_path / "t.yaml"
    bad.write_text("plan: x\nperiod: {start: 2009Q1, end: 2009Q4}\ndistricts: []\ntargets: []\n", encoding="utf-8")
    result, html, root = make_report(tmp_path, str(SMALL), "--targets", str(bad))
    assert result.exit_code == 3
    rows = root.find("table", id="errors").find_all("tr", cls="problem")
    assert rows and all(squash(tr.find_all("td")[0].text) == str(bad) for tr in rows)


# --------------------------------------------------------------------------- options and failures


def test_unwritable_output_is_one_line_exit_2_nothing_written(tmp_path):
    missing = tmp_path / "no-such-folder" / "r.html"
    result = run("report", SMALL, "--targets", QUOTA_TARGETS, "-o", missing)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"错误：无法写入 {missing}：文件夹 {missing.parent} 不存在"]
    assert not missing.parent.exists()
    # a folder as the output; and a good -o with a bad --pdf: nothing at all is written
    result = run("report", SMALL, "--targets", QUOTA_TARGETS, "-o", tmp_path, "--lang", "en")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    good = tmp_path / "r.html"
    result = run("report", SMALL, "--targets", QUOTA_TARGETS, "-o", good, "--pdf", missing.with_suffix(".pdf"))
    assert result.exit_code == 2 and not good.exists()


def test_pdf_without_chromium_is_a_clear_message(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    out = tmp_path / "r.html"
    result = run(
        "report",
        SMALL,
        "--targets",
        QUOTA_TARGETS,
        "-o",
        out,
        "--pdf",
        tmp_path / "r.pdf",
        "--lang",
        "en",
        env={"PATH": str(empty)},
    )
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot make the PDF: no Chromium found")
    assert not out.exists() and not (tmp_path / "r.pdf").exists()


def test_needs_an_output(tmp_path):
    result = run("report", SMALL)
    assert result.exit_code == 2
    assert "-o" in result.stderr and "--pdf" in result.stderr


def test_help_has_example():
    result = run("report", "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout and "chuangye report sample_data/ -o report.html" in result.stdout


def test_report_carries_the_rows_that_count():
    from chuangye_cli import api
    from chuangye_cli.plan.loader import load_plan

    report = api.check([str(SAMPLE)], load_plan(None))
    assert len(report.rows) == 60  # 10 districts x 6 quarters


# --------------------------------------------------------------------------- pieces


def _result(**kw):
    from chuangye_cli.core.quarters import Quarter
    from chuangye_cli.judge.results import Result

    base = dict(
        target="t", name={"zh": "目标", "en": "t"}, kind="sum", district_code=None, district_name=None, actual=None,
        threshold=100, op=">=", expected_now=50, status="no_data", deadline=Quarter(2010, 4), final=False,
    )
    return Result(**{**base, **kw})


def test_progress_bar_shapes():
    from chuangye_cli.render.html.view import progress_bar

    over = progress_bar(_result(actual=130, status="met"), "zh")
    assert (over.fill, over.mark, over.over) == (100.0, 50.0, True)
    nodata = progress_bar(_result(), "zh")
    assert (nodata.fill, nodata.mark) == (0.0, 50.0)
    final = progress_bar(_result(actual=40, final=True, expected_now=100, status="not_met"), "zh")
    assert (final.fill, final.mark) == (
        40.0,
        None,
    )  # at the deadline there is no pro-rata mark: the track's end is the target
    rate = progress_bar(_result(kind="ratio", actual=0.9998, threshold=1.0, expected_now=1.0, status="behind"), "zh")
    assert (rate.fill, rate.mark) == (99.98, 100.0)
    level = progress_bar(
        _result(
            kind="level", actual="basically_attained", threshold="attained", expected_now="attained", status="pending"
        ),
        "zh",
    )
    assert (level.fill, level.mark) == (66.67, 100.0)


def test_css_string_cannot_break_out_of_the_style():
    from chuangye_cli.render.html import css_string

    assert css_string('a"b') == '"a\\22 b"'
    assert "<" not in css_string("</style><script>") and '"' not in css_string('"')[1:-1]
    assert css_string("济南") == '"济南"'


def test_hostile_plan_name_is_escaped(tmp_path):
    from chuangye_cli import api
    from chuangye_cli.plan.loader import load_plan
    from chuangye_cli.render.html import render_html

    plan = load_plan(QUOTA_TARGETS)
    plan = plan.model_copy(update={"plan": '</style><script>alert("x")</script>'})
    report = api.check([str(SMALL)], plan, by_district=True)  # as chuangye report asks for it
    html = render_html(report, plan, "zh")
    assert "<script>" not in html and html.count("</style>") == 1
    assert Tree(html).root.find("h1").text == '</style><script>alert("x")</script>'


# --------------------------------------------------------------------------- incomplete quarters


def test_as_of_after_the_data_marks_and_explains(tmp_path):
    result, _, root = make_report(tmp_path, str(SAMPLE), "--as-of", "2010Q4", "--lang", "en")
    assert result.exit_code == 1
    rows = city_rows(root)
    words = {t: squash(tr.find("span", cls="word").text) for t, tr in rows.items()}
    assert words["participants"] == "not met*" and words["training_pass_rate"] == "met*"
    assert all(w.endswith("*") for w in words.values())  # every city figure lacks 2010Q3-Q4
    notes = [squash(p.text) for p in root.find("section", id="summary").find_all("p", cls="incomplete-note")]
    assert len(notes) == 2
    assert notes[0].startswith("Note *: figures built without the reports of Lixia (370102) 2010Q3–2010Q4;")
    assert (
        notes[1]
        == "Note: not reported = the district has no report for 2010Q4; "
        "its own results count as no data, not as a verdict."
    )
    # districts without their 2010Q4 report are named as not reported, never as not met
    summary = root.find("table", id="district-targets").find("tr", data_target="district_incubators")
    assert squash(summary.find("td", cls="lagging").text).startswith("not reported：Lixia, Shizhong, Huaiyin,")
    assert "not met" not in squash(summary.text)
    matrix = {
        tr.attrs["data-target"]: [squash(td.text) for td in tr.find_all("td")]
        for tr in root.find("table", id="matrix").find("tbody").find_all("tr")
    }
    assert matrix["district_incubators"][3] == "—not reported"
    assert matrix["participants"][3] == "—not reported"  # no figure of its own as of 2010Q4
    assert [squash(t.text) for t in root.find_all("text", cls="status-word")][:1] == ["not reported"]
    assert len(root.find("section", id="districts").find_all("p", cls="incomplete-note")) == 2


# --------------------------------------------------------------------------- trends quarter by quarter


def trend_points(fig: Node) -> list[dict]:
    """A trend chart's points as drawn: each quarter's data attributes and its circle's centre."""
    out = []
    for g in fig.find_all("g", cls="trend-point"):
        circles = g.find_all("circle")
        out.append(
            {
                "quarter": g.attrs["data-quarter"],
                "value": g.attrs["data-value"],
                "expected": g.attrs["data-expected"],
                "status": g.attrs["data-status"],
                "xy": (float(circles[0].attrs["cx"]), float(circles[0].attrs["cy"])) if circles else None,
            }
        )
    return out


def polyline(svg: Node, cls: str) -> list[tuple[float, float]]:
    found = svg.find_all("polyline", cls=cls)
    return [tuple(map(float, xy.split(","))) for xy in found[0].attrs["points"].split()] if found else []


def test_small_trend_chart_by_hand(small):
    """participants (a quota target, judged on the city total of 1,000 over 2009Q1-Q4):
    2009Q1 100+200+60+50 = 410, pro-rata 250; 2009Q2 410 + 120+100+70+50 = 750, pro-rata 500."""
    _, _, root = small
    section = root.find("section", id="trends")
    figs = {f.attrs["data-target"]: f for f in section.find_all("figure", cls="trend")}
    assert list(figs) == ["participants", "training_pass_rate", "service_rate"]  # city targets, not levels
    fig = figs["participants"]
    svg = fig.find("svg", cls="trend")
    # the y axis: 0..1,200 (ticks of 200 up to 1.05 x the 1,000 target) over y = 124 (0) .. 12 (1,200)
    assert svg.attrs["data-top"] == "1200"
    points = trend_points(fig)
    assert [(p["quarter"], p["value"], p["expected"], p["status"]) for p in points] == [
        ("2009Q1", "410", "250", "on_track"),
        ("2009Q2", "750", "500", "on_track"),
    ]
    # x: the middle of each quarter's half of 50..326; y: 124 - 112 x value / 1,200
    assert [p["xy"] for p in points] == [(119.0, 85.73), (257.0, 54.0)]
    assert polyline(svg, "actual") == [(119.0, 85.73), (257.0, 54.0)]
    assert polyline(svg, "expected") == [(119.0, 100.67), (257.0, 77.33)]
    assert svg.find("line", cls="target").attrs["y1"] == "30.67"  # the 1,000 target
    assert squash(svg.find("text", cls="last").text) == "750"
    # a rate: the pro-rata line is the 90% target; 235/250 = 94.0%, then 362/400 = 90.5%
    rate = trend_points(figs["training_pass_rate"])
    assert [(p["value"], p["expected"], p["status"]) for p in rate] == [("0.94", "0.9", "met"), ("0.905", "0.9", "met")]
    assert figs["training_pass_rate"].find_all("line", cls="target") == []


def test_small_heat_table_by_hand(small):
    """本级孵化基地 (target 4 by 2009Q4): 历下区 2 then 3, 市中区 1 then 2; pro-rata 1 then 2."""
    _, _, root = small
    section = root.find("section", id="district-trends")
    tables = {t.attrs["data-target"]: t for t in section.find_all("table", cls="heat")}
    assert list(tables) == ["district_incubators", "pilot_standard"]
    header = [squash(th.text) for th in tables["district_incubators"].find("thead").find_all("th")]
    assert header == ["范围", "2009Q1", "2009Q2"]
    rows = {tr.attrs["data-district"]: tr for tr in tables["district_incubators"].find("tbody").find_all("tr")}
    assert list(rows) == ["370102", "370103"]
    cells = [(td.attrs["data-quarter"], td.attrs["data-value"], td.attrs["data-completion"],
              td.attrs["data-status"], squash(td.text))
             for td in rows["370103"].find_all("td", cls="heat-cell")]  # fmt: skip
    assert cells == [("2009Q1", "1", "0.25", "on_track", "1符合序时"), ("2009Q2", "2", "0.5", "on_track", "2符合序时")]
    # the pilot target covers 历下区 only: a level, pending before the deadline
    pilot = tables["pilot_standard"].find("tbody").find_all("tr")
    assert [tr.attrs["data-district"] for tr in pilot] == ["370102"]
    assert [squash(td.text) for td in pilot[0].find_all("td", cls="heat-cell")] == ["基本达到待考核", "基本达到待考核"]


def test_sample_trend_charts_agree_with_trend(sample):
    """Every city target's chart, every quarter: the points read back from the SVG are the
    figures of ``chuangye trend`` (cumulative, pro-rata expectation, status), drawn where the
    axis puts them."""
    from chuangye_cli.render.html.charts import TREND_GEOMETRY as G

    _, _, root = sample
    data = json.loads(run("trend", SAMPLE, "--format", "json").stdout)
    city = [
        s for s in data["series"] if s["source"] == "target" and s["district_code"] is None and s["kind"] != "level"
    ]
    assert [s["id"] for s in city] == [
        "participants", "training_pass_rate", "service_rate", "initial_success_rate", "survival_rate",
        "city_incubators", "new_businesses", "new_jobs",
    ]  # fmt: skip
    figs = {f.attrs["data-target"]: f for f in root.find("section", id="trends").find_all("figure", cls="trend")}
    assert list(figs) == [s["id"] for s in city]
    quarters = ["2009Q1", "2009Q2", "2009Q3", "2009Q4", "2010Q1", "2010Q2"]  # the plan's start to the as-of quarter
    for s in city:
        svg = figs[s["id"]].find("svg", cls="trend")
        top = float(svg.attrs["data-top"])
        points = trend_points(figs[s["id"]])
        assert [p["quarter"] for p in points] == [p["quarter"] for p in s["points"]] == quarters
        for drawn, want in zip(points, s["points"]):
            assert float(drawn["value"]) == want["cumulative"], (s["id"], want["quarter"])
            assert float(drawn["expected"]) == want["expected"], (s["id"], want["quarter"])
            assert drawn["status"] == want["status"]
            y = G["bottom"] - (G["bottom"] - G["top"]) * want["cumulative"] / top
            assert drawn["xy"][1] == pytest.approx(y, abs=0.006), (s["id"], want["quarter"])
            assert top >= want["cumulative"] and top >= want["expected"]
        xs = [p["xy"][0] for p in points]
        assert xs == sorted(xs) and G["x0"] < xs[0] and xs[-1] < G["x1"]
        assert polyline(svg, "actual") == [p["xy"] for p in points]
        assert len(polyline(svg, "expected")) == len(quarters)
    # by hand from the trend table: participants 2010Q2 17,370 against a pro-rata 15,000 (20,000 x 6/8)
    last = trend_points(figs["participants"])[-1]
    assert (last["value"], last["expected"], last["status"]) == ("17370", "15000", "on_track")


def test_sample_heat_table_one_district(sample):
    """商河县 (370126), 各县(市)区本级孵化基地 (target 5 by 2010Q4, pro-rata 5 x k/8): its bases
    quarter by quarter and the verdict each quarter, as ``chuangye trend`` has them."""
    _, _, root = sample
    table = root.find("section", id="district-trends").find("table", cls="heat", data_target="district_incubators")
    assert len(table.find("tbody").find_all("tr")) == 10
    row = table.find("tr", data_district="370126")
    assert squash(row.find("td", cls="name").text) == "商河县"
    cells = row.find_all("td", cls="heat-cell")
    assert [
        (td.attrs["data-quarter"], td.attrs["data-value"], td.attrs["data-status"], squash(td.text)) for td in cells
    ] == [
        ("2009Q1", "1", "on_track", "1符合序时"),  # 1 >= 0.625
        ("2009Q2", "1", "behind", "1落后序时"),  # 1 < 1.25
        ("2009Q3", "2", "on_track", "2符合序时"),  # 2 >= 1.875
        ("2009Q4", "2", "behind", "2落后序时"),  # 2 < 2.5
        ("2010Q1", "3", "behind", "3落后序时"),  # 3 < 3.125
        ("2010Q2", "3", "behind", "3落后序时"),  # 3 < 3.75
    ]
    # black-and-white safe: every judged cell has its word and its state's pattern
    for td in cells:
        assert td.find("rect").attrs["fill"] == f"url(#pat-{td.attrs['data-status']})"
    data = json.loads(
        run("trend", SAMPLE, "--target", "district_incubators", "--district", "370126", "--format", "json").stdout
    )
    (series,) = [s for s in data["series"] if s["district_code"] == "370126"]
    assert [(p["cumulative"], p["status"]) for p in series["points"]] == [
        (int(td.attrs["data-value"]), td.attrs["data-status"]) for td in cells
    ]


def test_no_trend_pages_without_a_verdict(tmp_path):
    _, _, root = make_report(tmp_path, str(BAD), "--targets", str(QUOTA_TARGETS))
    assert root.find_all("section", id="trends") == [] and root.find_all("section", id="district-trends") == []


def test_trend_quarters_without_reports_are_no_verdict(tmp_path):
    """As of 2010Q4 the sample lacks every 2010Q3-Q4 report: those points are hollow and marked
    incomplete, and a district's cells say 未报送 with the no-data pattern, never 已达标."""
    _, _, root = make_report(tmp_path, str(SAMPLE), "--as-of", "2010Q4")
    fig = root.find("section", id="trends").find("figure", cls="trend", data_target="participants")
    groups = fig.find_all("g", cls="trend-point")
    assert [g.attrs.get("data-incomplete") for g in groups] == [None] * 6 + ["true", "true"]
    assert [g.find("circle").attrs["fill"] for g in groups][5:] == ["url(#pat-on_track)", "#fff", "#fff"]
    row = root.find("table", cls="heat", data_target="district_incubators").find("tr", data_district="370102")
    cells = row.find_all("td", cls="heat-cell")
    assert [td.attrs.get("data-reported") for td in cells] == [None] * 6 + ["false", "false"]
    assert [squash(td.text) for td in cells][5:] == ["6已达标", "6未报送", "6未报送"]
    assert cells[-1].find("rect").attrs["fill"] == "url(#pat-no_data)"
    notes = [squash(p.text) for p in root.find("section", id="district-trends").find_all("p", cls="incomplete-note")]
    assert notes == ["未报送：该县(市)区没有该季度的报表，格中数值沿用此前的报表，不作为结论。"]
    assert len(root.find("section", id="trends").find_all("p", cls="incomplete-note")) == 1


def test_a_figure_missing_an_earlier_report_stays_hollow_after_the_district_reports_again(tmp_path):
    """市中区 sent nothing for 2009Q3 and reported again from 2009Q4: the city's cumulative from
    2009Q3 on lacks that report, so those dots are hollow (not just 2009Q3's), as `trend` flags them."""
    gap = FIXTURES / "trend_gap"
    _, _, root = make_report(tmp_path, str(gap / "reports"), "--targets", str(gap / "targets.yaml"))
    fig = root.find("section", id="trends").find("figure", cls="trend", data_target="new_jobs")
    groups = fig.find_all("g", cls="trend-point")
    assert [g.attrs.get("data-incomplete") for g in groups] == [None, None, "true", "true", "true"]
    assert [g.find("circle").attrs["fill"] for g in groups][2:] == ["#fff", "#fff", "#fff"]
    data = json.loads(
        run(
            "trend", gap / "reports", "--targets", gap / "targets.yaml", "--target", "new_jobs", "--format", "json"
        ).stdout
    )
    (city,) = [s for s in data["series"] if s["district_code"] is None]
    assert [p.get("incomplete") is True for p in city["points"]] == [
        g.attrs.get("data-incomplete") == "true" for g in groups
    ]


def test_the_rate_trend_chart_writes_the_gap_beside_the_last_figure(small):
    """99.7% against a 100% line is a pixel on a 0-100% axis: the figure carries the gap in words."""
    _, _, root = small
    fig = root.find("figure", cls="trend", data_target="service_rate")
    assert squash(fig.find("svg").find("text", cls="last").text) == "99.7%（差 0.3 个百分点）"
    fig = root.find("figure", cls="trend", data_target="training_pass_rate")
    assert squash(fig.find("svg").find("text", cls="last").text) == "90.5%"  # met: no gap


def test_the_files_appendix_counts_files_not_sheets(tmp_path):
    """A workbook of three sheets is one file read: three rows in the table, "(1 个)" in the heading."""
    from reportfiles import grid, row, write_workbook

    book = write_workbook(
        tmp_path / "历下区.xlsx",
        ("填表说明", [["填表说明"], ["1. 每季度一张表"]]),
        ("2009Q1", grid([row()])),
        ("2009Q2", grid([row(quarter=2)])),
    )
    result, _, root = make_report(tmp_path, str(book), "--targets", str(FIXTURES / "check" / "targets_small.yaml"))
    assert result.exit_code in (0, 1), result.stderr
    rows = root.find("table", id="files").find_all("tr", cls="file")
    assert len(rows) == 3
    assert squash(root.find("section", id="appendix").find_all("h3")[-1].text) == "读取的文件（1 个）"


def test_a_district_rate_chart_names_the_gaps_under_it(tmp_path):
    """service_rate judged per district: 历下区 269/270 = 99.6% against 100%, a bar a hair short of its
    line; the gap is written under the chart (市中区 92/92 = 100% is not named)."""
    targets = tmp_path / "targets.yaml"
    text = QUOTA_TARGETS.read_text(encoding="utf-8")
    per_district = text.replace("    value: 1.0\n    scope: city", "    value: 1.0\n    scope: each_district")
    assert per_district != text
    targets.write_text(per_district, encoding="utf-8")
    result, _, root = make_report(tmp_path, str(SMALL), "--targets", str(targets))
    assert result.exit_code == 1
    fig = root.find("figure", cls="chart", data_target="service_rate")
    assert squash(fig.find("p", cls="chart-gaps").text) == "未达目标：历下区 99.6%，差 0.4 个百分点。"
    assert root.find("figure", cls="chart", data_target="district_incubators").find_all("p", cls="chart-gaps") == []


def test_the_verdict_counts_as_check_does(sample):
    """sample_data without rosters: the roster target reads 需花名册：未提供 as in check's count line (was 无数据 1)."""
    _, _, root = sample
    verdict = squash(root.find("div", id="verdict").children[0])
    check = run("check", SAMPLE).stdout.splitlines()
    assert verdict.endswith(next(x for x in check if x.startswith("合计：")).removeprefix("合计："))
    assert verdict.endswith("需花名册：未提供 1") and "无数据" not in verdict
