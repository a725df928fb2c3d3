"""referater: Danish meeting minutes → DuckDB warehouse."""

__version__ = "0.1.0"
