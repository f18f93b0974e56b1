"""The parts of the bulletin that make it a document as sent (GB/T 9704-2012), beside its body
(:mod:`~chuangye_cli.render.bulletin.text`): the issuer's mark and the document number at the top,
the closing paragraph of requirements, the annex the ranking table goes to in the .docx, and the
版记 (抄送, 印发机关 and date) at the end. From the plan's ``bulletin:`` settings (``--number``
overrides its number) and the catalog; texts typed in the targets file go through ``shown``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from chuangye_cli.core.i18n import label
from chuangye_cli.core.text import shown
from chuangye_cli.render.bulletin.text import quarter_words

if TYPE_CHECKING:
    from chuangye_cli.judge.bulletin import Bulletin


@dataclass(frozen=True)
class Paper:
    #: 发文机关标志 (red, at the top), or None
    issuer: Optional[str]
    #: 发文字号, or None
    number: Optional[str]
    #: the closing paragraph of requirements, after the last section
    closing: str
    #: the annex (.docx): its label (附件), title, the note after the body (附件：title) and the
    #: sentence that stands for the table in the body
    annex_label: str
    annex_title: str
    annex_note: str
    annex_ref: str
    #: 版记: "抄送：…。" and the 印发机关 with "…印发", or None
    copy_to: Optional[str]
    printed_by: Optional[str]
    printed_on: Optional[str]


def paper(b: "Bulletin", lang: str) -> Paper:
    s = b.settings
    issuer = s.issuer(lang) if s is not None and s.issuer is not None else None
    number = s.number if s is not None else None
    closing = s.closing(lang) if s is not None and s.closing is not None else label("bulletin.closing", lang)
    copy_to = s.copy_to(lang) if s is not None and s.copy_to is not None else None
    printed_by = s.printed_by(lang) if s is not None and s.printed_by is not None else None
    date = label("bulletin.date", lang, year=b.date.year, month=b.date.month, day=b.date.day)
    title = label("bulletin.annex_title", lang, quarter=quarter_words(b.as_of, lang))
    return Paper(
        issuer=None if issuer is None else shown(issuer),
        number=None if number is None else shown(number),
        closing=shown(closing),
        annex_label=label("bulletin.annex_label", lang),
        annex_title=title,
        annex_note=label("bulletin.annex_note", lang, title=title),
        annex_ref=label("bulletin.annex_ref", lang),
        copy_to=None if copy_to is None else label("bulletin.copy_to", lang, names=shown(copy_to)),
        printed_by=None if printed_by is None else shown(printed_by),
        printed_on=None if printed_by is None else label("bulletin.printed_on", lang, date=date),
    )
