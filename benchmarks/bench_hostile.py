"""Hostile inputs: each refused (or read) within 5 s and 500 MB (PRODUCT.md section 9).

Builds every hostile case at run time in a temporary folder, runs the command line on
it in a fresh process, and prints the wall time, the peak resident memory of that
process, the exit status and the first line it printed on stderr::

    .venv/bin/python benchmarks/bench_hostile.py [--keep DIR] [--only NAME]

The big inputs take a minute to write (about 1 GB of files in all).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import multiprocessing
import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

ENTITIES = 2_100_000
"""Just over the 2M-entity limit."""


def lines_ascii(path: Path, code: str = "  0", suffix: str = "") -> None:
    with path.open("w") as out:
        out.write(f"{code}{suffix}\nSECTION\n  2\nENTITIES\n")
        for i in range(ENTITIES):
            out.write(f"{code}{suffix}\nLINE\n  8\nWALL\n 10\n{i}.0\n 20\n0.0\n 11\n")
            out.write(f"{i}.0\n 21\n1.0\n")
        out.write(f"{code}{suffix}\nENDSEC\n{code}{suffix}\nEOF\n")


def lines_utf16(path: Path) -> None:
    ascii_path = path.with_suffix(".ascii")
    lines_ascii(ascii_path)
    with path.open("wb") as out:
        out.write(b"\xff\xfe")
        out.write(ascii_path.read_text().encode("utf-16-le"))
    ascii_path.unlink()


def lines_binary(path: Path) -> None:
    def tag(code: int, value: str | float) -> bytes:
        head = struct.pack("<h", code)
        if isinstance(value, float):
            return head + struct.pack("<d", value)
        return head + value.encode() + b"\0"

    with path.open("wb") as out:
        out.write(b"AutoCAD Binary DXF\r\n\x1a\x00")
        out.write(tag(0, "SECTION") + tag(2, "ENTITIES"))
        for i in range(ENTITIES):
            out.write(tag(0, "LINE") + tag(8, "WALL") + tag(10, float(i)))
            out.write(tag(20, 0.0) + tag(11, float(i)) + tag(21, 1.0))
        out.write(tag(0, "ENDSEC") + tag(0, "EOF"))


def polyline(path: Path, vertices: int, per: int) -> None:
    with path.open("w") as out:
        out.write(
            "  0\nSECTION\n  2\nHEADER\n  9\n$ACADVER\n  1\nAC1015\n  0\nENDSEC\n"
        )
        out.write("  0\nSECTION\n  2\nENTITIES\n")
        for k in range(vertices // per):
            out.write(
                f"  0\nLWPOLYLINE\n  5\n{k + 256:X}\n100\nAcDbEntity\n  8\nWALL\n"
            )
            out.write(f"100\nAcDbPolyline\n 90\n{per}\n 70\n0\n")
            out.writelines(f" 10\n{i}.5\n 20\n{k}.25\n" for i in range(per))
        out.write("  0\nENDSEC\n  0\nEOF\n")


def _review_zip(members: dict[str, bytes], review: dict) -> bytes:
    body = json.dumps({"schema_version": 1, "review": review, "sources": []}).encode()
    files = {"review.json": body, **members}
    manifest = {
        "format": "designreview-review",
        "format_version": 1,
        "files": {k: hashlib.sha256(v).hexdigest() for k, v in files.items()},
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def review_lying_sizes(path: Path) -> None:
    """Ten plan members that declare 100 bytes and inflate to 100 MB each."""
    honest = b"\0" * 100
    names = [f"plans/{n:064x}.dxf" for n in range(10)]
    data = bytearray(_review_zip(dict.fromkeys(names, honest), {"id": "r"}))
    stream = zlib.compressobj(9, zlib.DEFLATED, -15)
    bomb = stream.compress(b"\0" * 100 * 1024**2) + stream.flush()
    # Rebuild with each member's stream replaced, headers keeping the honest sizes.
    out = bytearray()
    central = bytearray()
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        for info in archive.infolist():
            raw = _raw_stream(bytes(data), info)
            if info.filename in names:
                raw = bomb
            offset = len(out)
            name = info.filename.encode()
            out += (
                struct.pack(
                    "<IHHHHHIIIHH",
                    0x04034B50,
                    20,
                    0,
                    8,
                    0,
                    0,
                    info.CRC,
                    len(raw),
                    info.file_size,
                    len(name),
                    0,
                )
                + name
                + raw
            )
            central += (
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    20,
                    20,
                    0,
                    8,
                    0,
                    0,
                    info.CRC,
                    len(raw),
                    info.file_size,
                    len(name),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
                + name
            )
    start = len(out)
    count = len(zipfile.ZipFile(io.BytesIO(bytes(data))).infolist())
    out += central + struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), start, 0
    )
    path.write_bytes(bytes(out))


def _raw_stream(data: bytes, info: zipfile.ZipInfo) -> bytes:
    at = info.header_offset
    name_len, extra_len = struct.unpack_from("<HH", data, at + 26)
    start = at + 30 + name_len + extra_len
    return data[start : start + info.compress_size]


def review_deep_json(path: Path) -> None:
    body = b"[" * 1000 + b"]" * 1000
    files = {"review.json": body}
    manifest = {
        "format": "designreview-review",
        "format_version": 1,
        "files": {k: hashlib.sha256(v).hexdigest() for k, v in files.items()},
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("review.json", body)
    path.write_bytes(out.getvalue())


def review_many(path: Path, key: str, count: int) -> None:
    sample = (
        Path(__file__).resolve().parents[1] / "sample_plans" / "sample_school.dreview"
    )
    with zipfile.ZipFile(sample) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    document = json.loads(members["review.json"])
    items = document["review"][key]
    template = next(
        (m for m in items if key != "markups" or m.get("type") == "Observer"), items[0]
    )
    document["review"][key] = [
        {**template, "id": f"x{n}", **({"name": f"F{n}"} if key == "sheets" else {})}
        for n in range(count)
    ]
    members["review.json"] = json.dumps(document).encode()
    manifest = json.loads(members["manifest.json"])
    manifest["files"] = {
        k: hashlib.sha256(v).hexdigest()
        for k, v in members.items()
        if k != "manifest.json"
    }
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


CASES: dict[str, tuple[str, Callable[[Path], None], list[str]]] = {
    "2.1M lines, ASCII": ("a.dxf", lines_ascii, ["inspect"]),
    "2.1M lines, UTF-16": ("u.dxf", lines_utf16, ["inspect"]),
    "2.1M lines, binary": ("b.dxf", lines_binary, ["inspect"]),
    "2.1M lines, codes 000": ("z.dxf", lambda p: lines_ascii(p, "000"), ["inspect"]),
    "2.1M lines, codes '  0 '": (
        "t.dxf",
        lambda p: lines_ascii(p, "  0", " "),
        ["inspect"],
    ),
    "one polyline, 9M vertices": (
        "p.dxf",
        lambda p: polyline(p, 9_000_000, 9_000_000),
        ["inspect"],
    ),
    "9,000 polylines, 9M vertices": (
        "s.dxf",
        lambda p: polyline(p, 9_000_000, 1000),
        ["inspect"],
    ),
    "review: 10 members lying 100 B -> 100 MB": (
        "l.dreview",
        review_lying_sizes,
        ["check"],
    ),
    "review: JSON 1,000 deep": ("d.dreview", review_deep_json, ["check"]),
    "review: 400 sheets, one plan": (
        "m.dreview",
        lambda p: review_many(p, "sheets", 400),
        ["check"],
    ),
    "review: 40 sheets, one plan": (
        "f.dreview",
        lambda p: review_many(p, "sheets", 40),
        ["check"],
    ),
    "review: 100,000 observers": (
        "o.dreview",
        lambda p: review_many(p, "markups", 100_000),
        ["check"],
    ),
}


def measure(command: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS in MB, exit status and first stderr line of a run."""
    began = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        first = err.read().decode(errors="replace").strip().splitlines()[:1]
    return (
        time.perf_counter() - began,
        usage.ru_maxrss / 1024,
        child.returncode,
        (first or [""])[0],
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    parser.add_argument("--only", help="run the cases whose name contains this")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    tool = [sys.executable, "-m", "designreview"]
    print(f"{'case':<42} {'file MB':>8} {'time s':>7} {'peak MB':>8} exit  message")
    for name, (file_name, build, command) in CASES.items():
        if args.only and args.only not in name:
            continue
        path = folder / file_name
        if not path.exists():
            # Built in a child so that this process stays small: a child's peak
            # memory counts the memory of the process it was forked from.
            builder = multiprocessing.get_context("fork").Process(
                target=build, args=(path,)
            )
            builder.start()
            builder.join()
        seconds, peak, code, message = measure([*tool, *command, str(path)])
        size = path.stat().st_size / 1024**2
        figures = f"{size:>8.1f} {seconds:>7.2f} {peak:>8.0f} {code:>4}"
        print(f"{name:<42} {figures}  {message[:90]}")
        if not args.keep:
            path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
