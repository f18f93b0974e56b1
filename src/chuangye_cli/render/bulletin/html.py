"""The bulletin as one self-contained HTML page (inline CSS, A4 print)."""

from __future__ import annotations

from html import escape
from typing import Optional

from chuangye_cli.render.bulletin.paper import Paper
from chuangye_cli.render.bulletin.text import DocTable, Document, Items

CSS = """
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16px; line-height: 1.6; max-width: 170mm; margin: auto; }
h1, h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; }
h1 { font-size: 22px; text-align: center; }
h2 { font-size: 17px; }
table { border-collapse: collapse; font-size: 11px; width: 100%; }
th, td { border: 1px solid #000; padding: 2px 3px; text-align: center; }
thead { display: table-header-group; }
ol { list-style: none; padding-left: 0; }
.signature { text-align: right; margin-top: 2em; }
.head { text-align: center; }
"""  # noqa: E501 - the CSS as the bulletin's HTML carries it, byte for byte


def render_html(doc: Document, paper: Optional[Paper] = None) -> str:
    lang = "zh-CN" if doc.lang == "zh" else "en"
    out = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(doc.title)}</title>',
        f"<style>{CSS}</style></head><body>",
        *(f'<p class="head">{escape(t)}</p>' for t in (paper.issuer, paper.number) if paper and t is not None),
        f"<h1>{escape(doc.title)}</h1>",
        f"<p>{escape(doc.addressee)}</p>",
        f"<p>{escape(doc.intro)}</p>",
    ]
    for s in doc.sections:
        out.append(f"<h2>{escape(s.heading)}</h2>")
        for b in s.blocks:
            if isinstance(b, DocTable):
                out.append(
                    "<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in b.header) + "</tr></thead><tbody>"
                )
                out += ["<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in b.rows]
                out.append("</tbody></table>")
            elif isinstance(b, Items):
                out.append("<ol>" + "".join(f"<li>{escape(i)}</li>" for i in b.items) + "</ol>")
            else:
                out.append(f"<p>{escape(b)}</p>")
    if paper is not None:
        out.append(f"<p>{escape(paper.closing)}</p>")
    out.append(f'<p class="signature">{escape(doc.office)}<br>{escape(doc.date)}</p>')
    if paper is not None and (paper.copy_to or paper.printed_by):  # 版记
        out += ["<hr>"] + [f"<p>{escape(t)}</p>" for t in (paper.copy_to, paper.printed_by, paper.printed_on) if t]
    out.append("</body></html>\n")
    return "\n".join(out)
