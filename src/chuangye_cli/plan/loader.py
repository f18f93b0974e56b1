"""Reading targets.yaml, hardened: ``yaml.safe_load`` semantics, no duplicate keys, no alias
bombs, bounded size; every problem raised as :class:`~chuangye_cli.core.problems.InputError`
naming the key path and the YAML line."""

from __future__ import annotations

import os
import stat
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from chuangye_cli.core.problems import InputError, Problem, error
from chuangye_cli.plan.targets import METRIC_KINDS, Plan

#: a targets file is small; anything bigger after expanding aliases is an attack or an accident
MAX_NODES = 100_000
MAX_BYTES = 5 * 2**20
MAX_INT_DIGITS = 100


def default_targets_path() -> Path:
    return Path(str(resources.files("chuangye_cli.plan").joinpath("data/targets.yaml")))


def load_plan(path: str | Path | None = None) -> Plan:
    """Read and validate a targets file (the packaged one when path is None)."""
    import yaml

    path = Path(path) if path is not None else default_targets_path()
    shown = str(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # /dev/zero would fill the memory, a FIFO block forever
            raise InputError(
                [error("targets-unreadable", file=shown, reason="not a regular file (a pipe or a device)")]
            )
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)  # never more than the limit, whatever the file claims
    except OSError as exc:
        raise InputError([error("targets-unreadable", file=shown, reason=exc.strerror or str(exc))]) from None
    if len(raw) > MAX_BYTES:
        raise InputError([error("targets-unreadable", file=shown, reason=f"larger than {MAX_BYTES} bytes")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            [error("targets-unreadable", file=shown, reason=f"not UTF-8 ({exc.reason} at byte {exc.start})")]
        ) from None
    try:
        root, data = _parse(text, shown)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise InputError(
            [error("targets-yaml", file=shown, row=mark.line + 1 if mark else None, reason=reason)]
        ) from None
    except RecursionError:
        raise InputError([error("targets-yaml", file=shown, reason="the document is nested too deeply")]) from None
    if not isinstance(data, dict):
        raise InputError(
            [
                error(
                    "targets-yaml",
                    file=shown,
                    row=1,
                    reason="the top level must be a mapping (plan, period, districts, targets)",
                )
            ]
        )
    if "indicators" not in data:
        # a targets file that declares no indicators gets the packaged ones (the plan's 考核指标)
        data = {**data, "indicators": _packaged_indicators(path)}
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise InputError([_pydantic_problem(e, data, root, shown) for e in exc.errors()]) from None
    plan._source = path
    return plan


def _packaged_indicators(path: Path) -> list[Any]:
    """The ``indicators`` section of the packaged targets file (raw YAML data)."""
    default = default_targets_path()
    if path.resolve() == default.resolve():
        return []
    import yaml

    data = yaml.load(default.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return list(data.get("indicators") or [])


#: a document nested deeper than this is left to the pure-Python parser, whose limit (a RecursionError,
#: "nested too deeply") is the one users have always met
C_MAX_DEPTH = 100


class _TooDeep(Exception):
    pass


def _parse(text: str, shown: str) -> tuple[Any, Any]:
    """(node tree, data) of the document: ``yaml.safe_load`` semantics, parsed once.

    libyaml's parser (when PyYAML has it) reads a large targets file many times faster; anything it
    refuses or nests deeply is parsed again with PyYAML's own parser, so errors and their lines read
    exactly as they always have.
    """
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", None)
    if loader_class is not None:
        try:
            return _compose_and_construct(text, shown, loader_class, C_MAX_DEPTH)
        except (yaml.YAMLError, _TooDeep):
            pass
    return _compose_and_construct(text, shown, yaml.SafeLoader, None)


def _compose_and_construct(text: str, shown: str, loader_class: Any, max_depth: int | None) -> tuple[Any, Any]:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise InputError([error("targets-yaml", file=shown, reason="the file is empty")])
        _check_nodes(root, shown, max_depth)
        return root, loader.construct_document(root)
    finally:
        loader.dispose()


def _check_nodes(root: Any, shown: str, max_depth: int | None = None) -> None:
    """Refuse duplicate keys, and alias bombs (a tree that expands past MAX_NODES).

    ``max_depth``: raise :class:`_TooDeep` below that many levels of nesting.
    """
    import yaml

    sizes: dict[int, int] = {}
    problems: list[Problem] = []

    def size(node: Any, depth: int = 0) -> int:
        if max_depth is not None and depth > max_depth:
            raise _TooDeep
        if id(node) in sizes:
            return sizes[id(node)]
        sizes[id(node)] = 1  # guards against recursive aliases
        total = 1
        if (
            isinstance(node, yaml.ScalarNode)
            and node.tag == "tag:yaml.org,2002:int"
            and len(node.value) > MAX_INT_DIGITS
        ):
            # int() refuses more than 4300 digits with a ValueError: say which line instead
            problems.append(
                error(
                    "targets-yaml",
                    file=shown,
                    row=node.start_mark.line + 1,
                    reason=f"a number of {len(node.value)} digits is too long",
                )
            )
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in seen:
                        problems.append(
                            error(
                                "targets-yaml",
                                file=shown,
                                row=k.start_mark.line + 1,
                                reason=f"duplicate key {k.value!r} (first at line {seen[k.value]})",
                            )
                        )
                    seen.setdefault(k.value, k.start_mark.line + 1)
                total += size(k, depth + 1) + size(v, depth + 1)
                if total > MAX_NODES:
                    break
        elif isinstance(node, yaml.SequenceNode):
            for v in node.value:
                total += size(v, depth + 1)
                if total > MAX_NODES:
                    break
        sizes[id(node)] = total
        return total

    if size(root) > MAX_NODES:
        raise InputError(
            [
                error(
                    "targets-yaml",
                    file=shown,
                    reason=f"the document expands to more than {MAX_NODES} nodes (alias bomb?)",
                )
            ]
        )
    if problems:
        raise InputError(problems)


def _loc_path(loc: tuple[Any, ...], data: Any) -> str:
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            if isinstance(node, list) and 0 <= part < len(node):
                node = node[part]
                if (
                    isinstance(node, dict)
                    and "id" in node
                    and out.startswith(("targets", "indicators"))
                    and out.count("[") == 1
                ):
                    out += f"({node['id']})"
            else:
                node = None
        else:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif part in METRIC_KINDS or part in ("DistrictScope", "float", "str", "literal['city','each_district']"):
                continue  # pydantic's union tags are not keys of the file
            else:
                node = None
            out += ("." if out else "") + str(part)
    return out


def _node_line(root: Any, loc: tuple[Any, ...]) -> int | None:
    import yaml

    node = root
    line = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            nxt = node.value[part]
        else:
            nxt = None
        if nxt is None:
            continue  # a union tag, or a missing key: keep the enclosing node's line
        node = nxt
        line = node.start_mark.line + 1
    return line


def _pydantic_problem(e: dict[str, Any], data: Any, root: Any, shown: str) -> Problem:
    loc = tuple(e["loc"]) or tuple((e.get("ctx") or {}).get("at", ()))
    msg = e["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    if e["type"] == "missing":
        msg = "required key is missing"
    elif e["type"] == "extra_forbidden":
        msg = "unknown key"
    value = e.get("input") if e["type"] not in ("missing",) and not isinstance(e.get("input"), (dict, list)) else None
    return error(
        "targets-invalid",
        file=shown,
        row=_node_line(root, loc),
        column=_loc_path(loc, data) or None,
        value=value,
        path=_loc_path(loc, data) or "(top level)",
        reason=msg,
    )
