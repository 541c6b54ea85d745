"""The yardstick for ``scoop bench``: one plain pass of spaCy's NER over the same article texts.

``python -m scoop.bench_ner CORPUS [--limit N] [--n-process 2] [--batch-size 32]`` reads the first
``N`` files of ``CORPUS`` (sorted by path, as ``scoop bench --limit N`` takes them), cleans each as
``scoop run`` does (the body scoop's extractors read), then times loading ``en_core_web_sm`` with
every component but ``ner`` excluded and ``nlp.pipe(bodies, n_process=..., batch_size=...)``, reading
each doc's entities. Reading and cleaning are not timed. It prints one JSON object.
The model multiplies with spaCy's default (blis) unless ``--gemm`` says otherwise: ``--gemm scoop``
gives it the multiply scoop's own NER uses on this CPU (``scoop.gemm``).
With ``--cpu`` it compares CPU seconds instead, in one process: NER alone, then each of scoop's
extractors on the same articles (what a busy machine cannot blur).

It runs in a process of its own (``scoop bench --ner-baseline`` starts one): spaCy's ``n_process``
forks, and forking a process that runs Prefect's threads is unsafe.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from scoop.read import list_raw_files


def first_files(corpus: Path, limit: int | None = None) -> list[Path]:
    """The corpus's files sorted by path; the first ``limit`` of them when given."""
    files = sorted(list_raw_files(corpus))
    return files if limit is None else files[:limit]


def article_bodies(files: list[Path]) -> list[str]:
    """Each file's cleaned body (what scoop's extractors read); files that cannot be read are skipped."""
    return [doc.body for doc in articles(files)]


def articles(files: list[Path]):
    """Each readable, non-empty file as the ``Document`` the extractors get."""
    from scoop.clean import clean_article
    from scoop.extract.base import Document
    from scoop.read import decode

    docs = []
    for k, path in enumerate(files):
        try:
            text = decode(path.read_bytes())[0]
        except (OSError, UnicodeDecodeError):
            continue
        c = clean_article(text)
        if c.body.strip():
            docs.append(Document(source_id=f"a{k}", body=c.body, title=c.title, publisher=c.publisher,
                                 author=c.author, published_on=c.published_on,
                                 published_on_basis=c.published_on_basis))
    return docs


def cpu_compare(docs, gemm: str | None = None) -> dict:
    """CPU seconds, in this one process, of spaCy NER alone and of each of scoop's extractors on ``docs``
    (models loaded and warmed first): the cost of extraction itself, whatever else runs on the machine."""
    from scoop.extract.registry import default_extractors
    from scoop.nlp import load_ner

    nlp = load_ner(gemm)
    list(nlp.pipe(d.body for d in docs[:2]))
    t0 = time.process_time()
    for doc in nlp.pipe((d.body for d in docs), batch_size=32):
        doc.ents
    ner = time.process_time() - t0
    extractors = default_extractors()
    frames: dict = {}
    for extractor in extractors:      # warm: models loaded, regexes compiled
        frames.update(extractor.extract(docs[:2], dict(frames)))
    cpu, frames = {}, {}
    for extractor in extractors:
        t0 = time.process_time()
        frames.update(extractor.extract(docs, frames))
        cpu[extractor.name] = time.process_time() - t0
    total = sum(cpu.values())
    return {"articles": len(docs), "ner_alone_cpu_s": ner, "extractors_cpu_s": cpu, "extractors_total_cpu_s": total,
            "ner_alone_over_extractors": ner / total}


def ner_alone(bodies: list[str], *, n_process: int = 2, batch_size: int = 32, gemm: str = "blis") -> dict:
    """Seconds (model load included) and articles/s of spaCy NER alone over ``bodies``.

    ``gemm``: ``blis`` is spaCy as installed; ``scoop`` the multiply scoop chooses here (``scoop.gemm``).
    """
    from scoop.gemm import choose
    from scoop.nlp import load_ner

    choice = choose() if gemm == "scoop" else choose(gemm)
    t0 = time.perf_counter()
    nlp = load_ner.__wrapped__(choice)      # a fresh load, timed (not the cached copy)
    t1 = time.perf_counter()
    entities = tokens = 0
    for doc in nlp.pipe(bodies, n_process=n_process, batch_size=batch_size):
        entities += len(doc.ents)
        tokens += len(doc)
    t2 = time.perf_counter()
    return {"articles": len(bodies), "tokens": tokens, "entities": entities, "n_process": n_process,
            "batch_size": batch_size, "pipeline": nlp.pipe_names, "gemm": choice, "load_seconds": t1 - t0,
            "seconds": t2 - t0, "articles_per_s": len(bodies) / (t2 - t0),
            "articles_per_s_without_load": len(bodies) / (t2 - t1)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m scoop.bench_ner", description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="the first N files, sorted by path")
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--cpu", action="store_true", help="instead: CPU seconds in one process of NER alone "
                        "and of each scoop extractor")
    parser.add_argument("--gemm", choices=("blis", "numpy", "scoop"), default=None,
                        help="whose matrix multiply the model uses: spaCy's default (blis), numpy's BLAS, or "
                        "the one scoop chooses on this CPU (scoop.gemm); default blis, and scoop's with --cpu")
    args = parser.parse_args(argv)
    files = first_files(args.corpus, args.limit)
    if args.cpu:
        json.dump(cpu_compare(articles(files), None if args.gemm in (None, "scoop") else args.gemm), sys.stdout)
    else:
        json.dump(ner_alone(article_bodies(files), n_process=args.n_process, batch_size=args.batch_size,
                            gemm=args.gemm or "blis"), sys.stdout)
    print()


if __name__ == "__main__":
    main()
