"""Words for people: counts ("1 sheet", never "sheet(s)"), text cut with an ellipsis."""

from __future__ import annotations

__all__ = ["counted", "first_words"]


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


def first_words(text: str, limit: int = 40) -> str:
    """The start of ``text`` on one line, cut at a word boundary within ``limit``.

    Example:
        >>> first_words("Door 104 cannot lock from inside", 20)
        'Door 104 cannot…'
        >>> first_words("  Short  note ")
        'Short note'
        >>> first_words("Unbreakablewordthatgoesonandon", 10)
        'Unbreakab…'
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if flat[limit - 1] != " " and " " in cut:  # the last word was cut: drop it
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:\u2014-") + "\u2026"
