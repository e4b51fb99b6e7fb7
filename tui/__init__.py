"""peacedash: a keyboard-first terminal dashboard of the Russia–Ukraine peace process."""

__version__ = "0.1.0"
