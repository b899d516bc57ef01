"""Load-test the web app: `newsfuse serve` in a subprocess on a loopback port, driven by
1, 10 and 50 concurrent clients.

    .venv/bin/python scripts/bench_web.py                 # builds a store from demo/ first
    .venv/bin/python scripts/bench_web.py --db demo.db --requests 2000 --clients 1,10,50

For each route (`/api/events`, `/`, one event page) and each level of concurrency it
sends a bounded number of requests, each client thread on its own keep-alive httpx
connection, and reports requests per second, p50/p99 latency and the errors (anything
but a 200, or a failed connection). Loopback only: the server listens on 127.0.0.1.

Development aid only (not part of the package). The client runs on the same machine as
the server and takes its share of the CPU, so the figures are a floor, not a ceiling.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "demo"
CLI = [sys.executable, "-c", "from newsfuse.cli import main; main()"]


@dataclass
class Level:
    route: str
    clients: int
    requests: int
    errors: int
    seconds: float
    req_per_s: float
    p50_ms: float
    p99_ms: float
    first_error: str | None = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(folder: Path) -> str:
    db = str(folder / "demo.db")
    subprocess.run([*CLI, "run", str(DEMO), "--db", db], check=True, stdout=subprocess.DEVNULL)
    return db


def start_server(db: str, port: int, log: Path, timeout: float = 30.0) -> subprocess.Popen:
    """``newsfuse serve`` on 127.0.0.1:``port``; its output goes to ``log`` (a pipe nobody
    reads would fill up with tracebacks and stall the server)."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSFUSE_TOKEN"}  # read-only server
    with log.open("wb") as out:
        proc = subprocess.Popen([*CLI, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)], env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text(errors='replace')}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"the server did not answer within {timeout:g} s")


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(round(p / 100 * (len(sorted_values) - 1))))]


def drive(base: str, route: str, clients: int, total: int) -> Level:
    """``total`` GETs of ``route`` spread over ``clients`` threads, each with its own connection."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    left = [total]

    def take() -> bool:
        with lock:
            if left[0] <= 0:
                return False
            left[0] -= 1
            return True

    def client() -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            while take():
                t0 = time.perf_counter()
                try:
                    response = http.get(route)
                    response.read()
                    problem = None if response.status_code == 200 else f"{response.status_code}: {response.text[:200]}"
                except httpx.HTTPError as exc:
                    problem = f"{type(exc).__name__}: {exc}"
                elapsed = time.perf_counter() - t0
                with lock:
                    latencies.append(elapsed)
                    if problem:
                        errors.append(problem)

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        for f in [pool.submit(client) for _ in range(clients)]:
            f.result()
    seconds = time.perf_counter() - start
    latencies.sort()
    return Level(route, clients, len(latencies), len(errors), round(seconds, 2), round(len(latencies) / seconds, 1),
                 round(percentile(latencies, 50) * 1000, 1), round(percentile(latencies, 99) * 1000, 1),
                 errors[0] if errors else None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="an existing store (default: build one from demo/ in a temporary folder)")
    parser.add_argument("--requests", type=int, default=2000, help="requests per level on /api/events (default 2000)")
    parser.add_argument("--page-requests", type=int, default=500,
                        help="requests per level on / and the event page (default 500; 0 skips them)")
    parser.add_argument("--clients", default="1,10,50", help="concurrency levels, comma-separated (default 1,10,50)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON lines")
    args = parser.parse_args()
    levels = [int(x) for x in args.clients.split(",") if x.strip()]
    if args.requests > 100_000 or args.page_requests > 100_000 or max(levels) > 500:
        parser.error("keep it bounded: at most 100,000 requests and 500 clients per level")

    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-web-") as tmp:
        db = args.db or build_store(Path(tmp))
        port = free_port()
        log = Path(tmp) / "serve.log"
        server = start_server(db, port, log)
        base = f"http://127.0.0.1:{port}"
        results: list[Level] = []
        try:
            events = httpx.get(base + "/api/events").json()["events"]
            routes = [("/api/events", args.requests)]
            if args.page_requests:
                routes += [("/", args.page_requests)]
                if events:
                    routes += [(events[0]["url"], args.page_requests)]
            drive(base, "/api/events", 2, 50)  # warm-up: imports, templates, first connections
            for route, n in routes:
                for clients in levels:
                    result = drive(base, route, clients, n)
                    results.append(result)
                    if args.json:
                        print(json.dumps(asdict(result)), flush=True)
                    else:
                        print(f"{route:<28} {clients:>3} clients  {result.requests:>6} req  "
                              f"{result.req_per_s:>7.1f} req/s  p50 {result.p50_ms:>7.1f} ms  "
                              f"p99 {result.p99_ms:>7.1f} ms  errors {result.errors}"
                              + (f"  (first: {result.first_error[:120]})" if result.first_error else ""),
                              flush=True)
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
            tracebacks = log.read_text(errors="replace").count("Traceback")
            if tracebacks:
                print(f"the server logged {tracebacks} tracebacks", file=sys.stderr)
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
