"""Extraction workers never outlive the run that started them.

A run in a subprocess extracts with two spawned workers that stall; the test
kills the run's main process and checks, 5 s later, that none of its
descendants (workers, multiprocessing's resource tracker) is still alive.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

STALLING_EXTRACTOR = '''
import os, time
from pathlib import Path
from scoop import contract as T

class Stalls:
    """Writes its pid and stalls, but only inside a worker process."""
    name, version, tables = "dates", "1", ("dates",)

    def __init__(self, folder):
        self.folder, self.home = folder, os.getpid()

    def extract(self, docs, context):
        if os.getpid() != self.home:
            Path(self.folder, f"{os.getpid()}.pid").write_text("")
            time.sleep(300)
        return {"dates": T.empty_frame("dates")}
'''

RUN = '''
import sys
sys.path.insert(0, {helpers!r})
from pathlib import Path
from stalls import Stalls
from scoop.pipeline import run_ingest

print("pid", flush=True)
run_ingest(Path({raw!r}), Path({wh!r}), extractors=[Stalls({pids!r})], batch_size=2, workers=2)
'''


def _descendants(root: int) -> dict[int, str]:
    """pid -> command line of every live process below ``root`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = {}, [root]
    while todo:
        for pid in children.get(todo.pop(), []):
            found[pid] = _cmdline(pid)
            todo.append(pid)
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:120]
    except OSError:
        return "?"


def _alive(pid: int) -> bool:
    """Running or sleeping; a zombie (dead, not yet reaped by init) counts as gone."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _listing(pids) -> str:
    rows = subprocess.run(["ps", "-o", "pid,ppid,stat,etime,cmd", "-p", ",".join(map(str, pids))],
                          capture_output=True, text=True).stdout
    return rows.rstrip()


@pytest.fixture
def stalled_run(tmp_path):
    """A run whose two workers are mid-extraction; yields (process, worker pids, all descendants)."""
    raw, pids = tmp_path / "raw", tmp_path / "pids"
    raw.mkdir()
    pids.mkdir()
    for i in range(6):
        (raw / f"{i}.txt").write_text(f"Story {i} from 20{10 + i}.", encoding="utf-8")
    (tmp_path / "stalls.py").write_text(textwrap.dedent(STALLING_EXTRACTOR), encoding="utf-8")
    script = RUN.format(helpers=str(tmp_path), raw=str(raw), wh=str(tmp_path / "wh"), pids=str(pids))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parent.parent)
    try:
        assert proc.stdout.readline().strip() == "pid"
        deadline = time.monotonic() + 120           # spawning and importing scoop twice
        while len(list(pids.iterdir())) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = sorted(int(p.stem) for p in pids.iterdir())
        assert len(workers) == 2, "the workers never started"
        tree = _descendants(proc.pid)
        assert set(workers) <= set(tree)
        yield proc, workers, tree
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for pid in _descendants(os.getpid()):      # never leave a stray process behind a failing test
            if pid != proc.pid and _alive(pid) and "spawn_main" in _cmdline(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_exit_when_the_run_is_killed(stalled_run, signum, tmp_path):
    proc, workers, tree = stalled_run
    os.kill(proc.pid, signum)
    rc = proc.wait(timeout=60)
    time.sleep(5)
    survivors = [pid for pid in tree if _alive(pid)]
    print(f"\n{signal.Signals(signum).name}: run pid {proc.pid} exited {rc}; its processes 5 s later:\n"
          f"{_listing(tree) or '(none)'}\nprocesses before the kill:\n"
          + "\n".join(f"{pid} {cmd}" for pid, cmd in sorted(tree.items())))
    assert survivors == [], _listing(survivors)
    if signum == signal.SIGTERM:
        assert rc == 128 + signal.SIGTERM                        # unwound, not killed outright
        assert not (tmp_path / "wh" / "scoop.duckdb.next").exists()
    else:
        assert rc == -signal.SIGKILL


def test_workers_of_a_pool_closed_without_waiting_exit_on_their_own():
    """They die with the thread that spawned them: it must outlive them, or one killed while it holds
    the pool's queue lock leaves the other stuck on it, and the process hangs as it exits."""
    from fakes import YearDates
    from scoop.extract.base import Document
    from scoop.extract.runner import ExtractorPool

    pool = ExtractorPool([YearDates()], workers=2)
    docs = [Document(source_id=f"s{k}", body=f"Story {k} from 20{10 + k}.") for k in range(8)]
    assert pool.extract(docs).frames
    procs = list(pool._pool._processes.values())
    assert len(procs) == 2
    pool.close(wait=False)
    deadline = time.monotonic() + 20
    # the pool's own threads reap them too: read the exit code once one of them has
    while any(proc.exitcode is None for proc in procs) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [proc.exitcode for proc in procs] == [0, 0]       # not -9: nothing killed them
