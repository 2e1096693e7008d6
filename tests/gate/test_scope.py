"""What a student's pull request may touch, judged by the base's configuration.

Every test builds a real repository: `main` with posts, a pair post with an image and
comments by several students; a branch with the pull request's change; then
`anthology check --changed-since main`, as the pull-request workflow runs it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import HERE, Runner
from .test_cli import git

GOOD = HERE / "good"
PAIR = "content/posts/F2026/pair-deepchecks.md"
VICTIM = "content/posts/F2026/vic-dagster.md"
IMAGE = "content/images/pair/report.png"
VIC_COMMENT = "content/comments/pair-deepchecks/vic.md"


def stub(
    content: Path,
    name: str,
    tool: str,
    author: str,
    *,
    semester: str = "F2026",
    github: str | None = None,
    title: str | None = None,
    extra: str = "",
    status: str = "claimed",
) -> Path:
    path = content / "posts" / semester / name
    path.parent.mkdir(parents=True, exist_ok=True)
    account = f"\n    github: {github}" if github else ""
    path.write_text(
        f'---\ntitle: "{title or f"Claimed: {tool}"}"\nauthors:\n  - name: {author.title()}\n'
        f"    id: {author}{account}\nsemester: {semester}\ntool: {tool}\n"
        f"category: pipeline-automation\noption: tool\nprevious" + "ly_covered: false\n"
        f"status: {status}\ndate: 2026-10-02\n{extra}---\n",
        encoding="utf-8",
    )
    return path


def comment(content: Path, post: str, author: str, github: str | None = None) -> Path:
    path = content / "comments" / post / f"{author}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    account = f", github: {github}" if github else ""
    path.write_text(
        f"---\nauthor: {{name: {author.title()}, id: {author}{account}}}\npost: {post}\n"
        "date: 2026-10-27\n---\n\n"
        + (HERE / "comments" / "good" / "question.md")
        .read_text(encoding="utf-8")
        .split("---\n")[2],
        encoding="utf-8",
    )
    return path


def png(path: Path, colour: tuple[int, int, int] = (200, 80, 40)) -> Path:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), colour).save(path, "PNG")
    return path


def commit(root: Path, message: str, when: str = "2026-10-05T12:00:00+00:00") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


@pytest.fixture
def base(content: Path) -> Path:
    """`main`: the gate's base content plus a victim's claim, a pair post with an image and
    comments; checked out on a new branch `pr` for the pull request."""
    root = content.parent
    stub(content, "vic-dagster.md", "Dagster", "vic", github="vic-gh")
    pair = content / "posts" / "F2026" / "pair-deepchecks.md"
    text = (GOOD / "two-authors.md").read_text(encoding="utf-8")
    pair.write_text(
        text.rstrip("\n") + "\n\n![The Deepchecks report on a week of ratings]"
        "(../../images/pair/report.png)\n",
        encoding="utf-8",
    )
    png(content / "images" / "pair" / "report.png")
    comment(content, "pair-deepchecks", "vic", github="vic-gh")
    comment(content, "earlier-feast", "ghopper")
    git(root, "init", "-q", "-b", "main")
    commit(root, "base", when="2026-09-01T12:00:00+00:00")
    git(root, "checkout", "-q", "-b", "pr")
    return root


def check(run: Runner, content: Path, *args: str) -> tuple[int, list[dict]]:
    code, out, err = run(
        "--content", str(content), "check", "--format", "json", "--changed-since", "main", *args
    )
    assert code in (0, 1), err
    return code, json.loads(out)["findings"]


def errors(findings: list[dict]) -> set[tuple[str, str]]:
    return {(f["rule"], f["path"]) for f in findings if f["severity"] == "error"}


def message(findings: list[dict], rule: str, path: str) -> str:
    return next(f["message"] for f in findings if (f["rule"], f["path"]) == (rule, path))


# -- another author's files -----------------------------------------------------------------


def test_editing_another_students_post_is_refused(base: Path, content: Path, run: Runner) -> None:
    stub(content, "mallory-evidently.md", "Evidently", "mallory")
    victim = base / VICTIM
    victim.write_text(victim.read_text(encoding="utf-8") + "\nMine now.\n", encoding="utf-8")
    commit(base, "my claim, and a small fix")
    code, findings = check(run, content)
    assert code == 1
    assert errors(findings) == {("scope-other-author", VICTIM)}
    said = message(findings, "scope-other-author", VICTIM)
    assert "belongs to vic" in said and "mallory's" in said


def test_an_edit_alone_is_refused_when_the_opener_is_not_the_github_author(
    base: Path, content: Path, run: Runner
) -> None:
    victim = base / VICTIM
    victim.write_text(victim.read_text(encoding="utf-8") + "\nMine now.\n", encoding="utf-8")
    commit(base, "small fix")
    code, findings = check(run, content, "--pr-author", "mallory-gh")
    assert code == 1 and errors(findings) == {("scope-other-author", VICTIM)}
    assert "GitHub vic-gh" in message(findings, "scope-other-author", VICTIM)
    assert check(run, content, "--pr-author", "Vic-GH") == (0, [])  # the author herself


@pytest.mark.parametrize("target", [VICTIM, VIC_COMMENT, PAIR])
def test_deleting_another_students_file_is_refused(
    target: str, base: Path, content: Path, run: Runner
) -> None:
    comment(content, "earlier-feast", "mallory")
    git(base, "rm", "-q", target)
    commit(base, "comment, and a clean-up")
    code, findings = check(run, content)
    assert code == 1 and errors(findings) == {("scope-other-author", target)}
    said = message(findings, "scope-other-author", target)
    assert "deletes" in said or "renames" in said  # git may see the new comment as a rename


def test_renaming_the_holders_file_and_taking_the_tool_is_refused(
    base: Path, content: Path, run: Runner
) -> None:
    git(base, "mv", "content/posts/F2026/vic-dagster.md", "content/posts/F2026/mallory-dag.md")
    mine = content / "posts" / "F2026" / "mallory-dag.md"
    mine.write_text(
        mine.read_text(encoding="utf-8").replace("id: vic", "id: mallory"), encoding="utf-8"
    )
    commit(base, "claim Dagster")
    code, findings = check(run, content)
    moved = "content/posts/F2026/mallory-dag.md"
    assert code == 1
    assert ("scope-other-author", VICTIM) in errors(findings)  # the holder's file, renamed
    assert ("scope-authors-changed", moved) in errors(findings)
    assert "belongs to vic (GitHub vic-gh) on the base" in message(
        findings, "scope-authors-changed", moved
    )


def test_deleting_the_holders_file_and_re_adding_it_as_ones_own_is_refused(
    base: Path, content: Path, run: Runner
) -> None:
    git(base, "rm", "-q", VICTIM)
    stub(
        content, "zz-mine.md", "Dagster", "mallory", title="All about Dagster", extra="tags: [x]\n"
    )
    mine = content / "posts" / "F2026" / "zz-mine.md"
    with mine.open("a", encoding="utf-8") as handle:  # unlike the old file: no rename is seen
        handle.write("\n".join(f"Line {n} of a plan for a post on Dagster." for n in range(40)))
    commit(base, "claim Dagster")
    code, findings = check(run, content)
    assert code == 1 and errors(findings) == {("scope-other-author", VICTIM)}
    assert "deletes" in message(findings, "scope-other-author", VICTIM)


def test_a_changed_post_may_not_claim_a_new_author(base: Path, content: Path, run: Runner) -> None:
    victim = base / VICTIM
    victim.write_text(
        victim.read_text(encoding="utf-8").replace("id: vic", "id: mallory"), encoding="utf-8"
    )
    commit(base, "my post")
    code, findings = check(run, content)
    assert code == 1 and errors(findings) == {("scope-authors-changed", VICTIM)}


def test_changing_both_authors_of_a_pair_post_is_refused(
    base: Path, content: Path, run: Runner
) -> None:
    pair = base / PAIR
    text = pair.read_text(encoding="utf-8").replace("id: ghopper", "id: mallory")
    pair.write_text(text.replace("id: aturing", "id: trudy"), encoding="utf-8")
    commit(base, "our post")
    code, findings = check(run, content)
    assert code == 1 and ("scope-authors-changed", PAIR) in errors(findings)


def test_changing_another_students_image_is_refused(base: Path, content: Path, run: Runner) -> None:
    stub(content, "mallory-evidently.md", "Evidently", "mallory")
    png(base / IMAGE, (0, 0, 0))
    commit(base, "claim, and a darker image")
    code, findings = check(run, content)
    assert code == 1 and errors(findings) == {("scope-other-author", IMAGE)}
    said = message(findings, "scope-other-author", IMAGE)
    assert "aturing and ghopper (through content/posts/F2026/pair-deepchecks.md)" in said


def test_an_image_no_post_uses_cannot_be_attributed(base: Path, content: Path, run: Runner) -> None:
    png(content / "images" / "pair" / "extra.png")
    commit(base, "an image")
    code, findings = check(run, content)
    assert code == 1
    assert errors(findings) == {("scope-unattributed", "content/images/pair/extra.png")}


def test_a_new_image_used_by_ones_own_new_post_is_fine(
    base: Path, content: Path, run: Runner
) -> None:
    png(content / "images" / "mallory" / "my chart.png")
    stub(content, "mallory-evidently.md", "Evidently", "mallory")
    post = content / "posts" / "F2026" / "mallory-evidently.md"
    post.write_text(
        post.read_text(encoding="utf-8") + "\n![A chart](../../images/mallory/my%20chart.png)\n",
        encoding="utf-8",
    )
    commit(base, "claim with a chart")
    code, findings = check(run, content)
    assert code == 0 and not any(f["rule"].startswith("scope-") for f in findings), findings


# -- files outside the students' folders ------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("content/course.yaml", "the course configuration"),
        ("content/prior/2020-2022.yaml", "the prior-semester catalog"),
        ("content/pages/about.md", "a site page"),
        ("anthology/gate/rules/__init__.py", "code"),
        (".github/workflows/pr.yml", "the workflows and repository settings"),
        ("theme/templates/base.html", "the theme"),
        ("pelicanconf.py", "code"),
    ],
)
def test_files_outside_posts_comments_and_images_are_refused(
    path: str, kind: str, base: Path, content: Path, run: Runner
) -> None:
    stub(content, "mallory-evidently.md", "Evidently", "mallory")
    target = base / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    commit(base, "claim, and a tweak")
    code, findings = check(run, content)
    assert code == 1 and ("scope-protected", path) in errors(findings)
    assert kind in message(findings, "scope-protected", path)


def test_the_pull_requests_course_yaml_does_not_judge_it(
    base: Path, content: Path, run: Runner
) -> None:
    course = content / "course.yaml"
    course.write_text(
        course.read_text(encoding="utf-8").replace(
            "categories:\n", "categories:\n  - id: anything-goes\n    name: Anything goes\n", 1
        ),
        encoding="utf-8",
    )
    post = stub(content, "mallory-evidently.md", "Evidently", "mallory")
    post.write_text(
        post.read_text(encoding="utf-8").replace("pipeline-automation", "anything-goes"),
        encoding="utf-8",
    )
    commit(base, "a category of my own")
    code, findings = check(run, content)
    mine = "content/posts/F2026/mallory-evidently.md"
    assert code == 1
    assert errors(findings) == {
        ("scope-protected", "content/course.yaml"),
        ("front-matter-category", mine),  # the base's categories decide
    }


def test_a_symlink_is_refused(base: Path, content: Path, run: Runner) -> None:
    (content / "posts" / "F2026" / "mallory.md").symlink_to("../../course.yaml")
    commit(base, "a link")
    code, findings = check(run, content)
    # A link under content/ is refused before any content is read (anthology/contentfiles.py).
    assert code == 1 and ("content-symlink", "content/posts/F2026/mallory.md") in errors(findings)


@pytest.mark.parametrize(
    "name",
    ["posts/F2026/mallory\u202egpj.md", "posts/F2026/mallory.html", "comments/mallory.md"],
)
def test_odd_names_and_kinds_in_the_students_folders_are_refused(
    name: str, base: Path, content: Path, run: Runner
) -> None:
    stub(content, "mallory-evidently.md", "Evidently", "mallory")
    target = content / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(content / "posts" / "F2026" / "mallory-evidently.md", target)
    commit(base, "claim")
    code, findings = check(run, content)
    assert code == 1 and ("scope-file-kind", f"content/{name}") in errors(findings)


# -- the tool registry ------------------------------------------------------------------------


def add_tool(content: Path, name: str, aliases: str = "[]") -> None:
    tools = content / "tools.yaml"
    tools.write_text(
        tools.read_text(encoding="utf-8")
        + f"  - name: {name}\n    category: testing\n    aliases: {aliases}\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    ("name", "aliases", "how", "known"),
    [
        ("MLflow Tracking", "[]", "contains", "MLflow"),
        ("MLflow 2", "[]", "resolves to", "MLflow"),  # a version of the same tool
        ("MLflоw Server", "[]", "contains", "MLflow"),  # Cyrillic о
        ("MLflow (tracking server)", "[]", "resolves to", "MLflow"),
        ("MLfIow", "[]", "resolves to", "MLflow"),  # capital I for l
        ("Quokka", "[ＭＬｆｌｏｗ]", "resolves to", "MLflow"),  # fullwidth alias
        ("Quokka", "[Databricks with MLflow]", "resolves to", "Databricks"),
        ("Dagstr", "[]", "is nearly the same name as", "Dagster"),
        ("Great Expectations Cloud", "[]", "contains", "Great Expectations"),
    ],
)
def test_a_new_tool_that_is_a_registered_one_is_refused(
    name: str, aliases: str, how: str, known: str, base: Path, content: Path, run: Runner
) -> None:
    add_tool(content, name, aliases)
    stub(content, "mallory-tool.md", name, "mallory")
    commit(base, f"claim {name}")
    code, findings = check(run, content)
    assert code == 1 and ("scope-tool-duplicate", "content/tools.yaml") in errors(findings)
    said = message(findings, "scope-tool-duplicate", "content/tools.yaml")
    assert f"{how} the registered tool “{known}”" in said


def test_a_new_tool_may_not_take_a_registered_tools_url_name(
    base: Path, content: Path, run: Runner
) -> None:
    tools = content / "tools.yaml"
    tools.write_text(
        tools.read_text(encoding="utf-8")
        + "  - name: Quokka\n    slug: mlflow\n    category: testing\n    aliases: []\n",
        encoding="utf-8",
    )
    commit(base, "a tool")
    code, findings = check(run, content)
    assert code == 1 and errors(findings) == {("scope-tool-duplicate", "content/tools.yaml")}
    assert "URL name (slug) of the registered tool “MLflow”" in message(
        findings, "scope-tool-duplicate", "content/tools.yaml"
    )


def test_deleting_the_registry_is_one_finding(base: Path, content: Path, run: Runner) -> None:
    git(base, "rm", "-q", "content/tools.yaml")
    commit(base, "no registry")
    code, findings = check(run, content)
    assert code == 1 and [(f["rule"], f["path"]) for f in findings] == [
        ("scope-protected", "content/tools.yaml")
    ]


def test_changing_a_registered_tool_is_refused(base: Path, content: Path, run: Runner) -> None:
    tools = content / "tools.yaml"
    tools.write_text(
        tools.read_text(encoding="utf-8").replace("aliases: [Dragster]", "aliases: [Quokka]", 1),
        encoding="utf-8",
    )
    commit(base, "an alias")
    code, findings = check(run, content)
    assert code == 1 and ("scope-registry-changed", "content/tools.yaml") in errors(findings)


# -- folders and ties -------------------------------------------------------------------------


def test_a_new_post_in_an_earlier_semesters_folder_is_refused(
    base: Path, content: Path, run: Runner
) -> None:
    stub(content, "mallory-dagster.md", "Dagster", "mallory", semester="S2026")
    commit(base, "an old claim")
    code, findings = check(run, content)
    path = "content/posts/S2026/mallory-dagster.md"
    assert code == 1 and errors(findings) == {("post-folder-not-current", path)}
    assert "S2026 is an earlier semester" in message(findings, "post-folder-not-current", path)


def test_moving_ones_post_to_an_earlier_semester_is_refused(
    base: Path, content: Path, run: Runner
) -> None:
    git(base, "mv", "content/posts/F2026/vic-dagster.md", "content/posts/S2026/vic-dagster.md")
    moved = content / "posts" / "S2026" / "vic-dagster.md"
    moved.write_text(
        moved.read_text(encoding="utf-8").replace("semester: F2026", "semester: S2026"),
        encoding="utf-8",
    )
    commit(base, "move")
    code, findings = check(run, content, "--pr-author", "vic-gh")
    assert code == 1
    assert errors(findings) == {("post-folder-not-current", "content/posts/S2026/vic-dagster.md")}


def test_a_post_in_a_folder_that_is_no_semester_is_an_error(
    base: Path, content: Path, run: Runner
) -> None:
    stub(content, "mallory-evidently.md", "Evidently", "mallory", semester="W2030")
    commit(base, "claim")
    code, findings = check(run, content)
    path = "content/posts/W2030/mallory-evidently.md"
    assert code == 1 and ("post-folder-unknown", path) in errors(findings)


def test_a_new_post_with_a_used_slug_or_title_is_the_later_one(
    base: Path, content: Path, run: Runner
) -> None:
    stub(content, "aa-mine.md", "Evidently", "mallory", extra="slug: vic-dagster\n")
    stub(
        content,
        "aa-other.md",
        "Ray",
        "mallory",
        title="serving movie features — with FEAST",
        status="draft",
    )
    commit(base, "two claims")
    code, findings = check(run, content)
    assert code == 1
    assert errors(findings) >= {
        ("post-slug-duplicate", "content/posts/F2026/aa-mine.md"),
        ("post-title-duplicate", "content/posts/F2026/aa-other.md"),
    }
    assert VICTIM in message(findings, "post-slug-duplicate", "content/posts/F2026/aa-mine.md")
    assert "content/posts/S2026/earlier-feast.md" in message(
        findings, "post-title-duplicate", "content/posts/F2026/aa-other.md"
    )


def test_on_main_the_later_file_is_blamed_for_a_tie_even_after_a_rename(
    base: Path, content: Path, run: Runner
) -> None:
    git(base, "checkout", "-q", "main")
    stub(content, "zz-first.md", "Evidently", "ada", title="Watching drift", status="draft")
    commit(base, "first", when="2026-10-02T09:00:00+00:00")
    stub(content, "aa-second.md", "Ray", "bob", title="Watching drift", status="draft")
    commit(base, "second", when="2026-10-03T09:00:00+00:00")
    git(base, "mv", "content/posts/F2026/zz-first.md", "content/posts/F2026/zzz-first.md")
    commit(base, "rename", when="2026-10-04T09:00:00+00:00")
    code, out, _err = run("--content", str(content), "check", "--format", "json")
    assert code == 1
    ties = [f for f in json.loads(out)["findings"] if f["rule"] == "post-title-duplicate"]
    assert [f["path"] for f in ties] == ["content/posts/F2026/aa-second.md"]
    assert "content/posts/F2026/zzz-first.md" in ties[0]["message"]


def test_editing_ones_old_claim_onto_a_taken_tool_counts_from_the_pull_request(
    base: Path, content: Path, run: Runner
) -> None:
    git(base, "checkout", "-q", "main")
    stub(content, "mallory-ray.md", "Ray", "mallory")
    commit(base, "mallory claims Ray", when="2026-10-01T09:00:00+00:00")
    stub(content, "bob-evidently.md", "Evidently", "bob")
    commit(base, "bob claims Evidently", when="2026-10-02T09:00:00+00:00")
    git(base, "checkout", "-q", "-b", "switch")
    mine = content / "posts" / "F2026" / "mallory-ray.md"
    mine.write_text(
        mine.read_text(encoding="utf-8").replace("tool: Ray", "tool: Evidently"), encoding="utf-8"
    )
    commit(base, "switch to Evidently")
    code, findings = check(run, content)
    assert code == 1 and errors(findings) == {
        ("tool-claimed", "content/posts/F2026/mallory-ray.md")
    }


# -- controls: what a student's and an instructor's pull request may do -----------------------


def test_a_new_post_on_a_new_tool_with_its_registry_entry_passes(
    base: Path, content: Path, run: Runner
) -> None:
    add_tool(content, "Quokka Lens")
    post = content / "posts" / "F2026" / "quokka-lens-ratings.md"
    text = (GOOD / "two-authors.md").read_text(encoding="utf-8")
    text = text.replace("tool: Deepchecks", "tool: Quokka Lens")
    text = text.replace(
        "title: Catching bad training data for a movie recommender with Deepchecks",
        "title: Looking at rating data with Quokka Lens",
    )
    text = text.replace(
        "  - name: Grace Hopper\n    id: ghopper\n  - name: Alan Turing\n    id: aturing\n",
        "  - name: Mallory Malone\n    id: mallory\n    github: mallory-gh\n",
    )
    post.write_text(text, encoding="utf-8")
    commit(base, "Quokka Lens")
    assert check(run, content, "--strict", "--pr-author", "mallory-gh") == (0, [])


def test_a_pull_request_adding_one_comment_passes(base: Path, content: Path, run: Runner) -> None:
    comment(content, "pair-deepchecks", "mallory")
    commit(base, "a comment")
    assert check(run, content, "--strict") == (0, [])


def test_the_second_author_of_a_pair_post_may_edit_it(
    base: Path, content: Path, run: Runner
) -> None:
    pair = base / PAIR
    pair.write_text(
        pair.read_text(encoding="utf-8") + "\nAlan adds: we also tried it on the cold start.\n",
        encoding="utf-8",
    )
    comment(content, "earlier-feast", "aturing")
    commit(base, "an addition")
    assert check(run, content) == (0, [])


def test_an_instructors_pull_request_passes_with_the_flag(
    base: Path, content: Path, run: Runner
) -> None:
    (base / ".github").mkdir()
    (base / ".github" / "CODEOWNERS").write_text("* @staff\n", encoding="utf-8")
    victim = base / VICTIM
    victim.write_text(victim.read_text(encoding="utf-8") + "\nFixed a typo.\n", encoding="utf-8")
    git(base, "rm", "-q", VIC_COMMENT)
    commit(base, "staff fixes")
    assert check(run, content)[0] == 1
    assert check(run, content, "--instructor", "--pr-author", "staff-gh") == (0, [])
