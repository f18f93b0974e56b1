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
    flat = re.sub(
        r"\s+", "", subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    )
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
