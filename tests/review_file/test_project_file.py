"""The review file: round trips, and a clear typed error for every damaged file."""

import io
import json
import random
import stat
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from tests.fixtures.reviews import full_review

from designreview.model.lineage import Lineage
from designreview.review_file.archive import (
    ReadLimits,
    read_review,
    read_review_bytes,
    review_bytes,
)
from designreview.review_file.errors import (
    DamagedReviewFileError,
    FutureVersionError,
    NotAReviewFileError,
    ReviewFileError,
    UnsafeReviewFileError,
)

DATA = Path(__file__).parent / "data"
V2_LINEAGE = Lineage("rev-b", "rev-a", ("rev-a",), ("rev-other",))


def test_round_trip_preserves_everything():
    review = full_review(plan_bytes=bytes(range(256)) * 40)
    assert read_review_bytes(review_bytes(review), "r.dreview") == review


def test_saved_bytes_are_stable_and_readable():
    review = full_review()
    first = review_bytes(review, saved_by="Ann", saved_at="2026-11-28T10:00:00+00:00")
    again = review_bytes(review, saved_by="Ann", saved_at="2026-11-28T10:00:00+00:00")
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        names = archive.namelist()
        document = json.loads(archive.read("review.json"))
        manifest = json.loads(archive.read("manifest.json"))
    assert names[:2] == ["manifest.json", "review.json"]
    assert names[2].startswith("plans/")
    assert names[2].endswith(".dxf")
    assert document["schema_version"] == 2
    assert document["review"]["reviewers"][1]["name"] == "José Núñez"
    assert document["review"]["markups"][0]["type"] == "AccessPoint"
    assert manifest["format"] == "designreview-review"
    assert set(manifest["files"]) == set(names) - {"manifest.json"}
    assert (
        json.loads(zipfile.ZipFile(io.BytesIO(again)).read("review.json")) == document
    )


def test_embedded_plan_is_byte_for_byte():
    data = b"\x00\xffbinary DXF\r\n" * 1000
    review = read_review_bytes(review_bytes(full_review(data)), "r.dreview")
    assert review.sources[0].data == data


def test_frozen_version_1_file_still_opens():
    review = read_review(DATA / "review_v1.dreview")
    assert replace(review, lineage=Lineage()) == full_review()


def test_frozen_version_1_file_gets_the_same_revision_each_time_it_opens():
    # Two copies of one old file, opened apart, must name the same ancestor.
    first = read_review(DATA / "review_v1.dreview").lineage
    again = read_review_bytes((DATA / "review_v1.dreview").read_bytes(), "copy.dreview")
    assert first.revision.startswith("v1-")
    assert again.lineage == first
    assert (first.parent, first.chain) == ("", ())


def test_frozen_version_2_file_still_opens():
    review = read_review(DATA / "review_v2.dreview")
    assert review == replace(full_review(), lineage=V2_LINEAGE)


