"""Scorers: warehouse rows against hand-made gold (see ../shared/gold/README.md)."""
