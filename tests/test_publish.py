"""`invoke publish`: build aside, check links, swap in atomically; a failure or a kill keeps
a whole site, and the next run removes what a killed one left."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from anthology.site.commands import BuildFailed, publish

from .conftest import SETTINGS, copy_content

BROKEN = "---\ntitle: Broken\ndate: [oops\n---\nBody\n"


def overrides(content: Path, tmp_path: Path) -> dict[str, object]:
    return {
        "PATH": str(content),
        "CACHE_PATH": str(tmp_path / "cache"),
        "LOAD_CONTENT_CACHE": False,
        "ANTHOLOGY": {"SOCIAL_CARDS": False},
    }


def old_site(tmp_path: Path) -> Path:
    output = tmp_path / "site" / "output"
    output.mkdir(parents=True)
    (output / "index.html").write_text("the previous site", encoding="utf-8")
    return output


def leftovers(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir() if p.name != output.name)


def test_publish_swaps_in_a_checked_build(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    output = old_site(tmp_path)
    publish(SETTINGS, output, **overrides(content, tmp_path))
    assert "the previous site" not in (output / "index.html").read_text(encoding="utf-8")
    assert (output / "posts" / "pandera-rating-schema-checks" / "index.html").exists()
    assert (output / "pagefind" / "pagefind-entry.json").exists()
    assert leftovers(output) == []


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    (content / "posts" / "F2026" / "broken.md").write_text(BROKEN, encoding="utf-8")
    output = old_site(tmp_path)
    with pytest.raises(BuildFailed, match=r"broken\.md"):
        publish(SETTINGS, output, **overrides(content, tmp_path))
    assert (output / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert sorted(p.name for p in output.iterdir()) == ["index.html"]
    assert leftovers(output) == []


def test_a_broken_internal_link_stops_the_swap(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    about = content / "pages" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\n[Gone](/no/such/page/)\n", encoding="utf-8"
    )
    output = old_site(tmp_path)
    with pytest.raises(BuildFailed, match="broken internal links"):
        publish(SETTINGS, output, **overrides(content, tmp_path))
    assert (output / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert leftovers(output) == []


# --- killed at any moment: the site is whole, and the next run leaves no debris ---

PUBLISH = (
    "import json, sys; from pathlib import Path; "
    "from anthology.site.commands import publish; "
    "publish(sys.argv[1], Path(sys.argv[2]), **json.loads(sys.argv[3]))"
)
# Every step of a publish at which a SIGKILL could land, in order.
STEPS = ["staging", "built", "link-checking", "checked", "swapped"]


def kill_at(step: str, output: Path, settings: dict[str, object], tmp: Path) -> None:
    """Run a publish in a child process that stops at `step`, then SIGKILL it there."""
    marker = tmp / f"reached-{step}"
    env = {
        **os.environ,
        "TMPDIR": str(tmp),
        "ANTHOLOGY_PAUSE_AT": step,
        "ANTHOLOGY_PAUSE_FILE": str(marker),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", PUBLISH, SETTINGS, str(output), json.dumps(settings)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        # Wait for the state (the marker file), bounded so a broken build cannot hang us.
        deadline = time.monotonic() + 600
        while not marker.exists():
            if child.poll() is not None:
                raise AssertionError(f"publish ended before {step}: {child.stderr.read()!r}")
            assert time.monotonic() < deadline, f"publish never reached {step}"
            time.sleep(0.05)
    finally:
        child.kill()
        child.wait()
        child.stderr.close()


def leftovers_in(output: Path) -> list[Path]:
    return [p for p in output.parent.iterdir() if p.name != output.name]


def whole_site(output: Path) -> str:
    """'old' or 'new'; fails when `output` is missing or half of something."""
    index = (output / "index.html").read_text(encoding="utf-8")
    if index == "the previous site":
        assert sorted(p.name for p in output.iterdir()) == ["index.html"]
        return "old"
    assert (output / "posts" / "pandera-rating-schema-checks" / "index.html").is_file()
    assert (output / "pagefind" / "pagefind-entry.json").is_file()
    return "new"


def test_sigkill_at_every_step_leaves_a_whole_site_and_the_next_run_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = copy_content(tmp_path / "content")
    output = old_site(tmp_path)
    settings = overrides(content, tmp_path)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    seen, debris = {}, {}
    for step in STEPS:
        kill_at(step, output, settings, tmp)
        seen[step] = whole_site(output)
        debris[step] = {p.name.split("-")[0] for p in (*tmp.iterdir(), *leftovers_in(output))}
    # Before the swap the old site is served, from the swap on the new one.
    assert seen == {**dict.fromkeys(STEPS[:-1], "old"), "swapped": "new"}
    # The kills did leave work folders behind: the link check's site in the temporary
    # folder, the staging folder beside output/ (holding the old site after the swap) ...
    assert {"anthology", ".output.new"} <= debris["link-checking"]
    assert ".output.new" in debris["swapped"]
    # ... which the next publish sweeps away.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    publish(SETTINGS, output, **settings)
    assert whole_site(output) == "new"
    assert leftovers(output) == []
    assert [p.name for p in tmp.iterdir() if not p.name.startswith("reached-")] == []


def test_a_running_publish_keeps_its_work_folders_from_another_run(tmp_path: Path) -> None:
    from anthology.workdirs import owned_folder, sweep

    with owned_folder(".output.new-", tmp_path) as busy:
        (busy / "page.html").write_text("being built", encoding="utf-8")
        assert sweep(tmp_path, ".output.new-") == []
        assert (busy / "page.html").exists()
    assert list(tmp_path.iterdir()) == []


def test_the_fallback_swap_killed_between_its_renames_is_repaired(tmp_path: Path) -> None:
    from anthology.swap import recover, replace_folder

    target, new = tmp_path / "output", tmp_path / "staging"
    for folder, text in ((target, "old"), (new, "new")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")
    # The state after the first rename and before the second: no `output` at all.
    target.rename(tmp_path / ".output.previous")
    recover(target)
    assert (target / "index.html").read_text(encoding="utf-8") == "old"
    replace_folder(new, target, atomic=False)
    assert (target / "index.html").read_text(encoding="utf-8") == "new"
    assert (new / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output", "staging"]


def test_the_atomic_swap_exchanges_whole_folders(tmp_path: Path) -> None:
    from anthology.swap import exchange

    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "x").write_text("a", encoding="utf-8")
    if not exchange(first, second):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available here")
    assert (second / "x").read_text(encoding="utf-8") == "a"
    assert list(first.iterdir()) == []
