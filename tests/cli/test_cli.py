"""The command line: exit codes, text and JSON output, and never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from flexrules import PolicyError, cli, compile_policy, load_policy
from flexrules.core.diagnostics import Diagnostic, Severity

CHECKOUT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cli"
CLEAN = FIXTURES / "clean.rules"
BROKEN = FIXTURES / "broken.rules"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_module(*argv: str, cwd: Path = CHECKOUT) -> subprocess.CompletedProcess[str]:
    """`python -m flexrules ...` in a fresh interpreter that imports this checkout."""
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT)}
    return subprocess.run(
        [sys.executable, "-m", "flexrules", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# ---- check --------------------------------------------------------------------------------


def test_clean_policy_exits_0_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """A clean policy prints one line with its counts and exits 0."""
    code, out, err = run(capsys, "check", str(CLEAN))
    assert code == 0
    assert out == f"{CLEAN}: ok (13 rules, 2 groups, 2 hour patterns, 1 date set)\n"
    assert err == ""


def test_broken_policy_exits_1_with_carets(capsys: pytest.CaptureFixture[str]) -> None:
    """Every syntax error is shown with its line and a caret under the words, then a summary."""
    code, out, err = run(capsys, "check", str(BROKEN))
    assert code == 1
    assert out.count("error[syntax]") == 2
    assert f"--> {BROKEN}:7:34" in out
    assert "7 | rule R1: service desk staff must bee on-site." in out
    caret = next(line for line in out.splitlines() if line.strip(" |") == "^^^")
    assert caret.index("^") == out.splitlines()[out.splitlines().index(caret) - 1].index("bee")
    assert f"{BROKEN}: failed (" in out.splitlines()[-1]
    assert "Traceback" not in out + err


def test_several_paths_exit_1_when_any_has_errors(capsys: pytest.CaptureFixture[str]) -> None:
    """Each path is reported; one broken path makes the whole run fail."""
    code, out, _err = run(capsys, "check", str(CLEAN), str(BROKEN))
    assert code == 1
    assert f"{CLEAN}: ok" in out
    assert f"{BROKEN}: failed" in out


def test_folder_is_one_policy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A folder's .rules files form one policy, names shared across files."""
    text = CLEAN.read_text(encoding="utf-8")
    split = text.index("group service desk staff")
    folder = tmp_path / "policy"
    folder.mkdir()
    (folder / "a-declarations.rules").write_text(text[:split], encoding="utf-8")
    (folder / "b-rules.rules").write_text(text[split:], encoding="utf-8")
    code, out, _err = run(capsys, "check", str(folder))
    assert code == 0
    assert out == f"{folder}: ok (13 rules, 2 groups, 2 hour patterns, 1 date set)\n"


def test_empty_folder_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A folder without .rules files is an error in the policy, not a usage error."""
    code, out, _err = run(capsys, "check", str(tmp_path))
    assert code == 1
    assert f"{tmp_path}: failed (1 error)" in out


def test_warnings_do_not_fail(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Warnings are printed, counted in the summary, and leave the exit code at 0."""
    policy = compile_policy(CLEAN.read_text(encoding="utf-8"), filename=str(CLEAN))
    warning = Diagnostic(
        Severity.WARNING, "example", "something to look at", None, file_name=str(CLEAN)
    )

    class WithWarning:
        rules, groups, hours, dates = policy.rules, policy.groups, policy.hours, policy.dates
        diagnostics = (warning,)
        language = "en"

    monkeypatch.setattr(cli.check, "load_policy", lambda path: WithWarning())
    code, out, _err = run(capsys, "check", str(CLEAN))
    assert code == 0
    assert "warning[example]: something to look at" in out
    assert out.rstrip().endswith(
        f"{CLEAN}: ok (13 rules, 2 groups, 2 hour patterns, 1 date set, 1 warning)"
    )


def test_json_is_one_document_for_all_paths(capsys: pytest.CaptureFixture[str]) -> None:
    """`--json` prints one JSON list with path, ok and the diagnostics of each path."""
    code, out, _err = run(capsys, "check", "--json", str(CLEAN), str(BROKEN))
    assert code == 1
    document = json.loads(out)
    assert [entry["path"] for entry in document] == [str(CLEAN), str(BROKEN)]
    assert [entry["ok"] for entry in document] == [True, False]
    assert document[0]["diagnostics"] == []
    broken = [d for d in document[1]["diagnostics"] if d["code"] == "syntax"]
    assert [(d["severity"], d["line"], d["column"]) for d in broken] == [
        ("error", 2, 24),
        ("error", 7, 34),
    ]
    assert all(d["file"] == str(BROKEN) for d in broken)
    assert broken[1]["suggestion"] == "be on-site"


