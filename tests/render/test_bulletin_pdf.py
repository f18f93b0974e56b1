"""The bulletin's .docx opened by LibreOffice: converted to PDF headless, every district name and
the ranking rule are in the PDF's text (pdftotext).

Needs Debian's ``libreoffice-writer-nogui`` (soffice) and ``poppler-utils``, which .ci/run installs;
where they are missing the test skips and says why. Set CHUANGYE_WRITE_DOCS=1 to refresh
docs/bulletin-page1.png (the README's picture) from page 1 of this run's PDF (pdftoppm).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import docx
import pytest

from chuangye_cli.core.i18n import label
from conftest import FIXTURES, ROOT, SAMPLE, run

DOCS_SHOT = ROOT / "docs" / "bulletin-page1.png"


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} not installed: it comes with {package} (apt-get install {package})")
    return found


def _to_pdf(docx_path, out_dir, profile) -> "os.PathLike[str]":
    soffice = _tool("soffice", "libreoffice-writer-nogui")
    proc = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx_path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = out_dir / (docx_path.stem + ".pdf")
    assert proc.returncode == 0 and pdf.exists(), proc.stderr
    return pdf


@pytest.mark.parametrize(
    "name, paths",
    [
        ("sample", (SAMPLE, "--date", "2010-07-15")),
        (
            "fixture",
            (
                FIXTURES / "bulletin" / "reports",
                "--targets",
                FIXTURES / "bulletin" / "targets.yaml",
                "--as-of",
                "2010Q1",
            ),
        ),
    ],
)
def test_libreoffice_converts_the_docx_and_the_pdf_names_every_district_and_the_rule(tmp_path, name, paths):
    from chuangye_cli.plan.loader import load_plan

    pdftotext = _tool("pdftotext", "poppler-utils")
    docx_path = tmp_path / f"{name}.docx"
    assert run("bulletin", *paths, "-o", docx_path).exit_code == 0
    pdf = _to_pdf(docx_path, tmp_path, tmp_path / "lo-profile")
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    flat = re.sub(r"—\d+—", "", re.sub(r"\s+", "", text))  # a paragraph across a page: its footer's number out
    targets = paths[paths.index("--targets") + 1] if "--targets" in paths else None
    for d in load_plan(targets).districts:
        assert d.name in flat, d.name
    rule = label("bulletin.rule.behind.asc", "zh") + "，" + "再按" + label("bulletin.rule.growth.desc", "zh")
    assert re.sub(r"\s+", "", "排名规则：先按" + rule) in flat
    info = subprocess.run(
        [_tool("pdfinfo", "poppler-utils"), str(pdf)], capture_output=True, check=True, text=True
    ).stdout
    assert "(A4)" in info
    if name == "sample" and os.environ.get("CHUANGYE_WRITE_DOCS") == "1":
        pdftoppm = _tool("pdftoppm", "poppler-utils")
        subprocess.run(
            [pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(tmp_path / "page1")],
            check=True,
        )
        DOCS_SHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(tmp_path / "page1.png", DOCS_SHOT)


# ---- the layout as LibreOffice prints it (GB/T 9704-2012): one conversion of several documents

B = FIXTURES / "bulletin"
#: name -> (arguments, office, date); each made as name.docx and converted in one soffice run
DOCUMENTS = {
    "fixture_zh": ((B / "reports", "--targets", B / "targets.yaml", "--as-of", "2010Q1", "--date", "2010-04-20"),
                   "测试办公室", "2010年4月20日"),
    "sent_zh": ((B / "reports", "--targets", B / "targets_sent.yaml", "--as-of", "2010Q1", "--date", "2010-04-20"),
                "测试办公室", "2010年4月20日"),
    "sent_en": ((B / "reports", "--targets", B / "targets_sent.yaml", "--as-of", "2010Q1", "--date", "2010-04-20",
                 "--lang", "en"), "Test Office", "2010-04-20"),
    "sample_zh": ((SAMPLE, "--date", "2010-07-15", "--number", "济创联办〔2010〕3号"),
                  "济南市就业工作联席会议办公室", "2010年7月15日"),
    "sample_en": ((SAMPLE, "--date", "2010-07-15", "--lang", "en"),
                  "Office of the Jinan Joint Meeting on Employment", "2010-07-15"),
}  # fmt: skip
#: pages as LibreOffice 7.4 prints them with the Noto CJK fonts (.ci/run installs fonts-noto-cjk):
#: (portrait pages of the body, landscape pages of the annex)
PAGES = {
    "fixture_zh": (4, 1),
    "sent_zh": (4, 1),
    "sent_en": (4, 1),
    "sample_zh": (4, 1),
    "sample_en": (4, 1),
}


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """name -> (the .docx, its PDF's pages as pdftotext -layout reads them, the pages' words in
    reading order, page sizes, the words of each page's bottom line with their left and right x)."""
    tmp = tmp_path_factory.mktemp("printed")
    pdftotext = _tool("pdftotext", "poppler-utils")
    pdfinfo = _tool("pdfinfo", "poppler-utils")
    soffice = _tool("soffice", "libreoffice-writer-nogui")
    files = []
    for name, (args, _, _) in DOCUMENTS.items():
        out = tmp / f"{name}.docx"
        result = run("bulletin", *args, "-o", out)
        assert result.exit_code == 0, result.stderr
        files.append(str(out))
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp), *files],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr

    def text(*args: str) -> str:
        return subprocess.run([pdftotext, *args, "-"], capture_output=True, check=True, text=True).stdout

    out = {}
    for name in DOCUMENTS:
        pdf = str(tmp / f"{name}.pdf")
        info = subprocess.run([pdfinfo, "-f", "1", "-l", "999", pdf], capture_output=True, check=True, text=True)
        sizes = [tuple(map(float, m)) for m in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info.stdout)]
        bottoms = []
        for page in text("-bbox", pdf).split("<page ")[1:]:
            words = [
                (float(y), float(x0), float(x1), w)
                for x0, y, x1, w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">'
                                               r"([^<]*)</word>", page)
            ]  # fmt: skip
            low = max(y for y, _, _, _ in words)
            bottoms.append(sorted((x0, x1, w) for y, x0, x1, w in words if y == low))
        out[name] = (
            tmp / f"{name}.docx", text("-layout", pdf).split("\f")[:-1], text(pdf).split("\f")[:-1], sizes, bottoms,
        )  # fmt: skip
    return out


