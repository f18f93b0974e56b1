"""The quarterly bulletin (通报) in three formats from one :class:`~chuangye_cli.render.bulletin.text.Document`:
Word (.docx, python-docx), Markdown and HTML, with the parts that make it a document as sent
(:class:`~chuangye_cli.render.bulletin.paper.Paper`). Each only lays out the document's texts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chuangye_cli.judge.bulletin import Bulletin

#: -o extension -> format
KINDS = {".docx": "docx", ".md": "md", ".html": "html", ".htm": "html"}


def render_bulletin(bulletin: "Bulletin", kind: str, lang: str) -> bytes:
    from chuangye_cli.render.bulletin.paper import paper
    from chuangye_cli.render.bulletin.text import document

    doc = document(bulletin, lang)
    sent = paper(bulletin, lang)
    if kind == "docx":
        from chuangye_cli.render.bulletin.docx import render_docx

        return render_docx(doc, sent)
    if kind == "md":
        from chuangye_cli.render.bulletin.md import render_md

        return render_md(doc, sent).encode("utf-8")
    from chuangye_cli.render.bulletin.html import render_html

    return render_html(doc, sent).encode("utf-8")
