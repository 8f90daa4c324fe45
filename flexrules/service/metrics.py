"""What `/metrics` counts, in Prometheus's text format: decisions by outcome, request latency
by endpoint, input errors, reloads and failed reloads, and the policy serving now.

Each application has its own registry, so two apps in one process (tests, or an operator's
own ASGI server running two policies) count apart.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from ..policy import Policy
from ..versions import PolicySet

CONTENT_TYPE = CONTENT_TYPE_LATEST
#: latency buckets in seconds: a single decision takes tens of microseconds in process
BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        registry = self.registry
        self.decisions = Counter(
            "flexrules_decisions", "Decisions made, by outcome", ["outcome"], registry=registry
        )
        self.latency = Histogram(
            "flexrules_request_seconds",
            "Time to answer a request, by endpoint",
            ["endpoint"],
            buckets=BUCKETS,
            registry=registry,
        )
        self.errors = Counter(
            "flexrules_request_errors",
            "Requests refused, by error code (input-error, bad-shape, too-large, ...)",
            ["code"],
            registry=registry,
        )
        self.reloads = Counter(
            "flexrules_policy_reloads", "Policy reloads that succeeded", registry=registry
        )
        self.failed_reloads = Counter(
            "flexrules_policy_reload_failures",
            "Policy reloads that failed (the old policy kept serving)",
            registry=registry,
        )
        self.policy = Gauge(
            "flexrules_policy_info",
            "The policy serving now (1), by name, version and fingerprint",
            ["name", "version", "fingerprint"],
            registry=registry,
        )
        for outcome in ("allowed", "denied"):
            self.decisions.labels(outcome)

    def serving(self, policy: Policy | PolicySet) -> None:
        self.policy.clear()
        self.policy.labels(policy.name, policy.version or "", policy.fingerprint).set(1)

    def counted(self, allowed: int, denied: int) -> None:
        if allowed:
            self.decisions.labels("allowed").inc(allowed)
        if denied:
            self.decisions.labels("denied").inc(denied)

    def text(self) -> bytes:
        return generate_latest(self.registry)
