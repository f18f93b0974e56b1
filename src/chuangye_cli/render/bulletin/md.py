"""The bulletin as Markdown (GitHub-flavoured tables)."""

from __future__ import annotations

from chuangye_cli.render.bulletin.text import Document, Items, Table


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_md(doc: Document) -> str:
    out = [f"# {doc.title}", "", doc.addressee, "", doc.intro, ""]
    for s in doc.sections:
        out += [f"## {s.heading}", ""]
        for b in s.blocks:
            if isinstance(b, Table):
                out.append("| " + " | ".join(_cell(h) for h in b.header) + " |")
                out.append("|" + "---|" * len(b.header))
                out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in b.rows]
            elif isinstance(b, Items):
                out += [line for i in b.items for line in (i, "")][:-1]  # numbered in the text: one paragraph each
            else:
                out.append(b)
            out.append("")
    out += [doc.office, "", doc.date, ""]
    return "\n".join(out)
