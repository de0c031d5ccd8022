"""Issue 10: automatic failover with pg_auto_failover (docs/deployment.md, docs/reliability.md "Failover").

On loopback, in a temp dir: a pg_auto_failover monitor, a primary and a secondary (Debian's postgresql-15-auto-failover;
scripts/test --full installs it). `tochuc serve` gets the formation's multi-host URL (`pg_autoctl show uri`); a clerk
keeps adding units through the API; the primary is stopped (`pg_autoctl stop --immediate`: its PostgreSQL ends without a
checkpoint, as in a crash). The test then checks that

- the monitor promotes the secondary and ToChuc writes there without being restarted;
- every answer meanwhile was 201 or 503 with a Vietnamese message (never 500, never a hang past the client's timeout);
- every acknowledged unit (201) is on the promoted node, readable through ToChuc, and the audit chain is intact.

Runs only with TOCHUC_TEST_FULL=1 (scripts/test --full), on the PostgreSQL run, when pg_autoctl is installed. ~1 min.
"""
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
import requests

from conftest import BACKEND, free_port, run_cli, seed
from reliability import FULL, KillableServer, bearer, record_figures, token_for

PG_BIN = "/usr/lib/postgresql/15/bin"
PG_AUTOCTL = shutil.which("pg_autoctl") or f"{PG_BIN}/pg_autoctl"

pytestmark = [
    pytest.mark.skipif(not FULL, reason="failover runs in the full mode only (scripts/test --full)"),
    pytest.mark.skipif(BACKEND != "postgres", reason="failover is PostgreSQL's; runs once, in the PostgreSQL run"),
    pytest.mark.skipif(not os.path.exists(PG_AUTOCTL), reason="no pg_autoctl (apt-get install postgresql-15-auto-failover)"),
]

# The monitor's defaults take ~50 s to fail over (20 s to call a node unhealthy, 30 s for the old primary to demote);
# on loopback, in a test, seconds do.
MONITOR_SETTINGS = {
    "pgautofailover.health_check_period": 1000,
    "pgautofailover.health_check_timeout": 1000,
    "pgautofailover.health_check_max_retries": 1,
    "pgautofailover.health_check_retry_delay": 500,
    "pgautofailover.node_considered_unhealthy_timeout": 3000,
    "pgautofailover.primary_demote_timeout": 5000,
    "pgautofailover.startup_grace_period": 2000,
}


