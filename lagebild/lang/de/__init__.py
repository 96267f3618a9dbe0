"""German language pack: data files beside this module."""
