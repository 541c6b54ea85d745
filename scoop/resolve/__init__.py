"""Cross-article merging, pure (frames in, frames out): one module per merged table."""
