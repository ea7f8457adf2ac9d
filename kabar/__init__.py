"""kabar: raw news text to validated, partitioned Parquet tables."""

__version__ = "0.1.0"
