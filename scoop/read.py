"""Reading raw inputs: listing, hashing, decoding. No parsing of article content.

Every problem becomes a ``ReadResult`` with a human reason instead of an
exception, so one bad file never stops a run.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from scoop import defaults

# Bigger than any real article (a long feature is ~100 KB); a 50 MB "article" is a
# dump or a mistake, and spaCy would need minutes and gigabytes for it.
DEFAULT_MAX_BYTES = defaults.MAX_BYTES
_SNIFF_BYTES = 8192
_HASH_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class RawFile:
    """A file found in the raw folder, hashed but not yet decoded."""

    path: Path
    uri: str             # <raw folder name>/<path inside it> (see uri_for)
    size_bytes: int
    content_sha256: str
    # one record of a records file (scoop.read_records): its number, and where its bytes are
    record: int | None = None
    offset: int = 0
    length: int | None = None      # a JSON Lines record: ``length`` bytes at ``offset``
    payload: bytes | None = None   # a JSON array's record, re-serialized


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


@dataclass(frozen=True, slots=True)
class Listing:
    """What a scan of the raw folder found.

    ``files``: regular files (or links to one), each its own input.
    ``problems``: entries that are inputs but cannot be read (symlink loop, FIFO,
    unreadable folder): each gets a quarantined ``inputs`` row.
    ``skipped``: entries deliberately not ingested (hidden files, the warehouse
    folder, links to folders), each with a reason the run reports.
    """

    files: list[Path]
    problems: list[tuple[Path, str]]
    skipped: list[tuple[Path, str]]


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _classify(path: Path, entry: os.DirEntry, listing: Listing, folders: list[Path],
              exclude: set[Path]) -> None:
    """Sort one directory entry into files, problems, skipped or folders to descend into."""
    if entry.name.startswith("."):
        listing.skipped.append((path, "hidden file or folder (name starts with '.')"))
        return
    link = entry.is_symlink()
    try:
        mode = os.stat(path).st_mode          # follows a link to what it names
    except OSError as exc:
        if link and exc.errno == errno.ELOOP:
            listing.problems.append((path, "symbolic link loop: the link never reaches a file"))
        elif link and exc.errno == errno.ENOENT:
            listing.problems.append((path, f"broken symbolic link: {os.readlink(path)} does not exist"))
        else:
            listing.problems.append((path, f"cannot read file: {exc.strerror or exc}"))
        return
    if stat.S_ISDIR(mode):
        if link:
            listing.skipped.append((path, "symbolic link to a folder; not followed"))
        elif os.path.abspath(path) in exclude:
            listing.skipped.append((path, "the warehouse folder; not read as input"))
        else:
            folders.append(path)
    elif stat.S_ISREG(mode):
        listing.files.append(path)
    else:
        listing.problems.append((path, f"{_kind(mode)}, not an article file"))


def list_raw(raw_dir: Path, *, exclude: tuple[Path, ...] = ()) -> Listing:
    """Walk ``raw_dir`` without following folder links; say what was not ingested and why.

    ``exclude``: folders never read (the warehouse, when it lives inside the raw folder).
    """
    listing = Listing([], [], [])
    skip = {os.path.abspath(p) for p in exclude}
    folders = [Path(raw_dir)]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            listing.problems.append((folder, f"cannot read folder: {exc.strerror or exc}; "
                                             "its files were not ingested"))
            continue
        for entry in entries:
            _classify(folder / entry.name, entry, listing, folders, skip)
    listing.files.sort()
    listing.problems.sort()
    listing.skipped.sort()
    return listing


def list_raw_files(raw_dir: Path) -> list[Path]:
    """Every regular, non-hidden file under ``raw_dir``, in a stable order."""
    return list_raw(raw_dir).files


def uri_for(path: Path, raw_dir: Path) -> str:
    """The input's uri: ``<raw folder name>/<path inside it>``, e.g. ``raw/000_x.txt``.

    Computed from the path as listed, never resolved: a link and its target are
    two inputs. It does not depend on the working directory, so a run from
    elsewhere (``--raw /abs/path/raw``) names the same inputs.
    """
    root = os.path.abspath(raw_dir)
    rel = os.path.relpath(os.path.abspath(path), root)
    name = os.path.basename(root) or root
    return name if rel == "." else f"{name}/{Path(rel).as_posix()}"


def hash_file(path: Path) -> tuple[int, str]:
    """(size, sha256) streamed in chunks: memory stays flat for huge files."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(_HASH_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def unreadable_reason(exc: OSError) -> str:
    """The ledger's reason for a listed file that could not be read."""
    if isinstance(exc, FileNotFoundError):
        return "file vanished during the run (listed, then not found)"
    return f"cannot read file: {exc.strerror or exc}"


