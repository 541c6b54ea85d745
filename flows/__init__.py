"""Prefect flows: thin orchestration of ``scoop.pipeline`` stages."""
from scoop.prefect_env import configure as _configure

_configure()
