"""Run the shared side-by-side benchmark (P1) against the installed flexrules; write the table.

    python benchmarks/peers.py            # full run (about 6 minutes), into docs/performance.md
    python benchmarks/peers.py --rounds 3 --no-write

It copies the harness (../shared/bench by default) into benchmarks/.bench-work/, makes a virtual
environment there with the peers' pinned packages and this checkout installed (not editable),
and runs the harness's own run.py in one process, so every figure in the table comes from the
same interleaved run. The harness times single `decide` calls; flexrules' bulk mode is added as
the flexrules peer's `decide_batch` (the harness times any peer's `decide_batch` as its native
batch mode and checks its answers too), calling `policy.decide_many` and reading its `allowed`
and `rules` columns. A second, short run times that driver with no engine work behind it, the
floor any bulk call pays here. Memory per compiled policy and per kept decision is measured
here with tracemalloc.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

from docs_section import write_section

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / ".bench-work"
HEADING = "## Side by side with other engines (P1)"
ROUNDS = 15

BATCH = '''
"""flexrules' `decide_batch` for the harness: policy.decide_many, read through its columns.

The harness wants, per request, whether it is allowed and the texts of its reasons. A batch
has few distinct lists of rule ids, so each list's texts are made once and shared (as tuples,
which nobody can change under another request)."""
from operator import itemgetter

import peers.flexrules_peer as peer

# rule ids to the harness's reason texts; None (the policy default) to its "no rule permits this"
TEXTS = {**peer.REASON_BY_ID, None: peer.DEFAULT_DENY}


class ReasonTexts(dict):
    """Rule ids -> the harness's texts, made on first use."""

    def __missing__(self, rules):
        texts = self[rules] = tuple(TEXTS.get(rule, rule) for rule in rules)
        return texts


_texts = ReasonTexts()
_employee_id = itemgetter("employee")


def decide_batch(requests, decide_many=None):
    employees = map(peer._EMP.__getitem__, map(_employee_id, requests))
    decide_many = decide_many or peer._POLICY.decide_many
    decisions = decide_many(list(zip(employees, requests)))
    return list(zip(decisions.allowed, map(_texts.__getitem__, decisions.rules)))
'''

DRIVER = '''
"""Runs the harness with flexrules' `decide_batch` added as its native batch mode."""
import sys
sys.path.insert(0, ".")
import peers.flexrules_peer as peer
from flexrules_batch import decide_batch

if peer.SKIP is None:
    peer.decide_batch = decide_batch
import run
sys.argv = ["run.py", *sys.argv[1:]]
run.main()
'''

FLOOR = '''
"""What the batch driver costs with no engine work: `decide_batch` given a decide_many that
returns columns computed beforehand, against the hand-written function and the real thing,
in interleaved rounds of 10,000 requests, as the harness times them. Prints JSON."""
import gc, json, statistics, sys, time
sys.path.insert(0, ".")
import workload
import peers.flexrules_peer as peer
import peers.handwritten as hand
from flexrules_batch import decide_batch

employees, requests = workload.generate()
peer.setup(employees)
hand.setup(employees)
chunks = [requests[k * 10_000:(k + 1) * 10_000] for k in range(10)]
done = [peer._POLICY.decide_many([(peer._EMP[r["employee"]], r) for r in chunk])
        for chunk in chunks]  # also warms the policy, as the harness's cross-check does
rates = {"handwritten": [], "driver alone": [], "decide_many": []}
for k in range(int(sys.argv[1])):
    chunk, ready = chunks[k % 10], done[k % 10]
    for name in rates:
        gc.collect()
        started = time.perf_counter()
        if name == "handwritten":
            for r in chunk:
                hand.decide(r)
        elif name == "driver alone":
            decide_batch(chunk, lambda pairs, ready=ready: ready)
        else:
            decide_batch(chunk)
        rates[name].append(len(chunk) / (time.perf_counter() - started))
