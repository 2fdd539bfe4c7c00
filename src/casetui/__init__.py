"""casetui: explore platform case studies in the terminal."""

__version__ = "0.1.0"
