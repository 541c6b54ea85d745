"""scoop.gemm: spaCy's NER multiplies with blis or numpy's BLAS, whichever is faster here, with the same entities."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from scoop import gemm
from scoop.cli import app
from scoop.nlp import entities, load_ner

RAW = Path(__file__).resolve().parents[1] / "raw"


def test_setting_reads_the_environment(monkeypatch):
    monkeypatch.delenv(gemm.GEMM_ENV, raising=False)
    assert gemm.setting() == "auto"
    monkeypatch.setenv(gemm.GEMM_ENV, " NumPy ")
    assert gemm.setting() == "numpy"
    monkeypatch.setenv(gemm.GEMM_ENV, "mkl")
    with pytest.raises(gemm.GemmSettingError, match="SCOOP_GEMM='mkl'"):
        gemm.setting()


def test_an_explicit_choice_is_kept_and_a_bad_one_refused():
    assert gemm.choose("blis") == "blis"
    assert gemm.choose("numpy") == "numpy"
    with pytest.raises(gemm.GemmSettingError):
        gemm.choose("gpu")


@pytest.mark.parametrize("seconds, expected", [
    ({"blis": 0.0008, "numpy": 0.00025}, "numpy"),     # blis's generic kernel: numpy is 3x faster
    ({"blis": 0.0003, "numpy": 0.00025}, "blis"),      # two tuned kernels: spaCy's default stays
    ({"blis": 0.0002, "numpy": 0.0004}, "blis"),
])
def test_auto_takes_numpy_only_when_clearly_faster(monkeypatch, seconds, expected):
    monkeypatch.setattr(gemm, "measure", lambda: dict(seconds))
    gemm._measured_choice.cache_clear()
    try:
        assert gemm.choose("auto") == expected
    finally:
        gemm._measured_choice.cache_clear()


def test_measure_times_both_multiplies():
    seconds = gemm.measure()
    assert set(seconds) == {"blis", "numpy"}
    assert all(0 < s < 1 for s in seconds.values())


def test_models_built_under_numpy_ops_do_not_call_blis():
    numpy_nlp = load_ner.__wrapped__("numpy")
    blis_nlp = load_ner.__wrapped__("blis")
    assert numpy_nlp.get_pipe("ner").model.ops.use_blis is False
    assert blis_nlp.get_pipe("ner").model.ops.use_blis is True


def test_both_multiplies_find_the_same_entities_in_real_articles():
    texts = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    assert texts, "the sample articles in raw/ are missing"
    found = {choice: entities(texts, nlp=load_ner.__wrapped__(choice)) for choice in ("blis", "numpy")}
    assert sum(map(len, found["blis"])) > 50
    assert found["numpy"] == found["blis"]


def test_a_bad_setting_stops_the_cli_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv(gemm.GEMM_ENV, "fast")
    (tmp_path / "raw").mkdir()
    for args in (["run", "--raw", str(tmp_path / "raw"), "--warehouse", str(tmp_path / "wh")],
                 ["bench", str(tmp_path / "raw")]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2, result.output
        assert "SCOOP_GEMM='fast'" in result.output
        assert "Traceback" not in result.output
    assert not (tmp_path / "wh").exists()
