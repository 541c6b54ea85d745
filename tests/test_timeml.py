"""TimeML reading, re-tagging and TE-3 style scoring on a small invented document."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from scoop.evaluation.timeml import score_timeml_dirs
from scoop.evaluation.timeml_io import read_tml, tag_tml_dir

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" temporalFunction="false" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>
The studio <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> that Kim Ha-neul &amp; crew
<EVENT eid="e2" class="OCCURRENCE">shot</EVENT> for <TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3> in <TIMEX3 tid="t3" type="DATE" value="2012">2012</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>
"""


def _write(dir_: Path) -> Path:
    dir_.mkdir(parents=True, exist_ok=True)
    path = dir_ / "demo.tml"
    path.write_text(TML, encoding="utf-8")
    return path


def test_read_tml_strips_tags_and_keeps_offsets(tmp_path):
    text, dct, timexes = read_tml(_write(tmp_path / "gold"))
    assert dct == date(2013, 3, 22)
    assert "<" not in text and "Kim Ha-neul & crew" in text
    assert [(t["text"], t["type"], t["value"]) for t in timexes] == [
        ("Friday", "DATE", "2013-03-22"), ("three months", "DURATION", "P3M"), ("2012", "DATE", "2012")]
    for t in timexes:
        assert text[t["char_start"]:t["char_end"]] == t["text"]


def test_tag_and_score_round_trip(tmp_path):
    gold = _write(tmp_path / "gold").parent
    out = tmp_path / "system"
    assert tag_tml_dir(gold, out) == 1
    written = (out / "demo.tml").read_text(encoding="utf-8")
    assert 'functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>' in written
    assert "<EVENT" not in written.split("<TEXT>")[1].split("</TEXT>")[0]
    assert "&amp;" in written and "<TLINK" in written
    sys_text, _, sys_timexes = read_tml(out / "demo.tml")
    assert sys_text == read_tml(gold / "demo.tml")[0]
    scores = score_timeml_dirs(gold, out)
    assert scores["relaxed"]["f1"] == 1.0 and scores["strict"]["f1"] == 1.0
    assert scores["value_f1"] == 1.0 and scores["type_f1"] == 1.0


def test_scorer_counts_misses_and_wrong_values(tmp_path):
    gold = _write(tmp_path / "gold").parent
    system = tmp_path / "system"
    system.mkdir()
    (system / "demo.tml").write_text(
        TML.replace('value="P3M">three months', 'value="P3Y">three months')
           .replace('<TIMEX3 tid="t3" type="DATE" value="2012">2012</TIMEX3>', "2012"), encoding="utf-8")
    scores = score_timeml_dirs(gold, system)
    assert scores["relaxed"]["tp"] == 2 and scores["relaxed"]["fn"] == 1
    assert scores["value_accuracy"] == 0.5
