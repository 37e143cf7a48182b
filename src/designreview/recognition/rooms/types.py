"""Guessing a room's type from its name, in the languages school plans come in.

The words are data in ``resources/space_types.json`` (read once and cached, like the
layer rules): per type and language, with the abbreviations drawings use. Its
``matching`` section states how names are normalised and which term wins when
several match (the longest); its ``notes`` explain the choices a reader may
question, such as German 'Aula' against Spanish 'Aula 3' and why a bedroom is an
office. Latin words match whole (``lab`` never matches ``Label``), or as the
beginning or end of a word when the term says so (German compounds:
``Klassenzimmer``); Chinese, Japanese and Korean terms match anywhere in the name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from designreview.model.markups import SpaceType
from designreview.model.plan import LayerCategory
from designreview.recognition.layers.rules import categorize_layer
from designreview.resources import read_resource_text

__all__ = [
    "TypeMatch",
    "Vocabulary",
    "default_vocabulary",
    "guess_space_type",
    "has_cjk",
    "is_named_for_use",
    "is_space_layer",
    "layer_space_type",
    "match_space_type",
    "names_a_stage",
    "normalise_name",
    "read_vocabulary",
]

_CJK = "\u2e80-\u2fff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_NOT_LATIN = re.compile(f"[{_CJK}]+")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_DOTTED = re.compile(r"\b(?:[^\W\d_]\.)+(?:[^\W\d_]\b)?")
_SHORT = 3
"""Terms of this many letters or fewer match only as whole words."""

_WHOLE, _STARRED = 2, 1


@dataclass(frozen=True, slots=True)
class TypeMatch:
    """The term of the vocabulary that gave a name its type."""

    space_type: SpaceType
    term: str


@dataclass(frozen=True, slots=True)
class _Term:
    space_type: SpaceType
    text: str
    """As written in the vocabulary, normalised (stars kept)."""
    rank: int
    """The type's place in the file: earlier wins a tie."""
    weak: bool = False
    layers: bool = True
    """Whether the term may type a layer name."""

    @property
    def length(self) -> int:
        core = self.text.strip("*")
        return len(core) + len(_CJK_CHAR.findall(core))


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words of ``space_types.json`` sorted by how they match."""

    phrases: dict[tuple[str, ...], _Term]
    """Whole words and runs of whole words, normalised."""
    prefixes: tuple[_Term, ...]
    suffixes: tuple[_Term, ...]
    infixes: tuple[_Term, ...]
    cjk: tuple[_Term, ...]
    numbered: dict[str, SpaceType]
    """A word followed by a number means this type (``Aula 3``)."""
    stage_terms: frozenset[str] = frozenset()
    """The terms, normalised, that name a stage rather than the hall it faces."""


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese, Japanese or Korean character.

    Example:
        >>> has_cjk("马桶-1"), has_cjk("WC-1")
        (True, False)
    """
    return _CJK_CHAR.search(text) is not None


def normalise_name(text: str) -> str:
    """A name as the vocabulary is matched: casefolded, Latin accents stripped.

    Chinese, Japanese and Korean characters stay as written; full-width letters
    become plain ones and dots between single letters go (``W.C.`` is ``wc``).

    Example:
        >>> normalise_name("Büro Straße"), normalise_name("W.C.")
        ('buro strasse', 'wc')
        >>> normalise_name("\uff37\uff23")  # full-width WC
        'wc'
        >>> normalise_name("Recepción 教师工作室")
        'recepcion 教师工作室'
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    plain = "".join(
        char if _CJK_CHAR.match(char) else _unaccented(char) for char in folded
    )
    return _DOTTED.sub(lambda m: m.group().replace(".", ""), plain)


def _unaccented(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def read_vocabulary(text: str) -> Vocabulary:
    """The vocabulary in a ``space_types.json`` text.

    Raises:
        ValueError: a type is not a space type, or a short term carries a star
            (short names must match exactly; the message names the term).

    Example:
        >>> data = '{"types": [{"type": "lab", "terms": {"en": ["lab", "laborat*"]}}]}'
        >>> vocabulary = read_vocabulary(data)
        >>> sorted(vocabulary.phrases), [t.text for t in vocabulary.prefixes]
        ([('lab',)], ['laborat*'])
    """
    data = json.loads(text)
    off_layers = {normalise_name(w) for w in data.get("not_on_layers", [])}
    phrases: dict[tuple[str, ...], _Term] = {}
    prefixes, suffixes, infixes, cjk = [], [], [], []
    for rank, entry in enumerate(data["types"]):
        space_type = SpaceType(entry["type"])
        written = [(w, False) for words in entry["terms"].values() for w in words]
        written += [(w, True) for w in entry.get("weak", [])]
        for word, weak in written:
            norm = normalise_name(word).strip()
            term = _Term(space_type, norm, rank, weak, norm not in off_layers)
            core = norm.strip("*")
            if _CJK_CHAR.search(core):
                cjk.append(term)
            elif "*" not in norm:
                phrases.setdefault(tuple(_TOKEN.findall(norm)), term)
            elif len(core) <= _SHORT or " " in core or "*" in core:
                raise ValueError(
                    f"The space type term {word!r} cannot carry a star: only single "
                    f"words of more than {_SHORT} letters may (short names must match "
                    "exactly). Remove the star in space_types.json."
                )
            elif norm.startswith("*") and norm.endswith("*"):
                infixes.append(term)
            elif norm.endswith("*"):
                prefixes.append(term)
            else:
                suffixes.append(term)
    numbered = {
        normalise_name(word): SpaceType(kind)
        for word, kind in data.get("numbered", {}).items()
    }
    stage = data.get("stage_terms", {}).get("terms", [])
    return Vocabulary(
        phrases,
        tuple(prefixes),
        tuple(suffixes),
        tuple(infixes),
        tuple(cjk),
        numbered,
        frozenset(normalise_name(word) for word in stage),
    )


@cache
def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary (``resources/space_types.json``).

    Example:
        >>> default_vocabulary().numbered["aula"].value
        'classroom'
    """
    return read_vocabulary(read_resource_text("space_types.json"))


