"""The pytest plugin: examples files collected as items only where a project asks (an ini
option or a command-line flag), each example an item, a failure shown as `flexrules test`
shows it. Run in pytester, so this project's own failing fixtures are never collected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ("pytester",)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

EXAMPLES_TEXT = """\
examples for "Disdukcapil flexible work".
employee Sari: id "P-101", role "service desk", job type "public service".
example ok: Sari at the office on 2025-07-07 from 08:00 to 15:00 is allowed by R7.
example wrong "Expected the wrong thing":
  Sari from home on 2025-07-07 from 09:00 to 12:00 is allowed.
"""


@pytest.fixture()
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    folder = pytester.path / "policies"
    folder.mkdir()
    shutil.copy(EXAMPLES / "disdukcapil.rules", folder / "disdukcapil.rules")
    (folder / "disdukcapil.examples").write_text(EXAMPLES_TEXT, encoding="utf-8")
    pytester.makepyfile(test_other="def test_other():\n    assert True\n")
    return pytester


@pytest.mark.slow
def test_nothing_is_collected_unless_asked(project: pytest.Pytester) -> None:
    result = project.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


@pytest.mark.slow
def test_the_ini_option_collects_each_example_as_an_item(project: pytest.Pytester) -> None:
    project.makeini("[pytest]\nflexrules_examples = policies\n")
    result = project.runpytest("-p", "no:cacheprovider", "-v")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*disdukcapil.examples::ok PASSED*",
            "*disdukcapil.examples::wrong FAILED*",
            "*expected: allowed",
            "*decided:  denied by R1*",
        ]
    )


def test_the_flag_collects_and_mistakes_are_one_failing_item(project: pytest.Pytester) -> None:
    (project.path / "policies" / "disdukcapil.examples").write_text(
        EXAMPLES_TEXT.replace("job type", "job typ"), encoding="utf-8"
    )
    result = project.runpytest("-p", "no:cacheprovider", "--flexrules-examples", "policies")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*did you mean `job type`?*"])
