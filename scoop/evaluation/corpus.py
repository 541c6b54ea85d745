"""Gold articles read straight from their text, extracted in memory and scored.

This is the evaluation that cannot flatter: no warehouse is needed, so the
same code scores a held-out fold in cross-validation (``scoop.evaluation.cv``)
and a whole gold folder. A gold file names its article by ``corpus_file``
(relative to the ``corpus/`` folder beside the gold folder) or, for the sample
gold, by ``file`` (looked up in the project's ``raw/`` or ``raw-samples/``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from scoop.evaluation.gold import load_gold_dir


class GoldError(ValueError):
    """A gold folder that cannot be scored (missing, empty, article text not found)."""


@dataclass(frozen=True, slots=True)
class GoldArticle:
    gold: dict          # the gold JSON
    text: str           # the article's raw text
    group: str          # "samples", "bbc" or "trade": reported apart

    @property
    def key(self) -> str:
        return self.gold.get("corpus_file") or self.gold["file"]


def _group(gold: dict) -> str:
    where = (gold.get("corpus_file") or "").lower()
    if not where:
        return "samples"
    return "bbc" if where.startswith("bbc") else "trade"


def _text_path(gold: dict, gold_dir: Path, raw_dirs: Sequence[Path]) -> Path | None:
    if gold.get("corpus_file"):
        path = gold_dir.parent / "corpus" / gold["corpus_file"]
        return path if path.is_file() else None
    for folder in (*raw_dirs, gold_dir.parent / "raw-samples"):
        path = Path(folder) / gold["file"]
        if path.is_file():
            return path
    return None


def load_gold_articles(gold_dirs: Sequence[Path], raw_dirs: Sequence[Path] = (Path("raw"),)) -> list[GoldArticle]:
    """Every gold article of the folders with its text; a clear GoldError when one cannot be read."""
    articles: list[GoldArticle] = []
    for gold_dir in map(Path, gold_dirs):
        if not gold_dir.is_dir():
            raise GoldError(f"{gold_dir} is not a folder")
        docs = load_gold_dir(gold_dir)
        if not docs:
            raise GoldError(f"{gold_dir} holds no gold JSON files")
        for gold in docs:
            path = _text_path(gold, gold_dir, raw_dirs)
            if path is None:
                raise GoldError(f"article text for {gold.get('corpus_file') or gold['file']} "
                                f"(gold in {gold_dir}) not found")
            articles.append(GoldArticle(gold, path.read_text(encoding="utf-8", errors="replace"), _group(gold)))
    return articles


