"""The bulletin as Markdown (GitHub-flavoured tables)."""

from __future__ import annotations

import re

from chuangye_cli.render.bulletin.text import DocTable, Document, Items

#: what Markdown reads as markup in running text: escaped, so that a file name such as
#: ``[x](http://…)`` or ``<img onerror=…>`` stays text
_MARKUP = re.compile(r"([\\`*\[\]<>|])")


def _md(text: str) -> str:
    return _MARKUP.sub(r"\\\1", text)


def _cell(text: str) -> str:
    return _md(text).replace("\n", " ")


def render_md(doc: Document) -> str:
    out = [f"# {_md(doc.title)}", "", _md(doc.addressee), "", _md(doc.intro), ""]
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
    out += [_md(doc.office), "", _md(doc.date), ""]
    return "\n".join(out)