print(json.dumps({name: statistics.median(found) for name, found in rates.items()}))
'''


def prepare(bench: Path, python: str) -> Path:
    """A copy of the harness with its own venv, holding the peers and this checkout."""
    target = WORK / "bench"
    venv = target / ".venv"
    fresh = not venv.exists()
    if target.exists():
        for item in bench.iterdir():  # refresh the harness files, keep the venv
            destination = target / item.name
            if item.is_dir():
                shutil.rmtree(destination, ignore_errors=True)
                shutil.copytree(item, destination)
            else:
                shutil.copy2(item, destination)
    else:
        shutil.copytree(bench, target)
    for path in target.rglob("*"):
        path.chmod(path.stat().st_mode | 0o200)
    pip = venv / "bin" / "pip"
    if fresh:
        subprocess.run([python, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(pip), "install", "-q", "-r", str(target / "requirements.txt")], check=True
        )
    subprocess.run(
        [str(pip), "install", "-q", "--force-reinstall", "--no-deps", str(ROOT)], check=True
    )
    subprocess.run([str(pip), "install", "-q", str(ROOT)], check=True)
    (target / "flexrules_batch.py").write_text(BATCH, encoding="utf-8")
    (target / "flexrules_driver.py").write_text(DRIVER, encoding="utf-8")
    (target / "flexrules_floor.py").write_text(FLOOR, encoding="utf-8")
    return target


def memory_figures(policy_path: Path) -> dict[str, float]:
    """KiB of Python heap for one compiled P1 policy; bytes per decision kept, and per pair of a
    `decide_many` batch kept before any decision is read from it. Reasons are built when read
    and not kept, so they count in neither."""
    sys.path.insert(0, str(policy_path.parent.parent))
    import workload  # the harness's seeded generator

    import flexrules

    flexrules.load_policy(policy_path)  # build the parser once, outside the measurement
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    policy = flexrules.load_policy(policy_path)
    policy_kib = (tracemalloc.get_traced_memory()[0] - before) / 1024
    employees, requests = workload.generate()
    by_id = {e["id"]: e for e in employees}
    sample = requests[:10_000]
    for request in sample:  # warm the policy's memories, which are shared, not per decision
        policy.decide(by_id[request["employee"]], request)
    pairs = [(by_id[r["employee"]], r) for r in sample]
    policy.decide_many(pairs)  # its memories too
    before = tracemalloc.get_traced_memory()[0]
    kept = [policy.decide(employee, request) for employee, request in pairs]
    per_decision = (tracemalloc.get_traced_memory()[0] - before) / len(kept)
    del kept
    before = tracemalloc.get_traced_memory()[0]
    batch = policy.decide_many(pairs)
    per_pair = (tracemalloc.get_traced_memory()[0] - before) / len(batch)
    tracemalloc.stop()
    return {"policy_kib": policy_kib, "decision_bytes": per_decision, "pair_bytes": per_pair}


def _against(rate: float, hand: float) -> str:
    """A rate beside the hand-written function's: `1/5.6 of` when slower, `1.34x` when faster."""
    return f"{rate / hand:.2f}x" if rate >= hand else f"1/{hand / rate:.1f} of"


def table(results: dict, memory: dict[str, float], floor: dict[str, float], command: str) -> str:
    rows = {row["peer"]: row for row in results["rows"]}
    meta = results["meta"]
    hand = rows["handwritten"]["median_dps"]
    single = rows.get("flexrules", {}).get("median_dps")
    bulk = rows.get("flexrules [batch]", {}).get("median_dps")
    peers = [
        r
        for name, r in rows.items()
        if not name.startswith(("handwritten", "flexrules"))  # the floors and ourselves
    ]
    fastest = max(  # single calls: the batch and columnar rows are bulk modes
        (r["median_dps"] for r in peers if "[" not in r["peer"]), default=None
    )
    lines = [
        f"Measured {meta['time']} on {meta['machine']} with {meta['cpus']} cores, Python "
        f"{meta['python']}; {meta['rounds']} interleaved rounds of {meta['chunk']:,} requests per "
        f"peer, every answer checked against the hand-written function on "
        f"{meta['check_n']:,} requests. Command: `{command}`.",
        "",
        "| engine | median decisions/s | min-max | x hand-written | flexrules single ÷ this "
        "| agrees | reasons differ |",
        "| --- | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    check = results["check"]
    for name, row in sorted(rows.items(), key=lambda item: -item[1]["median_dps"]):
        base = name.replace(" [batch]", "")
        verdict = check.get(base, {})
        agrees = (
            "baseline"
            if name == "handwritten"
            else (
                "yes"
                if not verdict.get("disagree")
                and not verdict.get("errors")
                and not (name.endswith("[batch]") and verdict.get("batch_disagree"))
                else "NO"
            )
        )
        differ = verdict.get("reason_differs", "-") if not name.endswith("[batch]") else "-"
        speedup = f"{single / row['median_dps']:.2f}" if single else "-"
        lines.append(
            f"| {name} | {row['median_dps']:,.0f} | {row['min_dps']:,.0f}-{row['max_dps']:,.0f} "
            f"| {row['median_dps'] / hand:.4f} | {speedup} | {agrees} | {differ} |"
        )
    lines.append("")
    if single and fastest:
        lines.append(
            f"flexrules single calls: **{single / fastest:.2f}x the fastest peer** "
            f"({single:,.0f} against {fastest:,.0f} decisions/s) and "
            f"**{_against(single, hand)} the hand-written function's rate**."
        )
    if bulk:
        lines.append(
            f"flexrules `decide_many`: {bulk:,.0f} decisions/s, "
            f"**{_against(bulk, hand)} the hand-written function's rate**."
        )
    hand_floor = floor["handwritten"]
    lines.append(
        f"The batch driver alone (building the pairs and the harness's answers from columns "
        f"computed beforehand, no engine work; `flexrules_floor.py`, {floor['rounds']} more "
        f"interleaved rounds): {floor['driver alone']:,.0f} decisions/s, "
        f"{_against(floor['driver alone'], hand_floor)} the hand-written function's rate "
        f"({hand_floor:,.0f}/s there); with `decide_many` doing the work, "
        f"{_against(floor['decide_many'], hand_floor)} that rate."
    )
    lines.append(
        '"reasons differ" is informational: the harness compares each engine\'s reason texts '
        "with the hand-written function's (see the notes above for flexrules; the casbin "
        "adapter has no reason for an allow). The `[batch]` rows have no count of their own."
    )
    lines.append(
        f"Memory (tracemalloc, Python heap): the compiled P1 policy takes "
        f"{memory['policy_kib']:,.0f} KiB; a decision kept takes "
        f"{memory['decision_bytes']:,.0f} bytes, and a `decide_many` batch "
        f"{memory['pair_bytes']:,.0f} bytes per pair until its decisions are read (reasons are "
        f"built when read, and not kept)."
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--python", default=shutil.which("python3.11") or sys.executable)
    # more rounds than the harness's 7: a round's rates move by up to half on this shared
    # machine, and the medians of 7 moved the single-call ratio from 2.7x to 3.6x between runs
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--peers", default="", help="subset, as run.py takes it")
    parser.add_argument("--no-write", action="store_true", help="print, do not touch the docs")
    args = parser.parse_args()
    if not (args.bench / "run.py").exists():
        raise SystemExit(f"no harness at {args.bench} (pass --bench PATH)")
    target = prepare(args.bench, args.python)
    argv = ["--rounds", str(args.rounds)]
    if args.peers:
        argv += ["--peers", args.peers]
    env = {k: v for k, v in os.environ.items() if k != "FLEXRULES_SRC"}
    subprocess.run(
        [str(target / ".venv" / "bin" / "python"), "flexrules_driver.py", *argv],
        cwd=target,
        check=True,
        env=env,
    )
    results = json.loads((target / "results" / "results.json").read_text(encoding="utf-8"))
    floor = json.loads(
        subprocess.run(
            [str(target / ".venv" / "bin" / "python"), "flexrules_floor.py", str(args.rounds)],
            cwd=target,
            check=True,
            env=env,
            capture_output=True,
            text=True,
        ).stdout
    )
    floor["rounds"] = args.rounds
    memory = memory_figures(target / "policies" / "p1.rules")
    command = "python benchmarks/peers.py"
    if args.rounds != ROUNDS:
        command += f" --rounds {args.rounds}"
    if args.peers:
        command += f" --peers {args.peers}"
    text = table(results, memory, floor, command)
    text += f"\n\nMachine: {platform.platform()}; date {dt.date.today()}."
    print(text)
    if not args.no_write:
        write_section(ROOT / "docs" / "performance.md", HEADING, text)


if __name__ == "__main__":
    main()