def _lines(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.strip()]


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_pages_body_portrait_then_the_annex_landscape(printed, name):
    _, pages, _, sizes, _ = printed[name]
    body, annex = PAGES[name]
    assert len(pages) == len(sizes) == body + annex
    portrait = [round(w) < round(h) for w, h in sizes]
    assert portrait == [True] * body + [False] * annex  # no portrait page after the table, none in between
    assert {(round(min(w, h)), round(max(w, h))) for w, h in sizes} == {(595, 842)}  # A4
    assert _lines(pages[body])[0].strip() in ("附件", "Annex")


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_page_numbers_in_the_footer_odd_right_even_left(printed, name):
    _, pages, _, sizes, bottoms = printed[name]
    for i, (page, (width, _), bottom) in enumerate(zip(pages, sizes, bottoms), 1):
        assert re.sub(r"\s+", "", _lines(page)[-1]) == f"—{i}—"  # "— 1 —", the last line of the page
        assert [w for _, _, w in bottom] == ["—", str(i), "—"]
        if i % 2:
            assert bottom[-1][1] > width * 0.75, (i, bottom)  # odd pages at the right
        else:
            assert bottom[0][0] < width * 0.25, (i, bottom)  # even pages at the left


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_office_and_date_on_one_page_with_the_body_and_no_near_empty_page(printed, name):
    _, pages, _, _, _ = printed[name]
    _, office, date = DOCUMENTS[name]
    flat = [[re.sub(r"\s+", "", line) for line in _lines(page)] for page in pages]
    office, date = re.sub(r"\s+", "", office), re.sub(r"\s+", "", date)
    (where,) = [i for i, page in enumerate(flat) if office in page[1:]]  # (the English issuer's mark is the office)
    page = flat[where]
    assert page[page.index(office, 1) + 1] == date
    assert len(page) >= 6  # the date's page has the body's end above the office
    for i, p in enumerate(flat):
        assert len(p) - 1 >= 4, (i + 1, p)  # besides the page number, at least 4 lines: no near-empty page


@pytest.mark.parametrize("name", ["sent_en", "sample_en"])
def test_english_no_word_broken(printed, name):
    """Every word LibreOffice printed is a word of the document (a compound may break after its
    hyphen): no "participan" + "ts" in a narrow column."""
    path, pages, _, _, _ = printed[name]
    d = docx.Document(str(path))
    texts = [p.text for p in d.paragraphs] + [c.text for t in d.tables for row in t.rows for c in row.cells]

    def words(text: str) -> set[str]:  # English words and numbers (pdftotext spaces CJK from digits)
        return {w for w in re.split(r"\s+|(?<=[-/])", text) if w and w.isascii()}

    seen = words("\n".join(pages))
    assert seen - words("\n".join(texts)) == set()
    if name == "sample_en":  # words equal columns broke ("participan" + "ts")
        assert {"participants", "(businesses)", "Changqing"} <= seen


def test_sent_document_prints_its_issuer_number_and_imprint(printed):
    _, pages, _, _, _ = printed["sent_zh"]
    first = [re.sub(r"\s+", "", line) for line in _lines(pages[0])]
    assert first[:3] == ["测试办公室文件", "测试〔2010〕1号", "关于2010年第一季度全市创建创业型城市工"]
    last = [re.sub(r"\s+", "", line) for line in _lines(pages[-1])]
    assert last[-3:] == ["抄送：市政府办公厅。", "测试办公室2010年4月20日印发", "—5—"]
