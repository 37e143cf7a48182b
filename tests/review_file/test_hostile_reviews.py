"""Hostile review files: refused quickly and small, each with a typed, clear error."""

import hashlib
import io
import json
import struct
import time
import tracemalloc
import warnings
import zipfile
from dataclasses import replace

import pytest
from tests.fixtures.reviews import full_review

from designreview.model.ids import MarkupId
from designreview.model.markups import Observer
from designreview.review_file.archive import (
    ReadLimits,
    read_review_bytes,
    review_bytes,
)
from designreview.review_file.errors import (
    DamagedReviewFileError,
    FutureVersionError,
    UnsafeReviewFileError,
)


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zipped(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of duplicate names
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in members:
                archive.writestr(name, content)
    return out.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def with_manifest(members: dict[str, bytes], edit) -> list[tuple[str, bytes]]:
    manifest = json.loads(members["manifest.json"])
    edit(manifest)
    return [("manifest.json", json.dumps(manifest).encode())] + [
        (k, v) for k, v in members.items() if k != "manifest.json"
    ]


def with_review_json(members: dict[str, bytes], body: bytes) -> list[tuple[str, bytes]]:
    """Members with review.json replaced and the manifest's hash fixed to match."""
    changed = {**members, "review.json": body}
    return with_manifest(
        changed, lambda m: m["files"].update({"review.json": sha(body)})
    )


def test_a_member_that_lies_about_its_size_is_never_inflated_beyond_it():
    # A plan member whose headers declare 100 bytes (and the CRC of those 100 bytes)
    # while its deflate stream inflates to 200 MB of zeros. Before, the reader
    # inflated up to its 600 MB member limit before cutting to 100 bytes.
    honest = b"\0" * 100
    members = members_of(review_bytes(full_review(plan_bytes=honest)))
    plan_name = next(k for k in members if k.startswith("plans/"))
    data = bytearray(zipped(list(members.items())))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(plan_name)
    compressor = __import__("zlib").compressobj(9, 8, -15)
    stream = compressor.compress(b"\0" * (200 * 1024**2)) + compressor.flush()
    local = info.header_offset
    name_len, extra_len = struct.unpack_from("<HH", data, local + 26)
    start = local + 30 + name_len + extra_len
    data[start : start + info.compress_size] = stream
    struct.pack_into("<I", data, local + 18, len(stream))
    rebuilt = bytes(data)
    # Fix the central directory: compressed size and the offsets after the member.
    growth = len(stream) - info.compress_size
    rebuilt = _patch_central(rebuilt, plan_name, len(stream), growth, local)
    tracemalloc.start()
    began = time.perf_counter()
    try:
        review = read_review_bytes(rebuilt, "bomb.dreview")
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert review.sources[0].data == honest  # 100 bytes, as declared and hashed
    assert peak < 20 * 1024**2, peak
    assert time.perf_counter() - began < 5


def _patch_central(data: bytes, member: str, compressed: int, growth: int, at: int):
    out = bytearray(data)
    end = out.rfind(b"PK\x05\x06")
    count, _size, offset = struct.unpack_from("<HII", out, end + 10)
    struct.pack_into("<I", out, end + 16, offset + growth)
    pos = offset + growth
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", out, pos + 28)
        name = out[pos + 46 : pos + 46 + name_len].decode()
        (header,) = struct.unpack_from("<I", out, pos + 42)
        if name == member:
            struct.pack_into("<I", out, pos + 20, compressed)
        elif header > at:
            struct.pack_into("<I", out, pos + 42, header + growth)
        pos += 46 + name_len + extra_len + comment_len
    return bytes(out)


def test_members_are_refused_by_their_declared_sizes_before_any_is_read():
    # Three 1 MB members against a 2 MB budget: refused from the directory alone.
    plan = bytes(range(256)) * 4096
    members = members_of(review_bytes(full_review(plan_bytes=plan)))
    limits = ReadLimits(max_total_bytes=2 * 1024**2)
    extra = [(f"plans/{'a' * 63}{n}.dxf", plan) for n in range(2)]
    data = zipped(list(members.items()) + extra)
    with pytest.raises(UnsafeReviewFileError, match="would unpack"):
        read_review_bytes(data, "big.dreview", limits)


@pytest.mark.parametrize(
    ("body", "what"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested a hundred thousand deep"),
        (b'{"schema_version": 1, "n": ' + b"9" * 5000 + b"}", "a 5,000-digit number"),
    ],
)
def test_json_that_python_cannot_decode_is_a_damaged_file(body, what):
    members = members_of(review_bytes(full_review()))
    data = zipped(with_review_json(members, body))
    with pytest.raises(DamagedReviewFileError, match=r"review\.json is not valid JSON"):
        read_review_bytes(data, "deep.dreview")


def test_a_review_json_the_manifest_does_not_list_is_refused():
    members = members_of(review_bytes(full_review()))
    data = zipped(with_manifest(members, lambda m: m["files"].pop("review.json")))
    with pytest.raises(DamagedReviewFileError, match=r"does not list review\.json"):
        read_review_bytes(data, "x.dreview")


def test_a_plan_the_manifest_does_not_list_is_refused():
    members = members_of(review_bytes(full_review()))
    plan_name = next(k for k in members if k.startswith("plans/"))
    data = zipped(with_manifest(members, lambda m: m["files"].pop(plan_name)))
    with pytest.raises(UnsafeReviewFileError, match="manifest does not list"):
        read_review_bytes(data, "x.dreview")


@pytest.mark.parametrize(
    ("version", "error", "message"),
    [
        (99, FutureVersionError, "newer designreview"),
        ("x", DamagedReviewFileError, "no valid format version"),
        (None, DamagedReviewFileError, "no valid format version"),
    ],
)
def test_the_manifest_format_version_is_checked(version, error, message):
    members = members_of(review_bytes(full_review()))

    def edit(manifest):
        if version is None:
            manifest.pop("format_version")
        else:
            manifest["format_version"] = version

    with pytest.raises(error, match=message):
        read_review_bytes(zipped(with_manifest(members, edit)), "x.dreview")


def test_member_names_ending_in_a_newline_are_refused():
    members = members_of(review_bytes(full_review()))
    plan_name = next(k for k in members if k.startswith("plans/"))
    renamed = [(k + "\n" if k == plan_name else k, v) for k, v in members.items()]
    with pytest.raises(UnsafeReviewFileError, match="unexpected part"):
        read_review_bytes(zipped(renamed), "x.dreview")


def test_duplicate_member_names_are_refused():
    members = members_of(review_bytes(full_review()))
    twice = [*members.items(), ("review.json", members["review.json"])]
    with pytest.raises(UnsafeReviewFileError, match="two parts of the same name"):
        read_review_bytes(zipped(twice), "x.dreview")


def test_more_markups_than_any_review_holds_are_refused_before_decoding():
    review = full_review()
    template = next(m for m in review.markups if isinstance(m, Observer))
    observers = tuple(replace(template, id=MarkupId(f"o{n}")) for n in range(101))
    data = review_bytes(replace(review, markups=review.markups + observers))
    limits = ReadLimits(max_markups=100)
    with pytest.raises(UnsafeReviewFileError, match=r"markups; a review holds at most"):
        read_review_bytes(data, "many.dreview", limits)
    assert len(read_review_bytes(data, "many.dreview").markups) > 100


def test_more_sheets_than_any_review_holds_are_refused():
    review = full_review()
    sheets = tuple(
        replace(review.sheets[0], id=f"s{n}", name=f"Floor {n}") for n in range(3)
    )
    data = review_bytes(replace(review, sheets=sheets))
    with pytest.raises(UnsafeReviewFileError, match="3 sheets"):
        read_review_bytes(data, "floors.dreview", ReadLimits(max_sheets=2))
