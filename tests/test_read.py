"""Reading raw files: every bad input becomes a reason, never an exception."""
from scoop.read import RawFile, decode, hash_file, looks_binary, read_raw


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