class Formation:
    """A monitor and two data nodes, each a `pg_autoctl run` as the `postgres` OS user (pg_autoctl refuses root)."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="tochuc-paf-"))
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self.env = dict(os.environ, XDG_CONFIG_HOME=str(self.dir / "config"), XDG_DATA_HOME=str(self.dir / "share"),
                        XDG_RUNTIME_DIR=str(self.dir / "run"), PATH=f"{PG_BIN}:{os.environ.get('PATH', '')}")
        self.runs = {}
        self.ports = {}

    def cmd(self, *args):
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        # runuser clears the environment: pass it on with env.
        env = [f"{k}={self.env[k]}" for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "PATH")]
        return [*prefix, "env", *env, PG_AUTOCTL, *args]

    def autoctl(self, *args, timeout=120):
        result = subprocess.run(self.cmd(*args), capture_output=True, text=True, timeout=timeout, cwd=self.dir)
        if result.returncode != 0:
            raise AssertionError(f"pg_autoctl {' '.join(args)}: {result.returncode}\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def run(self, name):
        log = open(self.dir / f"{name}.log", "w")
        self.runs[name] = (subprocess.Popen(self.cmd("run", "--pgdata", str(self.dir / name)), stdout=log,
                                            stderr=subprocess.STDOUT, cwd=self.dir, start_new_session=True), log)

    def create_monitor(self):
        self.ports["monitor"] = free_port()
        self.autoctl("create", "monitor", "--pgdata", str(self.dir / "monitor"), "--pgport", str(self.ports["monitor"]),
                     "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl")
        self.run("monitor")
        wait_for(lambda: self.monitor_sql("SELECT 1") == "1", 30, "the monitor answers")
        for name, value in MONITOR_SETTINGS.items():
            self.monitor_sql(f"ALTER SYSTEM SET {name} = {value}")
        self.monitor_sql("SELECT pg_reload_conf()")
        self.monitor_uri = self.autoctl("show", "uri", "--pgdata", str(self.dir / "monitor"), "--formation", "monitor").strip()

    def create_node(self, name):
        self.ports[name] = free_port()
        self.autoctl("create", "postgres", "--pgdata", str(self.dir / name), "--pgport", str(self.ports[name]),
                     "--hostname", "127.0.0.1", "--name", name, "--monitor", self.monitor_uri, "--auth", "trust",
                     "--no-ssl", "--dbname", "tochuc", timeout=180)
        self.run(name)

    def monitor_sql(self, sql):
        result = subprocess.run(["psql", "-X", "-At", "-h", "127.0.0.1", "-p", str(self.ports["monitor"]), "-U", "postgres",
                                 "-d", "pg_auto_failover", "-c", sql], capture_output=True, text=True, timeout=30)
        return result.stdout.strip() if result.returncode == 0 else None

    def states(self):
        """{node name: (reported state, assigned state)} from the monitor."""
        out = self.monitor_sql("SELECT nodename, current_group_state, assigned_group_state "
                               "FROM pgautofailover.current_state('default')") or ""
        return {line.split("|")[0]: tuple(line.split("|")[1:]) for line in out.splitlines() if line}

    def uri(self):
        return self.autoctl("show", "uri", "--pgdata", str(self.dir / "monitor"), "--formation", "default").strip()

    def accepts(self, name):
        return subprocess.run([f"{PG_BIN}/pg_isready", "-q", "-h", "127.0.0.1", "-p", str(self.ports[name])],
                              timeout=10).returncode == 0

    def stop_node(self, name):
        """The node's machine goes away: `pg_autoctl stop --immediate` (it signals the node's service and returns at
        once), then PostgreSQL must stop accepting connections within 10 s, else it is stopped with
        `pg_ctl stop -m immediate` — a primary left running without its keeper would hold commits waiting for the
        standby it lost. Returns the seconds until the port refused and how it was stopped."""
        start = time.time()
        self.autoctl("stop", "--pgdata", str(self.dir / name), "--immediate")
        while time.time() - start < 10 and self.accepts(name):
            time.sleep(0.1)
        how = "pg_autoctl stop --immediate"
        if self.accepts(name):
            prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
            subprocess.run([*prefix, f"{PG_BIN}/pg_ctl", "-D", str(self.dir / name), "-m", "immediate", "-w", "stop"],
                           capture_output=True, timeout=60)
            how = "pg_ctl stop -m immediate (pg_autoctl left it running)"
        return round(time.time() - start, 1), how

    def node_sql(self, name, sql):
        result = subprocess.run(["psql", "-X", "-At", "-h", "127.0.0.1", "-p", str(self.ports[name]), "-U", "postgres",
                                 "-d", "tochuc", "-c", sql], capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def teardown(self):
        for name in reversed(list(self.runs)):
            subprocess.run(self.cmd("stop", "--pgdata", str(self.dir / name), "--immediate"), capture_output=True,
                           timeout=60, cwd=self.dir)
        for name, (process, log) in self.runs.items():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, 9)
                process.wait(timeout=20)
            log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def wait_for(condition, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(f"not within {seconds} s: {what}")


@pytest.fixture()
def formation():
    f = Formation()
    try:
        f.create_monitor()
        f.create_node("node1")
        wait_for(lambda: f.states().get("node1", ("",))[0] in ("single", "primary", "wait_primary"), 60, "node1 is the primary")
        f.create_node("node2")
        wait_for(lambda: f.states().get("node1", ("",))[0] == "primary" and f.states().get("node2", ("",))[0] == "secondary",
                 90, "node1 primary, node2 secondary")
        yield f
    finally:
        f.teardown()


def test_tochuc_follows_the_promoted_node_and_keeps_every_acknowledged_write(formation, workdir):
    url = formation.uri()
    assert "," in url and "target_session_attrs=read-write" in url, url
    seed(url, workdir)  # migrate, import, accounts — through the multi-host URL, as an operator would
    server = KillableServer(url, workdir)
    answers, acked, lock = [], [], threading.Lock()
    stop_writing = threading.Event()
    try:
        api = bearer(token_for(server.base, "clerk-t01-a"))

        def writer():
            n = 0
            while not stop_writing.is_set():
                n += 1
                code = f"T01-A-F{n:04d}"
                started = time.time()
                try:
                    response = api.post(server.base + "/api/v1/units", timeout=60, json={
                        "code": code, "name": f"Chi bộ chuyển đổi dự phòng {n}", "kind": "cell", "parent_code": "T01-A",
                        "sector": "commune"})
                    status, body = response.status_code, response.text
                except requests.RequestException as error:  # the server itself never went away: a failure
                    status, body = 0, repr(error)
                with lock:
                    answers.append((started, time.time(), code, status, body))
                    if status == 201:
                        acked.append((time.time(), code))
                if status != 201:
                    time.sleep(0.2)

        thread = threading.Thread(target=writer)
        thread.start()
        wait_for(lambda: len(acked) >= 20, 60, "20 writes acknowledged before the failover")
        stopped_at = time.time()
        down_after, stopped_how = formation.stop_node("node1")
        stop_returned = time.time()

        def diagnose(what, seconds, condition):
            try:
                wait_for(condition, seconds, what)
            except AssertionError as error:
                with lock:
                    tail = [(round(a - stopped_at, 1), round(b - stopped_at, 1), code, status, body[:120])
                            for a, b, code, status, body in answers[-15:]]
                log = server.log_path.read_text()[-3000:]
                raise AssertionError(f"{error}\nstates: {formation.states()}\nlast answers (s after the stop): {tail}\n"
                                     f"server log: {log}") from None

        # Writes acknowledged once `pg_autoctl stop` has returned (the old primary is gone by then).
        diagnose("a write acknowledged on the promoted node", 120, lambda: any(t > stop_returned for t, _ in acked))
        resumed_at = min(t for t, _ in acked if t > stop_returned)
        diagnose("20 more writes after the failover", 90, lambda: sum(1 for t, _ in acked if t > stop_returned) >= 20)
        stop_writing.set()
        thread.join(timeout=90)
        assert not thread.is_alive()

        states = formation.states()
        assert states["node2"][0] in ("primary", "wait_primary"), states
        statuses = {}
        for _, _, _, status, _ in answers:
            statuses[status] = statuses.get(status, 0) + 1
        bad = [(round(a[0] - stopped_at, 1), round(a[1] - stopped_at, 1), *a[2:]) for a in answers if a[3] not in (201, 503)]
        assert not bad, f"answers other than 201 and 503 (seconds after the stop): {bad[:5]}; old primary down after " \
                        f"{down_after} s by {stopped_how}; ports {formation.ports}\nserver log: {server.log_path.read_text()[-3000:]}"
        for _, _, _, status, body in answers:
            if status == 503:
                message = json.loads(body)["message_vi"]
                assert "cơ sở dữ liệu" in message.lower(), message
        unknown = sum(1 for a in answers if a[3] == 503 and "chưa rõ" in a[4])
        # The request in flight when the primary died once waited a minute for a statement that never ended; the
        # lease's watchdog now gives it up two periods (2 × 3 s) after its connection closed.
        longest = max(a[1] - a[0] for a in answers)
        assert longest < 20, f"an answer took {longest:.1f} s"

        # Every acknowledged unit is on the promoted node, and ToChuc shows it.
        stored = set(formation.node_sql("node2", "SELECT code FROM units WHERE code LIKE 'T01-A-F%'").split())
        acked_codes = {code for _, code in acked}
        assert acked_codes <= stored, f"acknowledged but missing: {sorted(acked_codes - stored)[:10]}"
        shown, page = set(), 1
        while True:
            listed = api.get(server.base + "/api/v1/units", params={"q": "chuyển đổi dự phòng", "per_page": 100, "page": page},
                             timeout=60)
            assert listed.status_code == 200, listed.text
            items = listed.json()["items"]
            shown |= {u["code"] for u in items}
            if len(items) < 100:
                break
            page += 1
        assert acked_codes <= shown
        verify = run_cli("audit", "verify", "--format", "json", db=url, check=False)
        assert verify.returncode == 0 and json.loads(verify.stdout)["status"] == "intact", verify.stdout + verify.stderr

        figures = {
            "acknowledged": len(acked), "acknowledged_after_failover": sum(1 for t, _ in acked if t > stop_returned),
            "answers": {str(k): v for k, v in sorted(statuses.items())}, "outcome_unknown_503": unknown,
            "stored_on_promoted_node": len(stored), "seconds_without_writes": round(resumed_at - stopped_at, 1),
            "longest_answer_seconds": round(longest, 1),
            "old_primary_down_after_seconds": down_after, "stopped_by": stopped_how,
            "states_after": {k: list(v) for k, v in states.items()},
        }
        record_figures("failover", figures)
    finally:
        stop_writing.set()
        server.stop()
