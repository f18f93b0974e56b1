"""click's own messages in the chosen language.

click builds its messages with ``gettext`` (``_`` and ``ngettext`` in each of its modules).
While a command runs with ``--lang zh``, :func:`click_language` puts a lookup in their place
that gives the Chinese text of every message a user can meet (a usage error), and click's
English text for anything else. The English texts are click's own, so ``--lang en`` changes nothing.
"""

from __future__ import annotations

import contextlib
from typing import Iterator

#: click's message ids (click 8.2–8.x) -> Chinese
ZH = {
    "Did you mean {possibility}?": "是否要输入 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否要输入其中之一：{possibilities}？）",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "Missing command.": "缺少命令。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带值。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不在可选值 {choices} 之中。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的 {number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 之内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的是/否值，可用：{states}",
    "{name} {filename!r} does not exist.": "路径 {filename!r} 不存在。",
    "{name} {filename!r} is a file.": "路径 {filename!r} 是文件。",
    "{name} {filename!r} is a directory.": "路径 {filename!r} 是文件夹。",
    "{name} {filename!r} is not readable.": "路径 {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "路径 {filename!r} 不可写。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "unknown error": "未知错误",
    "Aborted!": "已中止！",
}


def _zh(message: str) -> str:
    return ZH.get(message, message)


def _nzh(singular: str, plural: str, n: int) -> str:
    return _zh(singular if n == 1 else plural)


@contextlib.contextmanager
def click_language(lang: str) -> Iterator[None]:
    """click's messages in ``lang`` while the block runs (Chinese, or click's own English)."""
    import click.core
    import click.exceptions
    import click.parser
    import click.types

    modules = (click.core, click.exceptions, click.parser, click.types)
    if lang != "zh":
        yield
        return
    saved = [(m, m.__dict__.get("_"), m.__dict__.get("ngettext")) for m in modules]
    for m in modules:
        if "_" in m.__dict__:
            m._ = _zh  # type: ignore[attr-defined]
        if "ngettext" in m.__dict__:
            m.ngettext = _nzh  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for m, underscore, nget in saved:
            if underscore is not None:
                m._ = underscore  # type: ignore[attr-defined]
            if nget is not None:
                m.ngettext = nget  # type: ignore[attr-defined]


def lang_of(args: list[str], default: str) -> str:
    """The ``--lang`` a command line asks for, read before click parses it (for click's own errors)."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        return value if value in ("zh", "en") else default
    return default


__all__ = ["click_language", "lang_of"]
