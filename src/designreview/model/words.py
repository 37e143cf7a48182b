"""Counts in words: "1 sheet", "4 comment threads", never "sheet(s)"."""

from __future__ import annotations

__all__ = ["counted"]


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` followed by ``noun`` in the number that count takes.

    The plural is ``noun`` with an "s" unless ``plural`` says otherwise; a count of
    none reads "no ..." so that a sentence never says "0 sheets".

    Example:
        >>> counted(1, "sheet"), counted(4, "comment thread")
        ('1 sheet', '4 comment threads')
        >>> counted(0, "finding"), counted(2, "copy", "copies")
        ('no findings', '2 copies')
    """
    many = plural if plural is not None else f"{noun}s"
    if count == 0:
        return f"no {many}"
    return f"{count} {noun if count == 1 else many}"
