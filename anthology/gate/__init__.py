"""The gate: checks posts and comments against the course rules and reports what to fix.

`anthology check` runs it; :mod:`anthology.gate.command` is the entry point, and each rule
family lives in :mod:`anthology.gate.rules`.
"""
