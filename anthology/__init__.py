"""Anthology: turn a course's student blog posts into a searchable anthology.

The package is the domain model (posts, tools, prior catalog, course rules); it does not
import Pelican. The Pelican plugin lives in :mod:`anthology.site`.
"""

__version__ = "0.1.0"
