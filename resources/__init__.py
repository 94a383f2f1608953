"""Data files (templates, styles, demo archive, house style), read through importlib.resources."""
