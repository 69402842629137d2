"""One adapter per platform against the small interface in `base.py`."""
