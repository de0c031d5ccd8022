"""Helpers of the reliability tests (docs/reliability.md): databases cloned from a prepared one, direct SQL on either
engine (sqlite3 or psql), the integrity checks run after every crash, and the sizes of the default and --full runs.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import time
import uuid
from pathlib import Path

import requests

from conftest import ADMIN_PASSWORD, BACKEND, ROOT, BIN, PASSWORD, PG_URL, Server, csrf_from, free_port, login, run_cli

FULL = os.environ.get("TOCHUC_TEST_FULL") == "1"
SEED = int(os.environ.get("TOCHUC_TEST_SEED", "20260"))


def record_figures(test, figures):
    """Prints the figures of a run and adds them to test-artifacts/reliability-<engine>.json (docs/reliability.md quotes them)."""
    print(f"\n{test}: {figures}")
    folder = ROOT / "test-artifacts"
    folder.mkdir(exist_ok=True)
    path = folder / f"reliability-{BACKEND}.json"
    known = json.loads(path.read_text()) if path.exists() else {}
    known[test] = {"full": FULL, "seed": SEED, **figures}
    path.write_text(json.dumps(known, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def rng(name):
    """A random source of its own per test, seeded: a failing run repeats with the same moments."""
    return random.Random(f"{SEED}:{name}")


def pg_name(url):
    return url.rsplit("/", 1)[1]


def clone_database(template, workdir: Path):
    """A copy of a prepared database: a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL."""
    if BACKEND == "postgres":
        name = "tochuc_rel_" + uuid.uuid4().hex[:12]
        subprocess.run(["psql", PG_URL, "-q", "-c", f"CREATE DATABASE {name} TEMPLATE {pg_name(template)}"],
                       check=True, capture_output=True)
        return PG_URL.rsplit("/", 1)[0] + "/" + name, name
    path = workdir / f"clone-{uuid.uuid4().hex[:8]}.sqlite"
    shutil.copyfile(template, path)
    return str(path), None


def query(db, sql):
    """Rows of one SELECT, as lists of strings (None for NULL), on either engine."""
    if BACKEND == "postgres":
        out = subprocess.run(["psql", db, "-X", "-q", "-At", "-F", "\x1f", "-c", sql], check=True, capture_output=True,
                             text=True).stdout
        return [[None if v == "" else v for v in line.split("\x1f")] for line in out.splitlines()]
    import sqlite3
    connection = sqlite3.connect(db, timeout=30)
    try:
        return [[None if v is None else str(v) for v in row] for row in connection.execute(sql).fetchall()]
    finally:
        connection.close()


def scalar(db, sql):
    return query(db, sql)[0][0]


def integrity_problems(db):
    """What is wrong with the database as a whole: SQLite's own check (and its foreign keys), then ToChuc's audit chain."""
    problems = []
    if BACKEND == "sqlite":
        import sqlite3
        connection = sqlite3.connect(db, timeout=30)
        try:
            check = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
            if check != ["ok"]:
                problems.append(f"integrity_check: {check[:5]}")
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                problems.append(f"foreign_key_check: {broken[:5]}")
        finally:
            connection.close()
    audit = run_cli("audit", "verify", "--format", "json", db=db, check=False)
    if audit.returncode != 0 or json.loads(audit.stdout or "{}").get("status") != "intact":
        problems.append(f"audit verify: {audit.stdout.strip()} {audit.stderr.strip()[-500:]}")
    # The head of the chain names the last entry: a row after it, or a head ahead of the rows, is a torn append.
    head = query(db, "SELECT last_id FROM audit_head")[0][0]
    last = scalar(db, "SELECT COALESCE(MAX(id), 0) FROM audit_log")
    if str(head) != str(last):
        problems.append(f"audit_head.last_id {head} but the last entry is {last}")
    return problems


def index_names(db):
    if BACKEND == "postgres":
        return sorted(r[0] for r in query(db, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"))
    return sorted(r[0] for r in query(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'"))


def kill_hard(process):
    """kill -9: no handler runs, nothing is flushed, as when the machine's power goes."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


class KillableServer(Server):
    """A `tochuc serve`, with options of its own, that the test may end with SIGKILL (Server.stop ends it politely)."""

    def __init__(self, db, workdir: Path, extra=()):
        # As conftest.Server, with `extra` options after the usual ones.
        self.db = db
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / f"server-{self.port}.log"
        self.log = open(self.log_path, "w")
        env = dict(os.environ, TOCHUC_ADMIN_PASSWORD=ADMIN_PASSWORD)
        self.process = subprocess.Popen([BIN, "serve", "--port", str(self.port), "--host", "127.0.0.1", "--database", db, *extra],
                                        stdout=self.log, stderr=subprocess.STDOUT, env=env)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"server exited: {self.log_path.read_text()}")
            try:
                if requests.get(self.base + "/api/v1/health", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise AssertionError("server did not answer /api/v1/health within 60 s")

    def crash(self):
        kill_hard(self.process)
        self.log.close()


def token_for(base, username, scope="read_write"):
    """An API token of the user's own, made through the API as the account page would."""
    session = login(base, username)
    csrf = csrf_from(session.get(base + "/").text)
    made = session.post(base + "/api/v1/tokens", json={"name": f"rel-{uuid.uuid4().hex[:6]}", "scope": scope},
                        headers={"X-CSRF-Token": csrf})
    assert made.status_code == 201, made.text
    return made.json()["token"]


def bearer(token):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def member_body(member):
    """The PUT body of a member as the API showed it (its own field names), without what the API adds."""
    return {k: v for k, v in member.items() if k not in ("id", "unit_name")}


__all__ = ["BIN", "PASSWORD", "FULL", "SEED", "rng", "clone_database", "query", "scalar", "integrity_problems", "index_names",
           "kill_hard", "KillableServer", "token_for", "bearer", "member_body"]
