"""ID numbers for the roster tests."""

from __future__ import annotations

from pydantic_core import PydanticCustomError
from stdnum.cn import ric

from chuangye_cli.rosters.rules import normalise_id


def make_id(body17: str) -> str:
    """A valid 18-character ID number: ``body17`` and its check character."""
    return body17 + ric.calc_check_digit(body17 + "0")


def id_problem(value) -> str | None:
    """The code of what is wrong with an ID number, or None (the reference the fast check is tested against)."""
    try:
        normalise_id(value)
    except PydanticCustomError as exc:
        return exc.type
    return None
