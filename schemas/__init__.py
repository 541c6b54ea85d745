"""pandera schemas and vocabularies of the warehouse, re-exported from ``scoop.contract``."""
