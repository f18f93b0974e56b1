"""The printable report as PDF: headless Chromium prints the HTML file (library code, no click).

Functions return None on success, or a one-line reason for the user on failure.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

#: browsers tried for --pdf, in order
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
#: seconds a browser may take to print
BROWSER_TIMEOUT = 120


def find_browser() -> str | None:
    """The first Chromium on PATH."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_command(browser: str, profile: str, *args: str) -> list[str]:
    """A headless Chromium command that stays offline and leaves nothing behind but ``profile``."""
    return [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        *args,
    ]


def run_browser(browser: str, *args: str, output: Path) -> str | None:
    """Run headless Chromium until it has written ``output``. Returns None, or why it failed."""
    with tempfile.TemporaryDirectory(prefix="chuangye-chromium-") as profile:
        try:
            proc = subprocess.run(
                browser_command(browser, profile, *args),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=BROWSER_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            return f"{Path(browser).name} did not finish within {BROWSER_TIMEOUT} s"
        except OSError as exc:
            return f"{Path(browser).name}: {exc.strerror or exc}"
    if proc.returncode != 0 or not output.exists() or output.stat().st_size == 0:
        lines = [ln for ln in proc.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
        tail = lines[-1].strip() if lines else f"exit status {proc.returncode}"
        return f"{Path(browser).name}: {tail}"
    return None


def print_pdf(browser: str, html: Path, pdf: Path) -> str | None:
    """Print an HTML file to PDF (A4 from the page's CSS, no browser header or footer)."""
    return run_browser(
        browser,
        "--no-pdf-header-footer",
        "--print-to-pdf-no-header",
        f"--print-to-pdf={pdf}",
        html.resolve().as_uri(),
        output=pdf,
    )


__all__ = ["BROWSERS", "BROWSER_TIMEOUT", "find_browser", "browser_command", "run_browser", "print_pdf"]
