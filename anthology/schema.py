"""The front-matter fields of a post, described once.

The model validates against this table, the JSON Schema for editors is generated from
it, and the "How to submit" documentation lists it: one description per field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .course import Course


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # string, text, bool, date, url, urls, strings, tools, authors, sections
    description: str
    # "", "all", "assignment" (posts that follow an assignment option), or "tool"
    # (assignment posts whose option has `needs_tool`)
    required_for: str = ""


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "string", "Title of the post, shown on the page and in feeds.", "all"),
    FieldSpec(
        "authors",
        "authors",
        "One author, or two for a pair; each with `name`, the course `id` and, optionally, "
        "`github` (the GitHub account whose pull requests may change the post).",
        "all",
    ),
    FieldSpec("semester", "string", "Semester id from course.yaml, e.g. F2026.", "assignment"),
    FieldSpec(
        "tool",
        "tools",
        "The tool the post covers, or a list of tools for a combination.",
        "tool",
    ),
    FieldSpec("category", "string", "Category id or name from course.yaml.", "assignment"),
    FieldSpec("tags", "strings", "Free keywords for the tag pages and search."),
    FieldSpec(
        "option", "string", "Assignment option id from course.yaml (e.g. `tool`).", "assignment"
    ),
    FieldSpec(
        "previously_covered", "bool", "true when the tool was covered in an earlier semester."
    ),
    FieldSpec(
        "added_value",
        "text",
        "Required when previously_covered: what this post adds to the earlier posts.",
    ),
    FieldSpec(
        "evidence",
        "urls",
        "Links to your code or configuration of the tool (e.g. a GitHub repository).",
    ),
    FieldSpec("format", "string", "article, video or podcast."),
    FieldSpec("media_url", "url", "For a video or podcast: the page where it is published."),
    FieldSpec("status", "string", "claimed (tool reserved), draft (not public) or published.", ""),
    FieldSpec("date", "date", "Publication date, YYYY-MM-DD (a time HH:MM may follow).", "all"),
    FieldSpec("modified", "date", "Date of the last substantial change."),
    FieldSpec("summary", "text", "One or two sentences for cards, feeds and search results."),
    FieldSpec("slug", "string", "URL name of the post; defaults to the file name."),
    FieldSpec(
        "sections",
        "sections",
        "Maps a required section id (e.g. problem) to the exact text of your heading.",
    ),
)

FIELD_NAMES: frozenset[str] = frozenset(spec.name for spec in FIELDS)
STATUSES: tuple[str, ...] = ("claimed", "draft", "published")


def json_schema(course: Course) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for post front matter, enums taken from the course."""
    category_values = [c.id for c in course.categories] + [c.name for c in course.categories]
    section_ids = sorted({s.id for option in course.options for s in option.sections})
    date_schema = {
        "anyOf": [
            {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$"},
            {"type": "string", "format": "date"},
        ]
    }
    url = {"type": "string", "pattern": "^https?://"}
    kinds: dict[str, dict[str, Any]] = {
        "string": {"type": "string", "minLength": 1},
        "text": {"type": "string"},
        "bool": {"type": "boolean"},
        "date": date_schema,
        "url": url,
        "urls": {"anyOf": [url, {"type": "array", "items": url}]},
        "strings": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "tools": {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "items": {"type": "string"}, "minItems": 1},
            ]
        },
        "authors": {
            "type": "array",
            "minItems": 1,
            "maxItems": 2,
            "items": {
                "type": "object",
                "required": ["name", "id"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string", "description": "Full name."},
                    "id": {"type": "string", "description": "Course id."},
                    "github": {
                        "type": "string",
                        "description": "GitHub account name: only its pull requests (or an "
                        "instructor's) may change or delete the post.",
                    },
                },
            },
        },
        "sections": {
            "type": "object",
            "propertyNames": {"enum": section_ids},
            "additionalProperties": {"type": "string"},
        },
    }
    properties: dict[str, Any] = {}
    for spec in FIELDS:
        schema = dict(kinds[spec.kind])
        schema["description"] = spec.description
        properties[spec.name] = schema
    properties["semester"]["enum"] = [s.id for s in course.semesters]
    properties["category"]["enum"] = category_values
    properties["option"]["enum"] = [o.id for o in course.options]
    properties["format"]["enum"] = list(course.formats)
    properties["status"]["enum"] = list(STATUSES)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{course.name}: post front matter",
        "description": "YAML front matter of one anthology post.",
        "type": "object",
        "required": [s.name for s in FIELDS if s.required_for == "all"],
        "additionalProperties": False,
        "properties": properties,
    }