def test_binary_junk_is_a_policy_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Bytes that are not a policy give exit 1 and a diagnostic, never a traceback."""
    junk = tmp_path / "junk.rules"
    junk.write_bytes(bytes(range(256)) * 4 + b"\xff\xfe\x00\x01")
    code, out, err = run(capsys, "check", str(junk))
    assert code == 1
    assert "error[" in out
    assert "Traceback" not in out + err
    code, out, err = run(capsys, "check", "--json", str(junk))
    assert code == 1
    assert json.loads(out)[0]["ok"] is False


def test_unreadable_file_is_reported_with_the_others(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An OSError while reading becomes a diagnostic for that path, and the run goes on."""
    real = cli.check.load_policy

    def load(path: str) -> Any:
        if path == str(BROKEN):
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(cli.check, "load_policy", load)
    code, out, err = run(capsys, "check", str(BROKEN), str(CLEAN))
    assert code == 1
    assert f"error[cannot-read]: cannot read `{BROKEN}`: Permission denied" in out
    assert f"{CLEAN}: ok" in out
    assert "Traceback" not in out + err


# ---- usage errors and internal errors -------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [[], ["check"], ["check", "--nonsense", "x"], ["frobnicate"], ["check", "--json"]],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """Bad arguments print usage on stderr and exit 2."""
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert "usage: flexrules" in err
    assert out == ""


def test_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A path that does not exist is named on stderr; nothing is checked; exit 2."""
    missing = tmp_path / "nowhere.rules"
    code, out, err = run(capsys, "check", str(CLEAN), str(missing))
    assert code == 2
    assert f"no policy file or folder at `{missing}`" in err
    assert out == ""
    assert err.startswith("usage: flexrules check ")


def test_missing_data_files_are_named_as_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`decide` names a missing employee or shift file as a file, under its own usage."""
    missing = tmp_path / "nobody.json"
    code, out, err = run(
        capsys, "decide", str(CLEAN), "--employee", str(missing), "--shift", str(missing)
    )
    assert code == 2
    assert out == ""
    assert err.startswith("usage: flexrules decide ")
    assert f"flexrules decide: error: no file at `{missing}`" in err
    assert "policy file" not in err


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    """`--help` and `--version` are not errors."""
    code, out, _err = run(capsys, "--help")
    assert code == 0
    assert "check" in out and "demo" in out
    code, out, _err = run(capsys, "--version")
    assert code == 0
    assert out.startswith("flexrules ")


def test_internal_error_exits_3_without_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected exception is one line on stderr and exit 3."""

    def explode(path: str) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli.check, "load_policy", explode)
    code, out, err = run(capsys, "check", str(CLEAN))
    assert code == 3
    assert "internal error: RuntimeError: boom" in err
    assert "Traceback" not in out + err


# ---- demo ---------------------------------------------------------------------------------


def test_demo_shows_the_disdukcapil_rules_and_sample_decisions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`demo` lists the Disdukcapil rules, decides every sample shift with its explanation,
    and names the other bundled policies."""
    root = cli.examples_root()
    assert root is not None
    policies = dict(cli.bundled_policies(root))
    code, out, err = run(capsys, "demo")
    assert code == 0, out + err
    main = compile_policy(policies.pop("disdukcapil.rules"))
    assert f"== {main.name}" in out
    for rule in main.rules:
        assert f"({rule.source.file}:{rule.source.line})" in out
        assert rule.text in out
        assert f"[{rule.kind}]" in out
    shifts = json.loads((root / "data" / "shifts.json").read_text("utf-8"))
    assert out.count("\nALLOWED ") + out.count("\nDENIED  ") == len(shifts)
    assert "14:00-15:00 denied by R1" in out
    for texts in policies.values():
        assert compile_policy(texts).name in out


# ---- python -m flexrules -------------------------------------------------------------------


