"""TempEval-3 Task A scoring of TimeML directories (TIMEX3 extents and attributes).

Follows the TE-3 method: a system TIMEX3 matches a gold one when their extents
overlap (relaxed) or coincide (strict); attribute scores are F1 x accuracy over
the relaxed matches. Matching is on character offsets of the tag-stripped
TEXT (the official tool uses tokens; for whole-word extents they agree).
"""
from __future__ import annotations

from pathlib import Path

from scoop.evaluation.gold import Prf, extent_scores
from scoop.evaluation.timeml_io import read_tml


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def score_timeml_dirs(gold_dir: Path, system_dir: Path) -> dict:
    """Micro-averaged strict/relaxed extent P/R/F1, value and type accuracy/F1."""
    relaxed = strict = Prf(0, 0, 0)
    matched = value_ok = type_ok = 0
    wrong: list[str] = []
    missed: list[str] = []
    spurious: list[str] = []
    files = 0
    for gpath in sorted(Path(gold_dir).glob("*.tml")):
        spath = Path(system_dir) / gpath.name
        gtext, _, gold = read_tml(gpath)
        stext, _, system = read_tml(spath) if spath.exists() else (gtext, None, [])
        files += 1
        gspans = [_trim(gtext, g["char_start"], g["char_end"]) for g in gold]
        sspans = [_trim(stext, s["char_start"], s["char_end"]) for s in system]
        doc_relaxed, doc_strict, pairs = extent_scores(gspans, sspans)
        relaxed, strict = relaxed + doc_relaxed, strict + doc_strict
        for gi, si in pairs.items():
            g, s = gold[gi], system[si]
            matched += 1
            type_ok += g.get("type") == s.get("type")
            if g.get("value") == s.get("value"):
                value_ok += 1
            else:
                wrong.append(f"{gpath.name}: {g['text']!r} gold {g.get('value')} sys {s.get('value')} ({s['text']!r})")
        missed += [f"{gpath.name}: {gold[i]['text']!r} {gold[i].get('value')}" for i in range(len(gold)) if i not in pairs]
        spurious += [f"{gpath.name}: {system[i]['text']!r} {system[i].get('value')}" for i in range(len(system)) if i not in set(pairs.values())]
    value_acc = value_ok / matched if matched else 0.0
    type_acc = type_ok / matched if matched else 0.0
    return {
        "files": files,
        "strict": strict.as_dict(), "relaxed": relaxed.as_dict(),
        "value_accuracy": round(value_acc, 4), "value_f1": round(relaxed.f1 * value_acc, 4),
        "type_accuracy": round(type_acc, 4), "type_f1": round(relaxed.f1 * type_acc, 4),
        "wrong_values": wrong, "missed": missed, "spurious": spurious,
    }
