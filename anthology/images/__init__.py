"""Image work that knows nothing about Pelican: social cards, responsive variants, a cache."""
