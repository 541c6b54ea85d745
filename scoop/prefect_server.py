"""A local Prefect server that scoop starts on demand and reuses.

Without ``PREFECT_API_URL`` every flow run would start Prefect's temporary
server (8-14 s before any work, STACK_NOTES), and schedules do not run on it
at all. So when the user has not configured a server, scoop starts one in
the background (``prefect server start`` on 127.0.0.1, state under
``~/.scoop/prefect``), waits until it answers, and points
``PREFECT_API_URL`` at it; later runs and ``scoop serve`` reuse it.
Nothing here imports Prefect: the URL must be set before Prefect is imported.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from scoop import defaults
from scoop.prefect_env import SCOOP_HOME, configure

DEFAULT_PORT = defaults.PREFECT_PORT
START_TIMEOUT_S = 90


class PrefectUnavailable(RuntimeError):
    """No Prefect API answers: the user's ``PREFECT_API_URL`` is down, or the local server did not start."""


def _state_dir() -> Path:
    path = SCOOP_HOME / "prefect"
    path.mkdir(parents=True, exist_ok=True)
    return path


def server_url(port: int = DEFAULT_PORT) -> str:
    return f"http://127.0.0.1:{port}/api"


def is_healthy(url: str, timeout: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def user_configured_url() -> str | None:
    return os.environ.get("PREFECT_API_URL") or None


def ensure_server(port: int = DEFAULT_PORT, *, echo=lambda msg: None) -> str:
    """URL of a healthy Prefect API: the user's, or scoop's local server (started if needed)."""
    configure()
    if url := user_configured_url():
        if not is_healthy(url.rstrip("/"), timeout=3.0):
            raise PrefectUnavailable(f"the Prefect API at {url} (PREFECT_API_URL) does not answer; start it, "
                                     "unset PREFECT_API_URL to use scoop's own server, or run with --no-prefect")
        return url
    url = server_url(port)
    if not is_healthy(url):
        echo(f"starting a local Prefect server on 127.0.0.1:{port} (once; later runs reuse it)")
        state = _state_dir()
        log = (state / "server.log").open("ab")
        process = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, env=os.environ.copy())
        (state / "server.pid").write_text(str(process.pid))
        deadline = time.monotonic() + START_TIMEOUT_S
        while not is_healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise PrefectUnavailable(f"the local Prefect server did not start; see {state / 'server.log'} "
                                   "(or run with --no-prefect)")
            time.sleep(0.5)
    os.environ["PREFECT_API_URL"] = url
    return url


def server_status(port: int = DEFAULT_PORT) -> dict:
    """Which Prefect API scoop would use, whether it answers, and the pid of scoop's own server."""
    configure()
    pid_file = _state_dir() / "server.pid"
    pid = pid_file.read_text().strip() if pid_file.exists() else None
    url = user_configured_url()
    return {"url": url or server_url(port), "source": "PREFECT_API_URL" if url else "scoop",
            "healthy": is_healthy((url or server_url(port)).rstrip("/")), "pid": pid,
            "log": str(_state_dir() / "server.log")}


def stop_server() -> bool:
    pid_file = _state_dir() / "server.pid"
    if not pid_file.exists():
        return False
    try:
        os.killpg(int(pid_file.read_text()), signal.SIGTERM)
    except (ProcessLookupError, ValueError, PermissionError):
        pass
    pid_file.unlink(missing_ok=True)
    return True
