"""`flexrules serve`: the decision service (`flexrules.service`) under uvicorn.

Binds the socket itself, so `--port 0` takes a free port and the line it prints names the one
it got; on SIGTERM uvicorn stops taking connections, finishes the requests in flight, and the
application flushes and closes its log before the command exits 0 (docs/service.md).
"""

from __future__ import annotations

import argparse
import logging
import signal
from pathlib import Path
from types import FrameType

from ..core.errors import PolicyError
from ..core.messages import Count, Listing, say
from .common import (
    EXIT_ERRORS,
    EXIT_OK,
    Subparsers,
    UsageError,
    policy_problem,
    print_err,
    print_policy_errors,
    require_files,
)
from .options import add_language, size_argument
from .versions import POLICIES_HELP

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8181


def add_serve(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "serve",
        help="answer decisions over HTTP (JSON) for systems that are not Python",
        description="Serve the policy over HTTP: POST /v1/decide, /v1/check and /v1/roster, "
        "GET /v1/policy, /health, /ready, /metrics and /openapi.json (docs/service.md). Needs "
        "the service extra: pip install 'flexrules[service]'. Exit status: 0 after a clean "
        "stop (SIGTERM or Ctrl-C finishes the requests in flight first); 1 when the policy "
        "has errors or a file cannot be read; 2 when the command is called wrongly; 3 on an "
        "internal error (a bug).",
    )
    command.add_argument("policy", metavar="POLICY", nargs="+", help=POLICIES_HELP)
    command.add_argument(
        "--host", default=DEFAULT_HOST, help=f"the address to listen on (default {DEFAULT_HOST})"
    )
    command.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}; 0 takes a free one"
    )
    command.add_argument(
        "--watch",
        action="store_true",
        help="reload the policy when its files change (a set of versions is reloaded and "
        "swapped whole); a policy with errors is not loaded, and the old one keeps serving "
        "(GET /ready says so)",
    )
    command.add_argument(
        "--log",
        metavar="FILE",
        help="append one JSON line per decision to FILE (- for standard output); reopened "
        "on SIGHUP, for logrotate",
    )
    command.add_argument(
        "--token-file",
        metavar="FILE",
        help="every request but /health needs `Authorization: Bearer TOKEN`, the file's first line",
    )
    command.add_argument(
        "--mask",
        action="append",
        default=[],
        metavar="NAME",
        help="leave this attribute out of the decision log (with --mask-ids, log its HMAC); "
        "repeat for more",
    )
    command.add_argument(
        "--mask-ids",
        metavar="KEYFILE",
        help="log an HMAC-SHA256 of each employee id under the secret key in KEYFILE, not the id",
    )
    command.add_argument(
        "--max-body-size",
        type=size_argument,
        default="10M",
        metavar="SIZE",
        help="refuse request bodies over SIZE with 413 (default 10M)",
    )
    command.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let web pages from ORIGIN call the service (CORS is off by default); repeat for more",
    )
    command.add_argument("--ssl-certfile", metavar="FILE", help="serve HTTPS with this certificate")
    command.add_argument("--ssl-keyfile", metavar="FILE", help="and this private key")
    command.add_argument(
        "--grace",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="on SIGTERM, wait at most this long for requests in flight (default 30)",
    )
    add_language(command)
    command.set_defaults(run=run_serve)


def _secret(path: str, option: str, language: str) -> bytes | None:
    data = Path(path).read_bytes().strip()
    if not data:
        problem = say("serve.secret_empty", language)
        print_err(say("serve.bad_secret", language, option=option, path=path, problem=problem))
        return None
    return data


def _unwritable(path: str, language: str) -> str | None:
    """Why the decision log cannot be appended to, found before the server starts (uvicorn
    would report it from the application's startup with a traceback), or None."""
    if Path(path).is_dir():
        return say("serve.log_folder", language)
    try:
        with open(path, "a", encoding="utf-8"):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _quiet(signum: int, frame: FrameType | None) -> None:
    """SIGTERM after uvicorn's graceful stop: uvicorn raises it again once it has finished,
    and the command exits 0 instead of dying by it."""


def _log_to_stderr() -> None:
    """The service's own lines (a reload, a reload refused with its diagnostics) on standard
    error beside uvicorn's."""
    logger = logging.getLogger("flexrules.service")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def run_serve(args: argparse.Namespace) -> int:
    problems = [p for p in (policy_problem(path) for path in args.policy[1:]) if p is not None]
    if problems:
        raise UsageError(Listing(problems, "; "))
    require_files(
        [args.policy[0], args.token_file, args.mask_ids, args.ssl_certfile, args.ssl_keyfile]
    )
    language = args.lang or "en"
    try:
        import uvicorn

        from ..service import create_app
    except ImportError as exc:
        print_err(say("serve.needs_extra", language, missing=exc.name or "a package"))
        return EXIT_ERRORS
    if args.log not in (None, "-") and (problem := _unwritable(args.log, language)) is not None:
        print_err(say("serve.log_unwritable", language, path=args.log, problem=problem))
        return EXIT_ERRORS
    token = key = None
    if (
        args.token_file is not None
        and (token := _secret(args.token_file, "--token-file", language)) is None
    ):
        return EXIT_ERRORS
    if (
        args.mask_ids is not None
        and (key := _secret(args.mask_ids, "--mask-ids", language)) is None
    ):
        return EXIT_ERRORS
    try:
        app = create_app(
            args.policy[0] if len(args.policy) == 1 else args.policy,
            watch=args.watch,
            log=args.log,
            token=None if token is None else token.decode("utf-8").splitlines()[0].strip(),
            mask=args.mask,
            id_key=key,
            max_body_size=args.max_body_size,
            cors_origins=args.cors_origin,
            reopen_log_on_sighup=True,
        )
    except PolicyError as exc:
        print_policy_errors(", ".join(args.policy), exc, args.lang)
        return EXIT_ERRORS
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
        timeout_graceful_shutdown=args.grace,
        access_log=args.log != "-",  # standard output is the decision log's
        lifespan="on",
    )
    try:
        sock = config.bind_socket()
    except SystemExit:  # uvicorn has logged why (the port is taken, the address is not ours)
        return EXIT_ERRORS
    sock.listen(config.backlog)  # connections made before uvicorn accepts wait in the backlog
    host, port = sock.getsockname()[:2]
    scheme = "https" if args.ssl_certfile else "http"
    shown_host = f"[{host}]" if ":" in host else host
    service = app.state.service
    policy = service.holder.current.policy
    url = f"{scheme}://{shown_host}:{port}"
    print_err(
        say("serve.listening", language, name=policy.name, fingerprint=policy.fingerprint, url=url)
    )
    _log_to_stderr()
    server = uvicorn.Server(config)
    previous = signal.signal(signal.SIGTERM, _quiet)
    try:
        server.run(sockets=[sock])
    except SystemExit:  # the application could not start (its log cannot be opened)
        return EXIT_ERRORS
    finally:
        signal.signal(signal.SIGTERM, previous)
        sock.close()
    count = Count(service.log.written, "noun.decision")
    print_err(say("serve.stopped", language, count=count))
    return EXIT_OK if server.started else EXIT_ERRORS
