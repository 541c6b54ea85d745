"""`scoop bench --limit N --ner-baseline`: the first N files, and spaCy's NER alone on the same articles."""
from __future__ import annotations

import time

from scoop.bench import copy_first, ner_baseline, report_rows
from scoop.bench_ner import article_bodies, first_files
from scoop.extract.base import Document
from scoop.extract.runner import run_extractors

from fakes import YearDates


def _corpus(root):
    for folder, names in (("b", ["2.txt", "1.txt"]), ("a", ["9.txt"])):
        (root / folder).mkdir(parents=True)
        for name in names:
            (root / folder / name).write_text(f"Story {folder}{name}\n\nAnn Lee said it was {name}.\n",
                                              encoding="utf-8")
    (root / "empty.txt").write_text("  \n", encoding="utf-8")


def test_the_first_files_are_taken_sorted_by_path_and_copied_with_their_layout(tmp_path):
    _corpus(tmp_path / "corpus")
    assert [p.relative_to(tmp_path / "corpus").as_posix() for p in first_files(tmp_path / "corpus", 3)] == [
        "a/9.txt", "b/1.txt", "b/2.txt"]
    copy = copy_first(tmp_path / "corpus", 2, tmp_path / "out")
    assert copy.name == "corpus"
    assert sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*") if p.is_file()) == ["a/9.txt", "b/1.txt"]
    assert (copy / "a" / "9.txt").read_text(encoding="utf-8").startswith("Story a9.txt")


def test_the_baseline_reads_the_cleaned_bodies_and_skips_empty_files(tmp_path):
    _corpus(tmp_path / "corpus")
    bodies = article_bodies(first_files(tmp_path / "corpus"))
    assert len(bodies) == 3 and all("Ann Lee said" in b for b in bodies)


def test_ner_alone_runs_in_its_own_process_on_every_article(tmp_path):
    _corpus(tmp_path / "corpus")
    report = ner_baseline(tmp_path / "corpus", n_process=1)
    assert report["articles"] == 3 and report["pipeline"] == ["ner"]
    assert report["entities"] >= 3     # "Ann Lee" in each article
    assert report["seconds"] > report["load_seconds"] > 0
    assert report["articles_per_s"] == report["articles"] / report["seconds"]
    assert report["gemm"] == "blis"          # spaCy as installed, unless asked for scoop's multiply


def test_the_comparison_gives_both_baselines_and_their_ratios(tmp_path, monkeypatch):
    import scoop.bench as bench
    from scoop import gemm

    calls = []

    def fake(corpus, n_process, which="blis"):
        calls.append(which)
        return {"articles": 3, "seconds": 2.0 if which == "blis" else 1.0,
                "articles_per_s": 1.5 if which == "blis" else 3.0}

    monkeypatch.setattr(bench, "ner_baseline", fake)
    monkeypatch.setattr(gemm, "choose", lambda value=None: "numpy")
    out = bench.compare_with_ner(tmp_path, {"workers": 2, "articles_per_s": 3.0})
    assert calls == ["blis", "scoop"]
    assert out["ratio_vs_ner_alone"] == 2.0 and out["ratio_vs_ner_alone_same_gemm"] == 1.0
    assert out["scoop_gemm"] == "numpy" and out["ner_alone_same_gemm_seconds"] == 1.0


def test_report_rows_put_the_stages_last():
    rows = report_rows({"articles": 3, "articles_per_s": 1.5, "stage_seconds": {"read": 0.25},
                        "ratio_vs_ner_alone": 1.25})
    assert rows == [("articles", "3"), ("articles_per_s", "1.50"), ("ratio_vs_ner_alone", "1.25"),
                    ("  stage read (s)", "0.25")]


def test_extractors_report_cpu_seconds_beside_wall_seconds():
    docs = [Document(source_id=f"s{i}", body=f"Made in {2000 + i}.") for i in range(3)]
    seconds = run_extractors([YearDates()], docs).seconds
    assert set(seconds) == {"extract:dates", "extract:dates:cpu"}
    assert 0 <= seconds["extract:dates:cpu"]


def test_cpu_compare_times_ner_alone_and_each_extractor(tmp_path):
    from scoop.bench_ner import articles, cpu_compare

    _corpus(tmp_path / "corpus")
    docs = articles(first_files(tmp_path / "corpus"))
    report = cpu_compare(docs)
    assert report["articles"] == 3
    assert set(report["extractors_cpu_s"]) == {"dates", "people", "claims"}
    assert report["extractors_total_cpu_s"] == sum(report["extractors_cpu_s"].values())
    assert report["ner_alone_over_extractors"] == report["ner_alone_cpu_s"] / report["extractors_total_cpu_s"]


def test_total_rss_counts_the_workers_beside_this_process():
    import multiprocessing

    from scoop.bench import TotalRss, rss_mb

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        # a spawned worker (a fresh interpreter) is there before and while the sampler runs
        pool.apply(int, ("1",))
        with TotalRss(interval=0.01) as total:
            time.sleep(0.2)
    assert total.main_at_peak >= 0.5 * rss_mb()
    assert total.peak >= total.main_at_peak + 5      # a spawned interpreter holds more than 5 MB


def test_pairs_alternate_which_side_goes_first_and_report_medians():
    from scoop.bench_pairs import alternate, summary

    calls = []

    def side(name, speeds):
        def run():
            calls.append(name)
            speed = speeds.pop(0)
            return {"articles_per_s": speed, "seconds": 100 / speed}
        return run

    runs = alternate(3, side("scoop", [50.0, 40.0, 60.0]), side("ner", [50.0, 20.0, 40.0]))
    assert calls == ["scoop", "ner", "ner", "scoop", "scoop", "ner"]
    out = summary(runs)
    assert out["ratios"] == [1.0, 2.0, 1.5]
    assert out["scoop_median_articles_per_s"] == 50.0 and out["ner_alone_median_articles_per_s"] == 40.0
    assert out["ratio_of_medians"] == 1.25
    assert out["scoop_seconds"] == [2.0, 2.5, 1.67]


def test_a_real_pair_runs_scoop_and_ner_in_processes_of_their_own(tmp_path, capsys):
    import json

    from scoop.bench_pairs import main

    _corpus(tmp_path / "c")
    main([str(tmp_path / "c"), "--pairs", "1", "--workers", "1", "--no-prefect"])
    out = json.loads(capsys.readouterr().out)
    assert out["pairs"] == 1 and len(out["ratios"]) == 1
    assert out["scoop_median_articles_per_s"] > 0 and out["ner_alone_median_articles_per_s"] > 0
