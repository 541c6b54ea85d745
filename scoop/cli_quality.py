"""Quality commands: `scoop evaluate` (warehouse or cross-validated), `scoop train`, `scoop timeml`.

Registered on the main ``app`` by ``scoop.cli``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from scoop.cli import WAREHOUSE, _fail, _open_read_only, app, console, out

GOLD_DIRS = typer.Argument(None, help="gold JSON folders (../shared/gold format); several are pooled")


def _load_articles(gold_dirs: list[Path]):
    from scoop.evaluation.corpus import GoldError, load_gold_articles

    try:
        return load_gold_articles(gold_dirs)
    except GoldError as exc:
        _fail(str(exc), 2)


def _print_flat(report: dict, title: str) -> None:
    from scoop.evaluation.run import flatten

    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in flatten(report):
        table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
    out.print(table)


def _print_cv(report: dict) -> None:
    from scoop.evaluation.cv import summary

    heads = ("claims_f1", "certainty_acc", "value_acc", "roles_f1", "people_f1", "dates_f1")
    table = Table(title=f"{report['k']}-fold cross-validation by article ({report['articles']} articles)")
    table.add_column("scope")
    table.add_column("n", justify="right")
    for h in heads:
        table.add_column(h.replace("_", " "), justify="right")
    rows = [("pooled", summary(report["pooled"]))]
    rows += [(g, summary(r)) for g, r in report["per_group"].items()]
    rows += [(f"fold {f['fold']} ({'+'.join(f['groups'])})", f) for f in report["per_fold"]]
    for name, s in rows:
        table.add_row(name, str(s["articles"]), *(f"{s[h]:.3f}" for h in heads))
    out.print(table)
    types = Table(title="pooled claims by type")
    for col in ("type", "tp", "fp", "fn", "P", "R", "F1"):
        types.add_column(col, justify="left" if col == "type" else "right")
    claims = report["pooled"]["claims"]
    for name, p in [*claims["per_type"].items(), ("all", claims["overall"])]:
        types.add_row(name, str(p["tp"]), str(p["fp"]), str(p["fn"]),
                      f"{p['precision']:.3f}", f"{p['recall']:.3f}", f"{p['f1']:.3f}")
    out.print(types)


@app.command()
def evaluate(gold_dirs: Optional[list[Path]] = GOLD_DIRS,
             warehouse: Path = WAREHOUSE,
             cv: int = typer.Option(0, "--cv", min=0, help="K: cross-validate by article in K folds "
                                    "(trains on K-1, scores the held fold) instead of scoring the warehouse"),
             rules_only: bool = typer.Option(False, "--rules-only", help="with --cv: no trained claim model"),
             timeml: Optional[list[Path]] = typer.Option(None, "--timeml", help="GOLD_TML_DIR SYSTEM_TML_DIR: "
                                                          "TempEval-3 Task A scores instead"),
             fmt: str = typer.Option("table", "--format", "-f", help="table | json")) -> None:
    """Score against gold: the warehouse, or (--cv K) held-out folds extracted in memory."""
    gold_dirs = list(gold_dirs or [])
    if fmt not in ("table", "json"):
        _fail("--format must be table or json", 2)
    if timeml:
        dirs = list(timeml) + gold_dirs
        if len(dirs) != 2:
            _fail("--timeml takes GOLD_TML_DIR and SYSTEM_TML_DIR", 2)
        from scoop.evaluation.timeml import score_timeml_dirs

        report = {"timeml": score_timeml_dirs(dirs[0], dirs[1])}
    elif not gold_dirs:
        _fail("give the gold folder(s), e.g. scoop evaluate ../shared/gold", 2)
    elif cv:
        if cv < 2:
            _fail("--cv needs at least 2 folds", 2)
        from scoop.evaluation.cv import cross_validate, prepare

        articles = _load_articles(gold_dirs)
        console.print(f"preparing {len(articles)} gold articles (cleaning, dates, people) ...")
        report = cross_validate(prepare(articles), cv, trained=not rules_only,
                                progress=lambda msg: console.print(msg))
        if fmt == "table":
            _print_cv(report)
            return
    else:
        from scoop.evaluation.run import evaluate_warehouse

        for d in gold_dirs:
            if not d.is_dir():
                _fail(f"{d} is not a folder", 2)
        con = _open_read_only(warehouse)
        try:
            report = {str(d): evaluate_warehouse(d, con) for d in gold_dirs}
        finally:
            con.close()
        if len(gold_dirs) == 1:
            report = report[str(gold_dirs[0])]
    if fmt == "json":
        out.print_json(json.dumps(report, default=str))
    else:
        _print_flat(report, "evaluation")


@app.command()
def train(gold_dirs: Optional[list[Path]] = GOLD_DIRS,
          out_path: Optional[Path] = typer.Option(None, "--out", help="where to write the model "
                                                  "(default: the one shipped in the package)")) -> None:
    """Train the claim-type model on gold articles (fixed seed: the same gold gives the same file)."""
    from scoop.evaluation.cv import prepare, train_claims
    from scoop.extract.claims import model as claim_model

    gold_dirs = list(gold_dirs or [])
    if not gold_dirs:
        _fail("give the gold folder(s), e.g. scoop train ../shared/gold ../shared/gold-dev", 2)
    articles = _load_articles(gold_dirs)
    console.print(f"preparing {len(articles)} gold articles (cleaning, dates, people) ...")
    model = train_claims(prepare(articles))
    target = out_path or Path(claim_model.__file__).with_name(claim_model.ARTIFACT)
    try:
        model.save(target)
    except OSError as exc:
        _fail(f"cannot write {target}: {exc.strerror or exc}", 1)
    console.print(f"wrote {target}: sentence model {len(model.sentence.types)} types / "
                  f"{len(model.sentence.weights)} features, person model {len(model.person.types)} types / "
                  f"{len(model.person.weights)} features, role model {len(model.roles.types)} roles / "
                  f"{len(model.roles.weights)} features, digest {model.digest}")


@app.command(name="timeml")
def timeml_cmd(in_dir: Path = typer.Argument(..., help="folder of TimeML .tml files"),
               out_dir: Path = typer.Argument(..., help="where to write them with scoop's TIMEX3 tags")) -> None:
    """Tag TimeML files with scoop's TIMEX3 (TempEval-3 format) for standard scoring."""
    if not in_dir.is_dir():
        _fail(f"{in_dir} is not a folder", 2)
    from scoop.evaluation.timeml_io import tag_tml_dir

    written = tag_tml_dir(in_dir, out_dir)
    console.print(f"wrote {written} files to {out_dir}")
