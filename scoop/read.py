"""Reading raw inputs: listing, hashing, decoding. No parsing of article content.

Every problem becomes a ``ReadResult`` with a human reason instead of an
exception, so one bad file never stops a run.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

# Bigger than any real article (a long feature is ~100 KB); a 50 MB "article" is a
# dump or a mistake, and spaCy would need minutes and gigabytes for it.
DEFAULT_MAX_BYTES = 2_000_000
_SNIFF_BYTES = 8192
_HASH_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class RawFile:
    """A file found in the raw folder, hashed but not yet decoded."""

    path: Path
    uri: str             # path relative to the project root when possible, else absolute
    size_bytes: int
    content_sha256: str


@dataclass(slots=True)
class ReadResult:
    raw: RawFile
    text: str | None = None
    encoding: str | None = None
    # set when the input cannot become an article (empty, binary, too large, vanished)
    problem: str | None = None
    # things worth telling the user that did not stop the input (encoding fallback)
    notes: list[str] = field(default_factory=list)
    head: bytes = b""    # first bytes, kept as the quarantine payload


def list_raw_files(raw_dir: Path) -> list[Path]:
    """Every regular, non-hidden file under ``raw_dir``, in a stable order."""
    return sorted(
        p for p in raw_dir.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(raw_dir).parts)
    )


def uri_for(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def hash_file(path: Path) -> tuple[int, str]:
    """(size, sha256) streamed in chunks: memory stays flat for huge files."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(_HASH_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def scan(raw_dir: Path, root: Path) -> Iterator[RawFile | tuple[Path, str]]:
    """Hash every raw file; a file that vanishes or cannot be read yields (path, reason)."""
    for path in list_raw_files(raw_dir):
        try:
            size, sha = hash_file(path)
        except FileNotFoundError:
            yield path, "file vanished during the run (listed, then not found)"
            continue
        except OSError as exc:
            yield path, f"cannot read file: {exc.strerror or exc}"
            continue
        yield RawFile(path=path, uri=uri_for(path, root), size_bytes=size, content_sha256=sha)


def looks_binary(head: bytes) -> bool:
    """NUL bytes or mostly control characters in the first KB: not an article."""
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control / len(head) > 0.10


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode article bytes: UTF-8 (BOM allowed), else Windows-1252, said in a note.

    Invalid UTF-8 in scraped news is nearly always a Windows-1252 page saved
    as-is; decoding it that way keeps the article (quarantining it would lose a
    readable text for a few curly quotes). The note lands in ``inputs.note``.
    """
    try:
        return data.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError as exc:
        where = f"invalid UTF-8 at byte {exc.start}"
    try:
        return data.decode("cp1252"), "cp1252", [f"{where}; decoded as Windows-1252"]
    except UnicodeDecodeError:
        # latin-1 maps every byte, so nothing is lost even for odd encodings
        return data.decode("latin-1"), "latin-1", [f"{where}; decoded as Latin-1"]


def read_raw(raw: RawFile, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read and decode one raw file, or say why it cannot be an article."""
    result = ReadResult(raw=raw)
    if raw.size_bytes > max_bytes:
        try:
            with raw.path.open("rb") as fh:
                result.head = fh.read(256)
        except OSError:
            pass
        result.problem = (f"file is {raw.size_bytes / 1e6:.1f} MB, over the "
                          f"{max_bytes / 1e6:.1f} MB article limit (raise it with --max-bytes)")
        return result
    try:
        data = raw.path.read_bytes()
    except FileNotFoundError:
        result.problem = "file vanished during the run (listed, then not found)"
        return result
    except OSError as exc:
        result.problem = f"cannot read file: {exc.strerror or exc}"
        return result
    result.head = data[:256]
    if not data.strip():
        result.problem = "empty file" if not data else "file holds only whitespace"
        return result
    if looks_binary(data[:_SNIFF_BYTES]):
        result.problem = "binary file (NUL or control bytes), not article text"
        return result
    result.text, result.encoding, result.notes = decode(data)
    return result