@pytest.mark.slow
def test_python_m_flexrules_is_the_same_program(tmp_path: Path) -> None:
    """`python -m flexrules` checks, fails and demos with the same exit codes, from anywhere."""
    clean = run_module("check", str(CLEAN))
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout.strip().endswith("ok (13 rules, 2 groups, 2 hour patterns, 1 date set)")
    broken = run_module("check", str(BROKEN))
    assert broken.returncode == 1
    assert "error[syntax]" in broken.stdout
    usage = run_module("check")
    assert usage.returncode == 2
    assert "usage: flexrules" in usage.stderr
    demo = run_module("demo", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert "Traceback" not in clean.stderr + broken.stderr + usage.stderr + demo.stderr


# ---- decide and folders of policies --------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def test_check_each_example_policy(capsys: pytest.CaptureFixture[str]) -> None:
    """Each example policy path (a file, or the hospital folder as one policy) checks ok, with
    no warning."""
    examples = ROOT / "examples"
    paths = [
        examples / "disdukcapil.rules",
        examples / "hospital",
        examples / "provincial-office.rules",
        examples / "puskesmas.rules",
        examples / "education-office.rules",
    ]
    code, out, err = run(capsys, "check", *map(str, paths))
    assert code == 0, out + err
    assert out.count(": ok (") == 5
    assert "warning" not in out
    assert f"{examples / 'hospital'}: ok" in out


def test_a_folder_is_one_policy_as_load_policy_has_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A copy of examples/hospital with a second `policy` header: `check` reports the
    `duplicate-header` error that `load_policy` (and so `decide`) stops on, and only it, not
    the cascade of unknown names that checking its files one by one gives; exit 1."""
    folder = tmp_path / "hospital"
    shutil.copytree(ROOT / "examples" / "hospital", folder)
    (folder / "second.rules").write_text(
        'policy "Second" timezone Asia/Jakarta.\n', encoding="utf-8"
    )
    code, out, err = run(capsys, "check", str(folder))
    assert code == 1, out + err
    assert out.count("error[") == 1
    assert "error[duplicate-header]: a policy has one header, and this is a second" in out
    assert out.splitlines()[-1] == f"{folder}: failed (1 error)"
    with pytest.raises(PolicyError) as caught:
        load_policy(folder)
    assert [d.code for d in caught.value.diagnostics] == ["duplicate-header"]
    code, out, _ = run(capsys, "check", "--json", str(tmp_path))
    assert code == 1
    assert [entry["path"] for entry in json.loads(out)] == [str(tmp_path)]


def test_decide_prints_the_explanation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`decide` reads JSON files and prints the explained decision; exit 0 even when denied."""
    employee = tmp_path / "employee.json"
    employee.write_text(
        json.dumps(
            {
                "id": "E-042",
                "name": "Sari",
                "role": "service desk",
                "on_probation": False,
                "under_sanction": False,
                "position_start": "2020-01-01",
            }
        )
    )
    shift = tmp_path / "shift.json"
    shift.write_text(
        json.dumps({"start": "2025-07-07T14:00", "end": "2025-07-07T17:00", "location": "home"})
    )
    policy = str(ROOT / "examples" / "disdukcapil.rules")
    code, out, err = run(
        capsys, "decide", policy, "--employee", str(employee), "--shift", str(shift)
    )
    assert code == 0, err
    assert out.splitlines()[0] == (
        "DENIED  E-042 Sari, work from home, Mon 2025-07-07 14:00-17:00 (Asia/Jakarta)"
    )
    assert '14:00-15:00 denied by R1 "Service desk stays on site" (disdukcapil.rules:35)' in out
    code, out, err = run(
        capsys, "decide", policy, "--employee", str(employee), "--shift", str(shift), "--json"
    )
    assert code == 0
    document = json.loads(out)
    assert document["allowed"] is False
    assert [r["rule"] for r in document["reasons"]] == ["R1", None]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"start": "2025-07-07T14:00", "end": "2025-07-07T13:00", "location": "home"}',
            "item 1, key `end`: the shift's end must be after its start",
        ),
        (
            '{"start": "2025-07-07T14:00", "end": "2025-07-07T15:00", "location": "moon"}',
            'key `location`: "moon" is not a location',
        ),
        ("{not json", "is not valid JSON"),
        ("[1, 2]", "item 1: must be a JSON object, not 1"),
        ("[]", "holds no shifts to decide"),
        (
            '{"employee": "E-9", "start": "2025-07-07T14:00", "end": "2025-07-07T15:00", '
            '"location": "home"}',
            "this shift is for `E-9`, not for `E-1`, the employee given",
        ),
    ],
)
def test_decide_bad_input_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    """A bad request file gives exit 1 and a message naming the file and field, no traceback."""
    employee = tmp_path / "employee.json"
    employee.write_text('{"id": "E-1"}')
    shift = tmp_path / "shift.json"
    shift.write_text(content)
    code, out, err = run(
        capsys,
        "decide",
        str(ROOT / "examples" / "disdukcapil.rules"),
        "--employee",
        str(employee),
        "--shift",
        str(shift),
    )
    assert code == 1
    assert message in err
    assert "Traceback" not in out + err


def test_decide_types_facts_like_the_roster_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`decide` reads the employee file as `schedule` and `roster` do: text that is not a
    number for a number attribute stops it with the file and key named."""
    employee = tmp_path / "rina.json"
    employee.write_text('{"id": "E-5", "job type": "technical", "grade": "nine"}')
    shift = tmp_path / "shift.json"
    shift.write_text(
        '{"start": "2025-07-07T08:00", "end": "2025-07-07T12:00", '
        '"location": "home", "approved": true}'
    )
    code, _out, err = run(
        capsys,
        "decide",
        str(ROOT / "examples" / "disdukcapil.rules"),
        "--employee",
        str(employee),
        "--shift",
        str(shift),
    )
    assert code == 1
    assert "rina.json" in err and "grade" in err


def test_check_says_when_a_failing_file_is_not_a_rules_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Checking README.md by mistake fails with a note that it is not a .rules file."""
    code, _out, err = run(capsys, "check", str(ROOT / "README.md"))
    assert code == 1
    assert "is not a .rules file" in err