def scan(raw_dir: Path, listing: Listing | None = None) -> Iterator[RawFile | tuple[Path, str]]:
    """Hash every raw file; an entry that cannot be read yields (path, reason)."""
    listing = listing or list_raw(raw_dir)
    yield from listing.problems
    for path in listing.files:
        try:
            size, sha = hash_file(path)
        except OSError as exc:
            yield path, unreadable_reason(exc)
            continue
        yield RawFile(path=path, uri=uri_for(path, raw_dir), size_bytes=size, content_sha256=sha)


def looks_binary(head: bytes) -> bool:
    """NUL bytes or mostly control characters in the first KB: not an article."""
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control / len(head) > 0.10


# byte-order marks of the wide Unicode encodings (UTF-32 first: its LE mark starts like UTF-16's)
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# NUL bytes past the sniffed head: a few are corruption in a text (stripped), many mean binary
_MAX_NUL_SHARE = 0.01


def wide_unicode(data: bytes) -> str | None:
    """``utf-16``/``utf-32`` when the bytes start with that encoding's byte-order mark."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode article bytes: UTF-16/32 with a BOM, UTF-8 (BOM allowed), else Windows-1252, said in a note.

    Invalid UTF-8 in scraped news is nearly always a Windows-1252 page saved
    as-is; decoding it that way keeps the article (quarantining it would lose a
    readable text for a few curly quotes). The note lands in ``inputs.note``.
    A wide encoding that does not decode raises ``UnicodeDecodeError``.
    """
    wide = wide_unicode(data)
    if wide:
        return data.decode(wide), wide, []
    try:
        return data.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError as exc:
        where = f"invalid UTF-8 at byte {exc.start}"
    try:
        return data.decode("cp1252"), "cp1252", [f"{where}; decoded as Windows-1252"]
    except UnicodeDecodeError:
        # latin-1 maps every byte, so nothing is lost even for odd encodings
        return data.decode("latin-1"), "latin-1", [f"{where}; decoded as Latin-1"]


def strip_nuls(text: str) -> tuple[str, str | None]:
    """Remove NUL characters from a decoded text; the note says how many and where the first was.

    Stripped, not quarantined: a few NULs deep inside a text file come from a
    bad copy or a padded download, the article around them is intact, and a NUL
    in ``sources.body`` breaks text tools downstream (C strings, terminals).
    """
    first = text.find("\x00")
    if first < 0:
        return text, None
    count = text.count("\x00")
    return text.replace("\x00", ""), f"{count} NUL character(s) removed (first at character {first})"


def _raw_bytes(raw: RawFile) -> bytes:
    if raw.payload is not None:
        return raw.payload
    if raw.length is None:
        return raw.path.read_bytes()
    with raw.path.open("rb") as fh:
        fh.seek(raw.offset)
        return fh.read(raw.length)


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
        data = _raw_bytes(raw)
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
    wide = wide_unicode(data)
    if wide is None and looks_binary(data[:_SNIFF_BYTES]):
        result.problem = "binary file (NUL or control bytes), not article text"
        return result
    nuls = data.count(0)
    if wide is None and nuls > _MAX_NUL_SHARE * len(data):
        result.problem = (f"binary file: {nuls} NUL bytes after the first "
                          f"{_SNIFF_BYTES // 1024} KB, not article text")
        return result
    try:
        text, result.encoding, result.notes = decode(data)
    except UnicodeDecodeError as exc:
        result.problem = f"starts with a {wide.upper()} byte-order mark but is not valid {wide.upper()}: {exc.reason}"
        return result
    result.text, nul_note = strip_nuls(text)
    if wide:
        result.notes.append(f"decoded as {wide.upper()} (byte-order mark)")
    if nul_note:
        result.notes.append(nul_note)
    if not result.text.strip():
        result.problem = "file holds only whitespace"
    return result
