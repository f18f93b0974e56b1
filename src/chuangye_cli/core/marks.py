"""The mark on files this tool writes, and how a reader knows it.

Results saved inside the reports folder (``check reports/ -o reports/results.xlsx``, or
``--format csv > reports/results.csv``) must never be read back as a quarterly report: the
report reader (:func:`chuangye_cli.reports.reader.find_files`) leaves a marked file out with a
warning naming it.

* .xlsx: the workbook's keywords property (``docProps/core.xml``, ``<cp:keywords>``; Excel and
  WPS show it as Tags/关键词 under File > Info and keep it when the file is saved again) is
  :data:`XLSX_KEYWORDS`.
* .docx (the bulletin): the same keywords property, so that ``-o`` into a reports folder replaces
  an earlier bulletin and never a document of the district's own (说明.docx).
* .csv: the first line is a comment, :data:`CSV_PREFIX` and a few words in the output's
  language. It has no comma, so Excel shows it as one cell in A1; a program reading the CSV
  skips one line (``pandas.read_csv(f, skiprows=1)``). A re-save from Excel (commas padded
  after it, GBK) keeps the mark.

The blank template (``chuangye template``) carries no mark: districts fill it in and send it
back, and it is read as a report.
"""

from __future__ import annotations

import codecs
import os
import re
import zipfile
from typing import Any

#: the keywords property of every workbook and document (.docx) this tool writes as output
XLSX_KEYWORDS = "chuangye-output"
#: how the first line of every CSV this tool writes as output begins
CSV_PREFIX = "# chuangye:"
#: how much of a CSV is looked at for the mark, and of docProps/core.xml
_HEAD_BYTES = 256
_CORE_BYTES = 64 * 1024
_KEYWORDS = re.compile(r"<(?:\w+:)?keywords\b[^>]*>([^<]*)</(?:\w+:)?keywords>")


def mark_workbook(wb: Any) -> None:
    """Mark an openpyxl workbook as this tool's output."""
    wb.properties.creator = "chuangye"
    wb.properties.keywords = XLSX_KEYWORDS


def csv_mark_line(lang: str) -> str:
    """The first line of an output CSV (with its line end)."""
    from chuangye_cli.core.i18n import label

    return f"{CSV_PREFIX} {label('output.csv_mark', lang)}\r\n"


def is_csv_mark(head: bytes) -> bool:
    """Whether the first bytes of a CSV are the mark (any BOM, any ASCII-compatible encoding, UTF-16)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head[:_HEAD_BYTES].decode("utf-16", errors="ignore")
    else:
        text = head.removeprefix(codecs.BOM_UTF8).decode("latin-1")
    return text.lstrip('"').startswith(CSV_PREFIX)


def written_by_chuangye(path: str, max_bytes: int) -> bool:
    """Whether ``path`` is a regular .csv/.xlsx/.docx file of at most ``max_bytes`` that carries the mark.
    Anything unreadable, larger, or not a regular file (a FIFO is never opened here) is not
    marked: the reader reports it as it would any other file."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in (".csv", ".xlsx", ".docx") or not os.path.isfile(path):
        return False
    try:
        if os.path.getsize(path) > max_bytes:
            return False
        if suffix == ".csv":
            with open(path, "rb") as fh:
                return is_csv_mark(fh.read(_HEAD_BYTES))
        with zipfile.ZipFile(path) as zf, zf.open("docProps/core.xml") as fh:
            core = fh.read(_CORE_BYTES).decode("utf-8", errors="replace")
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError, NotImplementedError):
        return False
    found = _KEYWORDS.search(core)
    # Excel lets one add tags of one's own beside it
    return found is not None and XLSX_KEYWORDS in re.split(r"[\s,;，；]+", found.group(1))
