"""Lists that tell the alternatives a verdict set its tool against.

A verdict often lists the other products it considered, one item each ("I had looked at
a couple of other options before settling on this:" over "LightFM: nice hybrid model,
but we fought with its build"). Those items weigh the alternatives, not the tool: a
verdict whose only drawbacks are theirs only praises its own tool.

An item is an alternative's when the list follows a lead-in naming alternatives (the
section's `alternatives_by`: "other options", "the alternatives we considered"), as its
first line, the paragraph right before it or the heading it opens the text under
("Compared to what we did before"), and the item opens with a capitalised name that is
neither the tool's nor a word standing for it (`tool_subjects`: "Setup took a day"), with
a short label before a colon in any case ("jq: great for JSON, but …"), or with a label
written as code ("`implicit` (what we had): fast ALS, but …"), and does not name the tool
anywhere. Items of a list after "Compared with our old script:"
are aspects of the tool ("Memory: higher"), so comparing words alone lead in nothing, and
a lead-in saying the alternatives do better (`others_better` right after the words
naming them: "in some places the alternatives do better:") leads into the tool's
shortcomings. An
item of any list that opens by naming the alternatives ("The alternative we had before,
a README of manual steps, was clearly worse") is theirs too.

Hand-written: the gate's own paragraphs already hold each list's items; no library
tells which product a bullet speaks of.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..course import Section
from .reading import with_code
from .sections import Heading, Paragraph
from .vocabulary import Vocabulary, singulars, stems, vocabulary
from .weighing import a_product

# an item opening with a name ("LightFM: nice", "Docker adds a daemon", "Unleash
# (self-hosted): needs a server"), or with what was code, now gone ("(what we had): …")
_OPENING_NAME = re.compile(r"^\W*(?:(?:[Tt]he|[Aa]n?)\s+)?(?P<name>[A-Z][\w.+-]*)")
_CODE_LABEL = re.compile(r"^\s*[(:\u2013\u2014-]")
# an item opening with a short label before a colon, in any case ("jq: great for JSON,
# but …", "pandas notebooks: every analysis starts with loading code")
_LABEL = re.compile(r"^\W*(?P<label>[\w.+-]+(?:\s+[\w.+-]+){0,2})\s*:")


def alternatives_told(
    paragraphs: Sequence[Paragraph],
    section: Section,
    tool: frozenset[str],
    headings: Sequence[Heading] = (),
) -> dict[str, str]:
    """For each paragraph that tells alternatives, or leads into a list of them, its text
    without them, keyed by its text and by its text with inline code (`with_code`): a
    lead-in keeps nothing, a list keeps the items that are not an alternative's."""
    lead_ins = vocabulary(section.cues.alternatives_by, exact=True)
    if not lead_ins:
        return {}
    better = vocabulary(section.cues.others_better, exact=True)

    def leads(text: str) -> bool:
        """Whether `text` names the alternatives, and not as doing better right after
        ("the alternatives do better"; "the alternatives, and why ours won" still leads)."""
        words = singulars(text)
        named = lead_ins.spans(words)
        ahead = {start for start, _end in better.spans(words)}
        return bool(named) and not any(end in ahead for _start, end in named)

    subjects = vocabulary(section.cues.tool_subjects, exact=True)
    told: dict[str, str] = {}
    before: Paragraph | None = None
    for paragraph in paragraphs:
        if paragraph.items:
            items = list(paragraph.items)
            lead: Paragraph | None = None
            led = True
            if items[0].rstrip().endswith(":") and leads(items[0]):
                items = items[1:]  # "Other options we considered:" right above the items
            elif before is not None and before.region == paragraph.region and leads(before.text):
                lead = before
            elif (
                (before is None or before.region != paragraph.region)
                and 0 <= paragraph.region < len(headings)
                and leads(headings[paragraph.region].text)
            ):
                pass  # the first text under "Compared to what we did before"
            else:
                led = False
            kept = [
                item
                for item in items
                if set(stems(item)) & tool  # an item naming the tool weighs it
                or not (
                    (led and _opens_with_a_name(item, tool, subjects))
                    or _opens_with(item, lead_ins)
                )
            ]
            if len(kept) < len(items):
                for key in {paragraph.text, with_code(paragraph)}:
                    told[key] = " ".join(kept)
                if lead is not None:
                    for key in {lead.text, with_code(lead)}:
                        told[key] = ""
        before = paragraph
    return told


# how far into an item the words naming the alternatives may start ("The alternative we had
# before, a README of manual steps, was clearly worse")
_OPENING_WORDS = 2


def _opens_with(item: str, lead_ins: Vocabulary) -> bool:
    """Whether a list item opens by naming the alternatives."""
    return any(start <= _OPENING_WORDS for start, _end in lead_ins.spans(singulars(item)))


def _opens_with_a_name(item: str, tool: frozenset[str], subjects: Vocabulary) -> bool:
    """Whether a list item opens with another product's name than the tool's, or with a
    label that was code (see the module)."""
    if _CODE_LABEL.match(item):
        return True
    label = _LABEL.match(item)
    if label is not None and not subjects.find(singulars(label["label"])):
        return not set(stems(label["label"])) & tool
    opening = _OPENING_NAME.match(item)
    if opening is None:
        return False
    name = opening["name"]
    if subjects.find(singulars(name)):
        return False  # "Setup took a day", "Docs: thin"
    return a_product(name, tool)
