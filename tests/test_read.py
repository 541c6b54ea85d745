"""Reading raw files: every bad input becomes a reason, never an exception."""
from pathlib import Path

from scoop.read import RawFile, decode, hash_file, looks_binary, read_raw, strip_nuls


def _raw(path):
    size, sha = hash_file(path)
    return RawFile(path=path, uri=path.name, size_bytes=size, content_sha256=sha)


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert read_raw(_raw(p)).problem == "empty file"


def test_binary_file(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    r = read_raw(_raw(p))
    assert r.problem.startswith("binary file") and r.head


def test_invalid_utf8_falls_back_and_says_so(tmp_path):
    p = tmp_path / "cp1252.txt"
    p.write_bytes("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"))
    r = read_raw(_raw(p))
    assert r.problem is None and r.encoding == "cp1252"
    assert r.text == "Caf\u00e9 \u201cquoted\u201d"
    assert "invalid UTF-8 at byte 3" in r.notes[0]


def test_oversized_file_is_refused_with_limit(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_bytes(b"word " * 1000)
    r = read_raw(_raw(p), max_bytes=1000)
    assert "over the 0.0 MB article limit" in r.problem or "article limit" in r.problem


def test_vanished_file(tmp_path):
    p = tmp_path / "gone.txt"
    p.write_text("x")
    raw = _raw(p)
    p.unlink()
    assert "vanished" in read_raw(raw).problem


def test_utf8_bom_and_binary_sniff():
    assert decode("\ufeffhello".encode("utf-8"))[0] == "hello"
    assert looks_binary(b"abc\x00def") and not looks_binary(b"plain text\n")


def test_uri_is_the_listed_path_under_the_raw_folder_name(tmp_path, monkeypatch):
    from scoop.read import list_raw, uri_for

    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    (raw / "sub" / "a.txt").write_text("x")
    (raw / "link.txt").symlink_to(raw / "sub" / "a.txt")
    assert uri_for(raw / "link.txt", raw) == "raw/link.txt"            # not resolved to its target
    assert uri_for(raw / "sub" / "a.txt", raw) == "raw/sub/a.txt"
    monkeypatch.chdir(raw / "sub")
    assert uri_for(Path("a.txt"), Path("..")) == "raw/sub/a.txt"       # same uri from any working directory
    assert list_raw(raw).files == [raw / "link.txt", raw / "sub" / "a.txt"]


def test_utf16_bom_decodes_and_bad_utf16_is_a_reason(tmp_path):
    p = tmp_path / "wide.txt"
    p.write_bytes("Season 2 in 2026.".encode("utf-16"))
    r = read_raw(_raw(p))
    assert (r.problem, r.text, r.encoding) == (None, "Season 2 in 2026.", "utf-16")
    p.write_bytes(b"\xff\xfe" + b"\x00\xd8" + b"a\x00")                  # a lone surrogate
    assert read_raw(_raw(p)).problem.startswith("starts with a UTF-16 byte-order mark but is not valid UTF-16")


def test_a_stray_nul_is_stripped_with_a_note():
    assert strip_nuls("ab\x00c\x00") == ("abc", "2 NUL character(s) removed (first at character 2)")
    assert strip_nuls("clean") == ("clean", None)
