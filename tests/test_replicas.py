"""Issue 10: read replicas (docs/deployment.md). A real streaming replica of the throwaway PostgreSQL, made on loopback
with `pg_basebackup -R`, serves the lists of a `tochuc serve --read-replica …`:

- while its replay is paused, another user's list does not show a new record (it was read from the replica — the
  proof that lists go there), while the writer's own pages in the read-your-writes window do (read from the primary);
- after the window, the writer reads from the replica again;
- with the replica stopped, lists, reports and the dashboard are still served (from the primary) and show everything;
  started again, it serves again;
- a replica further behind than --replica-max-lag serves nothing: the lists show the new record at once.

PostgreSQL only (the SQLite run skips it); about 20 s.
"""
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import requests

from conftest import BACKEND, PASSWORD, PG_URL, free_port, login, run_cli, new_database, drop_database, page_csrf, seed
from reliability import KillableServer, query

pytestmark = pytest.mark.skipif(BACKEND != "postgres", reason="read replicas are PostgreSQL's (TOCHUC_TEST_BACKEND=postgres)")

PG_BIN = "/usr/lib/postgresql/15/bin"


def as_owner(cmd):
    """PostgreSQL refuses to run as root: as root the replica belongs to the `postgres` OS user, as scripts/pg-throwaway's."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


class Replica:
    """A hot standby of the throwaway cluster: `pg_basebackup -R` (streaming, replication slot-less), its own port."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="tochuc-replica-"))
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        os.chmod(self.dir, 0o700)
        primary_port = PG_URL.rsplit(":", 1)[1].split("/")[0]
        subprocess.run(as_owner([f"{PG_BIN}/pg_basebackup", "-h", "127.0.0.1", "-p", primary_port, "-U", "postgres",
                                 "-D", str(self.dir / "data"), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"]),
                       check=True, capture_output=True, timeout=120)
        self.port = free_port()
        self.start()

    def start(self):
        # A hot standby needs max_connections at least the primary's (scripts/pg-throwaway: 200).
        subprocess.run(as_owner([f"{PG_BIN}/pg_ctl", "-D", str(self.dir / "data"), "-l", str(self.dir / "server.log"), "-w",
                                 "-t", "60", "-s", "-o",
                                 f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                                 f"-c max_connections=200 -c hot_standby=on", "start"]),
                       check=True, capture_output=True, timeout=90)

    def stop(self):
        subprocess.run(as_owner([f"{PG_BIN}/pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "-w", "-t", "30", "-s",
                                 "stop"]), capture_output=True, timeout=60)

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def remove(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def replica():
    standby = Replica()
    yield standby
    standby.remove()


@pytest.fixture(scope="module")
def ha_db(workdir):
    db, name = new_database(workdir)
    users = seed(db, workdir)
    yield db, name, users
    drop_database(name)


def wait_for(condition, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"not within {seconds} s: {what}")


def serving(server):
    return requests.get(server.base + "/api/v1/health", timeout=5).json()["replicas_serving"]


def codes(session, base, q="Bản sao"):
    response = session.get(base + "/api/v1/units", params={"q": q, "per_page": 100}, timeout=30)
    assert response.status_code == 200, response.text
    return {unit["code"] for unit in response.json()["items"]}


def add_unit(session, base, code, name):
    created = session.post(base + "/api/v1/units", headers={"X-CSRF-Token": page_csrf(session, base)}, timeout=30, json={
        "code": code, "name": name, "kind": "cell", "parent_code": "T01-A", "sector": "commune"})
    assert created.status_code == 201, created.text


def serve_with_replica(replica, ha_db, workdir, max_lag, window):
    """`tochuc serve --read-replica` on the test database once the replica serves; a clerk and a viewer signed in."""
    db, name, _ = ha_db
    replica_db = replica.url(name)
    server = KillableServer(db, workdir, extra=["--read-replica", replica_db, "--replica-max-lag", str(max_lag),
                                                 "--read-your-writes", str(window)])
    try:
        wait_for(lambda: serving(server) == 1, 10, "the replica serves reads")
        return server, replica_db, login(server.base, "clerk-t01-a"), login(server.base, "viewer-t01-a")
    except BaseException:
        server.stop()
        raise


def test_lists_read_from_the_replica_and_the_writer_reads_its_writes(replica, ha_db, workdir):
    db = ha_db[0]
    server, replica_db, writer, reader = serve_with_replica(replica, ha_db, workdir, max_lag=3600, window=2)
    try:
        add_unit(writer, server.base, "T01-A-R1", "Chi bộ bản sao 1")
        assert "T01-A-R1" in codes(writer, server.base)  # the page right after a write: from the primary
        wait_for(lambda: query(replica_db, "SELECT count(*) FROM units WHERE code = 'T01-A-R1'")[0][0] == "1", 10,
                 "the replica replays the first unit")
        assert "T01-A-R1" in codes(reader, server.base)

        # Frozen replica: what another user's list shows is the replica's view, not the primary's.
        query(replica_db, "SELECT pg_wal_replay_pause()")
        wait_for(lambda: query(replica_db, "SELECT pg_get_wal_replay_pause_state()")[0][0] == "paused", 10, "replay paused")
        add_unit(writer, server.base, "T01-A-R2", "Chi bộ bản sao 2")
        assert codes(writer, server.base) >= {"T01-A-R1", "T01-A-R2"}, "the writer's next page must show the write"
        assert codes(reader, server.base) == {"T01-A-R1"}, "another user's list must come from the (frozen) replica"
        for path in ["/units?q=b%E1%BA%A3n+sao", "/reports", "/"]:
            page = reader.get(server.base + path, timeout=60)
            assert page.status_code == 200, (path, page.status_code)
        time.sleep(2.3)  # past --read-your-writes 2
        assert codes(writer, server.base) == {"T01-A-R1"}, "after the window the writer reads from the replica again"

        query(replica_db, "SELECT pg_wal_replay_resume()")
        wait_for(lambda: "T01-A-R2" in codes(reader, server.base), 10, "the replica catches up")

        # The administrators' database page shows the replica serving, with the reads it served; others may not open it.
        run_cli("user", "add", "--username", "admin-tw", "--password", PASSWORD, "--role", "admin", "--unit", "TW",
                "--name", "Quản trị cấp gốc", db=db)
        admin = login(server.base, "admin-tw")
        status = admin.get(server.base + "/admin/database", timeout=30)
        assert status.status_code == 200, status.text[:300]
        assert "Đang phục vụ đọc" in status.text and "PostgreSQL" in status.text, status.text
        assert reader.get(server.base + "/admin/database", timeout=30).status_code == 403
        assert login(server.base, "admin-t01-a").get(server.base + "/admin/database", timeout=30).status_code == 403

        # Replica down: every page is still served, from the primary, with everything in it.
        replica.stop()
        assert codes(reader, server.base) == {"T01-A-R1", "T01-A-R2"}
        for path in ["/units?q=b%E1%BA%A3n+sao", "/members", "/reports", "/", "/api/v1/members"]:
            page = reader.get(server.base + path, timeout=60)
            assert page.status_code == 200, (path, page.status_code)
        wait_for(lambda: serving(server) == 0, 10, "the stopped replica is taken out")
        assert "Không phục vụ" in admin.get(server.base + "/admin/database", timeout=30).text
        add_unit(writer, server.base, "T01-A-R3", "Chi bộ bản sao 3")
        assert "T01-A-R3" in codes(reader, server.base)

        replica.start()
        wait_for(lambda: serving(server) == 1, 15, "the restarted replica serves again")
        wait_for(lambda: "T01-A-R3" in codes(reader, server.base), 10, "the restarted replica has caught up")
        log = server.log_path.read_text()
        # The operator learns that the replica went away (warnings; its return is logged at info level).
        assert "read replica failed" in log or "read replica serves no reads" in log
    finally:
        server.stop()
        resume(replica_db)


def resume(replica_db):
    """Replay goes on whatever happened to the test (the replica may be stopped: then this does nothing)."""
    subprocess.run(["psql", replica_db, "-X", "-q", "-c", "SELECT pg_wal_replay_resume()"], capture_output=True, timeout=30)


def test_a_replica_too_far_behind_serves_nothing(replica, ha_db, workdir):
    server, replica_db, writer, reader = serve_with_replica(replica, ha_db, workdir, max_lag=1, window=0)
    try:
        query(replica_db, "SELECT pg_wal_replay_pause()")
        wait_for(lambda: query(replica_db, "SELECT pg_get_wal_replay_pause_state()")[0][0] == "paused", 10, "replay paused")
        code = "T01-A-L" + uuid.uuid4().hex[:4].upper()
        add_unit(writer, server.base, code, "Chi bộ bản sao trễ")
        # The replica has WAL it has not replayed: once its last replayed transaction is over 1 s old it is skipped.
        wait_for(lambda: serving(server) == 0, 10, "the lagging replica is taken out")
        assert code in codes(reader, server.base)
        assert code in codes(writer, server.base)
        query(replica_db, "SELECT pg_wal_replay_resume()")
        wait_for(lambda: serving(server) == 1, 10, "the replica, caught up, serves again")
    finally:
        server.stop()
        resume(replica_db)