def rewrite(data: bytes, change) -> bytes:
    """A copy of a review zip with members changed by ``change(dict) -> dict``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members = change(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def with_json(member, edit):
    def change(members):
        document = json.loads(members[member])
        edit(document)
        members[member] = json.dumps(document).encode()
        return members

    return change


def test_future_version_is_refused_with_advice():
    data = rewrite(
        review_bytes(full_review()),
        with_json("review.json", lambda d: d.update(schema_version=99)),
    )
    # The manifest hash no longer matches, so fix it like a newer app would write it.
    data = rewrite(data, fix_hashes)
    with pytest.raises(FutureVersionError, match="newer designreview"):
        read_review_bytes(data, "new.dreview")


def fix_hashes(members):
    import hashlib

    manifest = json.loads(members["manifest.json"])
    manifest["files"] = {
        n: hashlib.sha256(c).hexdigest()
        for n, c in members.items()
        if n != "manifest.json"
    }
    members["manifest.json"] = json.dumps(manifest).encode()
    return members


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (
            lambda m: {k: v for k, v in m.items() if k != "review.json"},
            DamagedReviewFileError,
            "review.json is missing",
        ),
        (
            lambda m: {k: v for k, v in m.items() if not k.startswith("plans/")},
            DamagedReviewFileError,
            "is missing",
        ),
        (
            lambda m: {**m, "review.json": b"{not json"},
            DamagedReviewFileError,
            "corrupt",
        ),
        (
            lambda m: {**m, "../../evil.sh": b"rm -rf /"},
            UnsafeReviewFileError,
            "unexpected part",
        ),
        (
            lambda m: {**m, "/etc/passwd": b"x"},
            UnsafeReviewFileError,
            "unexpected part",
        ),
        (
            lambda m: {**m, "plans\\..\\x.dxf": b"x"},
            UnsafeReviewFileError,
            "unexpected part",
        ),
        (
            lambda m: {k: v for k, v in m.items() if k != "manifest.json"},
            DamagedReviewFileError,
            "manifest.json is missing",
        ),
    ],
)
def test_tampered_members_give_typed_errors(change, error, message):
    data = rewrite(review_bytes(full_review()), change)
    with pytest.raises(error, match=message):
        read_review_bytes(data, "x.dreview")


def test_schema_violation_names_the_field():
    def bad_status(document):
        document["review"]["markups"][6]["status"] = "maybe"

    data = rewrite(review_bytes(full_review()), with_json("review.json", bad_status))
    data = rewrite(data, fix_hashes)
    with pytest.raises(DamagedReviewFileError, match=r"markups\[6\]\.status"):
        read_review_bytes(data, "x.dreview")


def test_symlink_member_is_refused():
    data = review_bytes(full_review())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        link = zipfile.ZipInfo("plans/" + "0" * 64 + ".dxf")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        dst.writestr(link, "/etc/passwd")
    with pytest.raises(UnsafeReviewFileError, match="link"):
        read_review_bytes(out.getvalue(), "x.dreview")


def test_zip_bomb_is_refused_without_inflating_it():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("plans/" + "a" * 64 + ".dxf", b"\0" * (50 * 1024**2))
    start = time.monotonic()
    with pytest.raises(UnsafeReviewFileError, match="zip bomb"):
        read_review_bytes(out.getvalue(), "bomb.dreview")
    assert time.monotonic() - start < 2


def test_too_many_members_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for i in range(20):
            archive.writestr(f"plans/{i:064x}.dxf", b"x")
    with pytest.raises(UnsafeReviewFileError, match="parts"):
        read_review_bytes(out.getvalue(), "x.dreview", ReadLimits(max_members=10))


def test_not_a_review_at_all(tmp_path):
    path = tmp_path / "plan.dreview"
    path.write_bytes(b"  0\nSECTION\n")
    with pytest.raises(NotAReviewFileError, match="not a designreview review"):
        read_review(path)


def test_other_zip_is_not_a_review():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("manifest.json", b'{"format": "something-else"}')
        archive.writestr("review.json", b"{}")
    with pytest.raises(NotAReviewFileError):
        read_review_bytes(out.getvalue(), "x.dreview")


def test_every_truncation_gives_a_typed_error_quickly():
    data = review_bytes(full_review(bytes(range(256)) * 20))
    start = time.monotonic()
    for cut in range(0, len(data), max(1, len(data) // 300)):
        with pytest.raises(ReviewFileError):
            read_review_bytes(data[:cut], "cut.dreview")
    assert time.monotonic() - start < 20


def test_bit_flips_never_escape_as_other_errors():
    review = full_review(bytes(range(256)) * 20)
    data = review_bytes(review)
    rng = random.Random(1234)
    start = time.monotonic()
    outcomes = {"error": 0, "same": 0}
    for _ in range(400):
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            position = rng.randrange(len(flipped))
            flipped[position] ^= 1 << rng.randrange(8)
        try:
            loaded = read_review_bytes(bytes(flipped), "flip.dreview")
        except ReviewFileError:
            outcomes["error"] += 1
        else:
            # A flip in zip bookkeeping (timestamps, comments) is harmless; a flip in
            # content would fail a hash. What opens is exactly what was saved.
            assert loaded == review
            outcomes["same"] += 1
    assert outcomes["error"] > 300
    assert time.monotonic() - start < 30


def test_missing_file_message(tmp_path):
    with pytest.raises(ReviewFileError, match="does not exist"):
        read_review(tmp_path / "gone.dreview")


def test_non_finite_numbers_cannot_be_saved():
    review = full_review()
    cam = replace(review.markups[2], range_m=float("nan"))
    with pytest.raises(ReviewFileError.__mro__[1], match="not finite"):
        review_bytes(review.with_markup(cam))


def calibrated_review():
    review = full_review()
    sheet = replace(review.sheets[0], unit_override=None, scale_override_m=0.0381)
    return review.with_sheet(sheet)


def test_calibrated_scale_round_trips():
    review = calibrated_review()
    again = read_review_bytes(review_bytes(review), "r.dreview")
    assert again == review
    assert again.sheets[0].scale_override_m == 0.0381


def test_sheets_of_version_1_files_have_no_calibration():
    # The field was added without a schema step: absent means "not calibrated".
    review = read_review(DATA / "review_v1.dreview")
    assert review.sheets[0].scale_override_m is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0, r"sheets\[0\]\.scale_override_m: expected a number above 0, found 0"),
        (-0.0254, r"sheets\[0\]\.scale_override_m: expected a number above 0"),
        (float("inf"), r"sheets\[0\]\.scale_override_m: expected a finite number"),
        (float("nan"), r"sheets\[0\]\.scale_override_m: expected a finite number"),
        ("38.1 mm", r"sheets\[0\]\.scale_override_m: expected a number"),
    ],
)
def test_impossible_calibrations_name_the_field(value, message):
    def bad_scale(document):
        document["review"]["sheets"][0]["scale_override_m"] = value

    data = rewrite(
        review_bytes(calibrated_review()), with_json("review.json", bad_scale)
    )
    data = rewrite(data, fix_hashes)
    with pytest.raises(DamagedReviewFileError, match=message):
        read_review_bytes(data, "x.dreview")
