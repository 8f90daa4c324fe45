"""Analyses of a whole policy, exact over finite classes of facts and days: lint findings
with witnesses (`lint`), and what a policy change does (`diff`). They sit above the engine
and the rosters, and decide every witness with the engine itself."""
