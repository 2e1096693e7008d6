"""Where a post first shows its tool (`anthology.gate.naming`)."""

from __future__ import annotations

import pytest

from anthology.gate.naming import first_shown
from anthology.gate.scan import Body


@pytest.mark.parametrize(
    ("line", "tool", "named"),
    [
        ("Then **DockerSlim** shrank the image.", "docker-slim", True),
        ("I ran docker slim build on it.", "DockerSlim", True),
        ("`pip install pytest-benchmark`", "pytest-benchmark", True),
        ("tuna's chart made it obvious.", "tuna", True),
        ("Fortunately the pod came back.", "tuna", False),  # a word inside another word
        ("Great work, and high expectations.", "Great Expectations", False),
        ("We built a docker image for the slim API.", "DockerSlim", False),
        ("The K6 run took 40 s.", "k6", True),
        ("We use ab testing for it.", "AB Testing", True),
    ],
)
def test_a_name_is_found_however_its_words_are_split(line: str, tool: str, named: bool) -> None:
    assert first_shown(Body(line, 7), [tool]) == (7 if named else None)


def test_the_first_line_naming_the_tool_or_showing_code() -> None:
    told = "Our pods needed 11 seconds to start.\n\nSo I tried Tuna on the import log.\n"
    assert first_shown(Body(told, 20), ["tuna"]) == 22
    coded = "Our pods needed 11 seconds to start.\n\n```bash\npython -X importtime app\n```\n"
    assert first_shown(Body(coded, 20), ["tuna"]) == 22
    assert first_shown(Body("Our pods needed 11 seconds to start.\n", 20), ["tuna"]) is None
    assert first_shown(Body("A post with no tool named.\n", 1), []) is None
    assert first_shown(Body("-- and more", 1), ["", "--"]) is None
    assert first_shown(Body("Stra\u00dfe first.\n\nThen tuna.\n", 1), ["tuna"]) == 3
