"""chuangye report in a real browser: headless Chromium screenshots and prints the sample report.

These need Debian's ``chromium`` and ``poppler-utils`` (pdftotext), which .ci/run installs.
Where they are missing the tests skip and say so; they never pass without a browser.

Set CHUANGYE_WRITE_DOCS=1 to refresh docs/report-page1.png (the README's screenshot)
from the screenshot this run takes.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE, run

DOCS_SHOT = ROOT / "docs" / "report-page1.png"
#: A4 at 96 CSS px per inch is 794 x 1123; at this device scale the PNG is 1240 x 1754 (150 dpi)
A4_CSS = (794, 1123)
SCALE = 1240 / 794
#: the page margin of the print CSS (12 mm left and right), in PDF points
MARGIN_PT = 12 / 25.4 * 72


def _browser() -> str:
    from chuangye_cli.render.pdf import BROWSERS, find_browser

    browser = find_browser()
    if browser is None:
        pytest.skip(f"chromium not installed: none of {', '.join(BROWSERS)} is on PATH (apt-get install chromium)")
    return browser


def _poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} not installed: it comes with poppler-utils (apt-get install poppler-utils)")
    return found


# --------------------------------------------------------------------------- a tiny PNG decoder


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB bytes) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    import numpy as np  # comes with pandas; makes the common filters (none, sub, up) fast

    rows, prev = [], np.zeros(stride, dtype=np.uint8)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        cur = np.frombuffer(raw, dtype=np.uint8, count=stride, offset=y * (stride + 1) + 1).copy()
        if ftype == 1:  # sub: a running sum along the row, per channel
            cur = (np.cumsum(cur.reshape(width, bpp).astype(np.uint32), axis=0) & 0xFF).astype(np.uint8).reshape(-1)
        elif ftype == 2:  # up
            cur = cur + prev
        elif ftype in (3, 4):  # average, paeth: byte by byte
            line, up = bytearray(cur.tobytes()), prev.tobytes()
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = up[i]
                if ftype == 3:
                    line[i] = (line[i] + ((a + b) >> 1)) & 0xFF
                else:
                    c = up[i - bpp] if i >= bpp else 0
                    pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
            cur = np.frombuffer(bytes(line), dtype=np.uint8).copy()
        prev = cur
        rows.append(cur.tobytes() if bpp == 3 else cur.reshape(width, 4)[:, :3].tobytes())
    return width, height, rows


# --------------------------------------------------------------------------- the tests


@pytest.fixture(scope="module")
def sample_html(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "report.html"
    result = run("report", SAMPLE, "-o", out)
    assert result.exit_code == 1, result.stderr  # the sample misses a target on purpose
    return out


def screenshot(
    browser: str, html: Path, png: Path, size: tuple[int, int] = (1240, 1754), scale: float = 1.0
) -> str | None:
    """A PNG of the top of the page as a screen shows it (None, or why it failed)."""
    from chuangye_cli.render.pdf import run_browser

    return run_browser(
        browser,
        "--hide-scrollbars",
        f"--window-size={size[0]},{size[1]}",
        f"--force-device-scale-factor={scale}",
        f"--screenshot={png}",
        html.resolve().as_uri(),
        output=png,
    )


def test_screenshot_of_page_one_is_not_blank(sample_html, tmp_path):
    browser = _browser()
    png = tmp_path / "page1.png"
    why = screenshot(browser, sample_html, png, size=A4_CSS, scale=SCALE)
    assert why is None, why
    width, height, rows = decode_png(png.read_bytes())
    assert (width, height) == (1240, 1754)
    colours: set[bytes] = set()
    ink = 0
    greenish = 0
    for row in rows[::2]:
        for x in range(0, len(row), 6):
            px = row[x : x + 3]
            colours.add(px)
            if px != b"\xff\xff\xff":
                ink += 1
            r, g, b = px
            if g > r + 40 and g > b + 20:  # the 'met' bars and words are green
                greenish += 1
    sampled = (height // 2) * (width // 2)
    assert len(colours) > 100, f"only {len(colours)} colours: blank or unstyled"
    assert 0.03 < ink / sampled < 0.6, f"{ink / sampled:.1%} of the page is not white"
    assert greenish > 500, "no status colour drawn: the bars are missing"
    if os.environ.get("CHUANGYE_WRITE_DOCS") == "1":
        DOCS_SHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(png, DOCS_SHOT)


@pytest.fixture(scope="module", params=["zh", "en"])
def sample_pdf(request, tmp_path_factory) -> tuple[str, Path]:
    """The sample report printed to PDF by ``chuangye report --pdf``, in each language."""
    _browser()
    lang = request.param
    pdf = tmp_path_factory.mktemp("pdf") / f"report-{lang}.pdf"
    result = run("report", SAMPLE, "--pdf", pdf, "--lang", lang)
    assert result.exit_code == 1, result.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    return lang, pdf


def _text(pdf: Path, *opts: str) -> str:
    return subprocess.run(
        [_poppler("pdftotext"), *opts, str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout


def test_pdf_has_every_target_and_status(sample_pdf):
    import json

    from chuangye_cli.core.i18n import label

    _poppler("pdftotext")
    lang, pdf = sample_pdf
    layout = _text(pdf, "-layout")
    flat = re.sub(r"\s+", "", _text(pdf))
    data = json.loads(run("check", SAMPLE, "--format", "json").stdout)
    pages = re.findall(r"第 (\d) 页，共 (\d) 页" if lang == "zh" else r"page (\d) of (\d)", layout)
    # summary, districts, city trends, district trends, appendix: one A4 page each
    assert pages == [(str(k), "5") for k in range(1, 6)]
    page3 = _text(pdf, "-layout", "-f", "3", "-l", "3").split("\n", 1)[
        1
    ]  # below the running header (which names the period too)
    assert label("report.trends", lang) in page3
    for q in ("2009Q1", "2009Q2", "2009Q3", "2009Q4", "2010Q1", "2010Q2"):  # each chart's quarter axis
        assert page3.count(q) == 8, q  # the 8 city targets that are not levels
    page4 = _text(pdf, "-layout", "-f", "4", "-l", "4")
    assert label("report.heat", lang) in page4 and label("status_short.behind", lang) in page4
    for r in data["results"]:
        name = r["name"][lang]
        assert re.sub(r"\s+", "", name) in flat, name
        if r["district_code"] is None and lang == "zh":
            # page 1: the target's row carries its status word on the same line (a target that needs rosters,
            # none given: its line under the table says so)
            line = next(ln for ln in layout.splitlines() if name in ln)
            status = "status.needs_rosters" if r.get("needs_rosters") else f"status.{r['status']}"
            assert label(status, lang) in line, line
    for status, n in data["summary"].items():
        if n:
            assert re.sub(r"\s+", "", label(f"status.{status}", lang)) in flat


def test_pdf_is_a4_and_nothing_is_cut_at_the_margins(sample_pdf):
    _, pdf = sample_pdf
    info = subprocess.run([_poppler("pdfinfo"), str(pdf)], capture_output=True, check=True, text=True).stdout
    assert "(A4)" in info
    boxes = _text(pdf, "-bbox")
    page_w = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))
    words = [
        (float(a), float(b), w)
        for a, b, w in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', boxes)
    ]
    assert len(words) > 300
    outside = [w for a, b, w in words if a < MARGIN_PT - 1 or b > page_w - MARGIN_PT + 1]
    assert outside == [], f"text runs into the page margin: {outside[:10]}"


#: measures the laid-out page: every box whose content is wider than the box, or that reaches past the sheet's content
OVERFLOW_PROBE = """<script>
window.addEventListener('load', () => {
  const bad = [];
  for (const sheet of document.querySelectorAll('.sheet')) {
    const cs = getComputedStyle(sheet);
    const right = sheet.getBoundingClientRect().right - parseFloat(cs.paddingRight) + 1;
    const left = sheet.getBoundingClientRect().left + parseFloat(cs.paddingLeft) - 1;
    for (const el of sheet.querySelectorAll('*')) {
      if (el instanceof SVGElement && el.tagName !== 'svg') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) bad.push('overflows: ' + el.tagName + ' ' + el.textContent.trim().slice(0, 30));
      if (r.right > right || r.left < left) bad.push('outside: ' + el.tagName + ' ' + el.textContent.trim().slice(0, 30));
    }
  }
  const out = document.createElement('pre');
  out.id = 'probe';
  out.textContent = JSON.stringify(bad);
  document.body.appendChild(out);
});
</script>"""  # noqa: E501 - the probe as the browser runs it


@pytest.mark.parametrize("lang, as_of", [("zh", None), ("en", None), ("zh", "2010Q4"), ("en", "2010Q4")])
def test_no_box_overflows_at_a4_width(tmp_path, lang, as_of):
    """In the browser's layout of an A4-wide sheet no text sticks out of its cell or past the margins
    (also with 8 quarters in the heat tables, their narrowest cells)."""
    import html as htmllib
    import json
    import tempfile

    from chuangye_cli.render.pdf import browser_command

    browser = _browser()
    page = tmp_path / "probe.html"
    result = run("report", SAMPLE, "-o", page, "--lang", lang, *(["--as-of", as_of] if as_of else []))
    assert result.exit_code == 1
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", OVERFLOW_PROBE + "</body>"), encoding="utf-8")
    dom = tmp_path / "dom.html"
    with dom.open("wb") as sink:
        with tempfile.TemporaryDirectory() as profile:
            proc = subprocess.run(
                browser_command(browser, profile, "--window-size=1000,1400", "--dump-dom", page.resolve().as_uri()),
                stdout=sink, stderr=subprocess.DEVNULL, timeout=120,
            )
    assert proc.returncode == 0
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom.read_text(encoding="utf-8"), re.S)
    assert found, "the probe did not run"
    assert json.loads(htmllib.unescape(found.group(1))) == []


def test_report_o_pdf_writes_a_pdf_not_html(tmp_path):
    """`-o r.pdf` once wrote the HTML into r.pdf and said it was written: the extension decides."""
    _browser()
    out = tmp_path / "r.pdf"
    result = run("report", SAMPLE, "-o", out, "--lang", "en")
    assert result.exit_code == 1, result.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
    assert result.stdout == f"wrote {out}\n"


def test_heat_cells_never_break_a_word(tmp_path):
    """At 8 quarters the English level words and status words are wider than a heat cell's line:
    they wrap at their spaces ("basically / attained"), never inside a word ("pendin / g")."""
    from chuangye_cli.core.i18n import label

    _browser()
    pdf = tmp_path / "r.pdf"
    assert run("report", SAMPLE, "--pdf", pdf, "--lang", "en", "--as-of", "2010Q4").exit_code == 1
    text = _text(pdf)
    words = {
        w
        for key in ("met", "on_track", "behind", "not_met", "pending", "no_data", "not_reported")
        for w in label(f"status_short.{key}", "en").split()
    }
    words |= {"attained", "basically"}
    assert {"pending", "attained", "basically", "reported"} <= set(text.split())  # the heat tables are there
    broken = [(w[:i], w[i:]) for w in words for i in range(1, len(w)) if re.search(rf"\b{w[:i]}\s+{w[i:]}\b", text)]
    assert broken == []
