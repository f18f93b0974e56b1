"""The bulletin as Markdown (GitHub-flavoured tables)."""

from __future__ import annotations

import re
from typing import Optional

from chuangye_cli.render.bulletin.paper import Paper
from chuangye_cli.render.bulletin.text import DocTable, Document, Items

#: what Markdown reads as markup in running text: escaped, so that a file name such as
#: ``[x](http://…)`` or ``<img onerror=…>`` stays text
_MARKUP = re.compile(r"([\\`*\[\]<>|])")


def _md(text: str) -> str:
    return _MARKUP.sub(r"\\\1", text)


def _cell(text: str) -> str:
    return _md(text).replace("\n", " ")


def render_md(doc: Document, paper: Optional[Paper] = None) -> str:
    out = [_md(t) + "\n" for t in (paper.issuer, paper.number) if t is not None] if paper else []
    out += [f"# {_md(doc.title)}", "", _md(doc.addressee), "", _md(doc.intro), ""]
    for s in doc.sections:
        out += [f"## {_md(s.heading)}", ""]
        for b in s.blocks:
            if isinstance(b, DocTable):
                out.append("| " + " | ".join(_cell(h) for h in b.header) + " |")
                out.append("|" + "---|" * len(b.header))
                out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in b.rows]
            elif isinstance(b, Items):
                out += [line for i in b.items for line in (_md(i), "")][:-1]  # numbered in the text: one paragraph each
            else:
                out.append(_md(b))
            out.append("")
    if paper is not None:
        out += [_md(paper.closing), ""]
    out += [_md(doc.office), "", _md(doc.date), ""]
    if paper is not None and (paper.copy_to or paper.printed_by):  # 版记
        out += ["---", ""] + [_md(t) + "\n" for t in (paper.copy_to, paper.printed_by, paper.printed_on) if t]
    return "\n".join(out)
