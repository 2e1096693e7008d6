"""The gradebook report: one row per student, as CSV and as a sortable HTML table.

It is written outside the site (default `reports/`) and never published.
"""