@cache
def match_space_type(name: str, *, layer: bool = False) -> TypeMatch | None:
    """The best term of the vocabulary in ``name``, None when no term is in it.

    The longest term wins (a CJK character counts as two letters), a whole word
    before a starred term of the same length, then the type listed first; weak
    terms count only when nothing else matches. With ``layer``, terms that also
    name floors or drawings (``principal``) are left out.

    Example:
        >>> match = match_space_type("Lehrerzimmer")
        >>> match.space_type.value, match.term
        ('office', 'lehrerzimmer')
        >>> names = ("Aula magna", "教师工作室", "Musikzimmer")
        >>> [match_space_type(n).term for n in names]
        ['aula magna', '工作室', 'musik*']
        >>> match_space_type("Planta principal", layer=True) is None
        True
    """
    vocabulary = default_vocabulary()
    norm = normalise_name(name)
    tokens = _TOKEN.findall(_NOT_LATIN.sub(" ", norm))
    found = [t for t in vocabulary.cjk if t.text in norm]
    found += _word_terms(vocabulary, tokens)
    if layer:
        found = [t for t in found if t.layers]
    if not found:
        return None
    best = max(found, key=_score)
    if best.text.startswith("#"):  # a numbered word: 'aula' before a number
        return TypeMatch(best.space_type, best.text[1:])
    return TypeMatch(best.space_type, best.text)


def _word_terms(vocabulary: Vocabulary, tokens: list[str]) -> list[_Term]:
    found: list[_Term] = []
    for start, token in enumerate(tokens):
        if token.isdigit():
            continue
        for end in range(start + 1, min(start + 5, len(tokens)) + 1):
            term = vocabulary.phrases.get(tuple(tokens[start:end]))
            if term is not None:
                found.append(term)
        after = tokens[start + 1] if start + 1 < len(tokens) else ""
        kind = vocabulary.numbered.get(token)
        if kind is not None and after.isdigit():
            found.append(_Term(kind, f"#{token}", -1))  # one letter longer, first
        found += [t for t in vocabulary.prefixes if token.startswith(t.text[:-1])]
        found += [t for t in vocabulary.suffixes if token.endswith(t.text[1:])]
        found += [t for t in vocabulary.infixes if t.text[1:-1] in token]
    return found


def _score(term: _Term) -> tuple[bool, int, int, int]:
    exact = _STARRED if "*" in term.text else _WHOLE
    return (not term.weak, term.length, exact, -term.rank)


def names_a_stage(name: str) -> bool:
    """Whether ``name`` is typed by a term that names a stage (``Escenario``).

    Example:
        >>> names_a_stage("ESCENARIO"), names_a_stage("Bühne 1"), names_a_stage("Aula")
        (True, True, False)
    """
    match = match_space_type(name)
    return match is not None and match.term in default_vocabulary().stage_terms


@cache
def guess_space_type(name: str) -> SpaceType:
    """The type a room name suggests, UNKNOWN when no term of the vocabulary is in it.

    Example:
        >>> [guess_space_type(n).value for n in ("CLASSROOM", "Aula 3", "Aula", "食堂")]
        ['classroom', 'classroom', 'auditorium', 'cafeteria']
        >>> [guess_space_type(n).value for n in ("WC-H", "Bad", "多功能室", "系主任")]
        ['restroom', 'restroom', 'commons', 'office']
        >>> guess_space_type("KITCHEN").value, guess_space_type("Room 7").value
        ('other', 'unknown')
        >>> guess_space_type("LABEL").value, guess_space_type("A12").value
        ('unknown', 'unknown')
    """
    match = match_space_type(name)
    return match.space_type if match is not None else SpaceType.UNKNOWN


def layer_space_type(layer: str) -> SpaceType:
    """The type a layer's name gives its rooms, UNKNOWN when it names no use.

    Example:
        >>> layer_space_type("00_Offices").value, layer_space_type("A-AREA-BNDY").value
        ('office', 'unknown')
        >>> layer_space_type("PLANTA PRINCIPAL").value
        'unknown'
    """
    match = match_space_type(layer, layer=True)
    return match.space_type if match is not None else SpaceType.UNKNOWN


@cache
def is_space_layer(layer: str) -> bool:
    """Whether closed outlines on ``layer`` may be rooms.

    Room layers (``A-AREA-BNDY``, ``Raum``, ``房间``...) hold outlines; so do layers
    named after a kind of room (``Offices``, ``TOILETS``), as some plans sort their
    room polygons by use. Wall, furniture and other recognised layers never do.

    Example:
        >>> [is_space_layer(n) for n in ("A-AREA-BNDY", "00_Offices", "A-WALL", "0")]
        [True, True, False, False]
    """
    category = categorize_layer(layer)
    if category is LayerCategory.ROOM:
        return True
    return category is LayerCategory.OTHER and is_named_for_use(layer)


def is_named_for_use(layer: str) -> bool:
    """Whether a layer's name says what rooms it holds (``Offices``, ``Labs``).

    Example:
        >>> is_named_for_use("MEETING_ROOMS"), is_named_for_use("0_VOID")
        (True, False)
    """
    return layer_space_type(layer) is not SpaceType.UNKNOWN
