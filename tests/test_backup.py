"""Backups under writes (docs/reliability.md): `tochuc backup` taken while a clerk keeps saving through the API gives a file
that `tochuc restore` loads into a consistent database (integrity, audit chain, each record's version matching its audit
entries: one snapshot, not a mix of moments); `tochuc serve --backup-every` takes backups on its own and keeps the newest N.

SQLite: `VACUUM INTO` a snapshot; PostgreSQL: `pg_dump` (docs/architecture.md, Backups).
"""
import re
import threading
import time
import uuid

import pytest
import requests

from conftest import BACKEND, BIN, drop_database, login, new_database, run_cli, seed
from reliability import FULL, KillableServer, bearer, integrity_problems, member_body, query, record_figures, token_for

BACKUPS = 8 if FULL else 3


def restore_into_new(backup, workdir):
    db, name = new_database(workdir)
    run_cli("restore", str(backup), db=db)
    return db, name


def snapshot_problems(db):
    """A restored database is one moment: each member's version is one more than its update entries in the audit log."""
    rows = query(db, "SELECT m.id, m.version, (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'member' AND a.action = 'update' "
                     "AND a.entity_key = CAST(m.id AS TEXT)) FROM members m")
    return [row for row in rows if int(row[1]) != int(row[2]) + 1]


def test_a_backup_taken_while_a_clerk_saves_restores_to_a_consistent_database(fresh_db, workdir):
    seed(fresh_db, workdir)
    members = int(query(fresh_db, "SELECT COUNT(*) FROM members")[0][0])
    server = KillableServer(fresh_db, workdir)
    stop, saved, windows, failures = threading.Event(), [], [], []
    try:
        api = bearer(token_for(server.base, "clerk-t01-a"))
        ids = [m["id"] for m in api.get(server.base + "/api/v1/members", params={"per_page": 50}).json()["items"]]

        def clerk():
            n = 0
            while not stop.is_set():
                member_id = ids[n % len(ids)]
                n += 1
                member = api.get(server.base + f"/api/v1/members/{member_id}").json()
                response = api.put(server.base + f"/api/v1/members/{member_id}",
                                   json={**member_body(member), "occupation": f"lần {n}"})
                if response.status_code == 200:
                    saved.append(time.monotonic())
                else:
                    failures.append((response.status_code, response.text[:200]))

        writer = threading.Thread(target=clerk)
        writer.start()
        files = []
        try:
            time.sleep(0.5)
            for number in range(BACKUPS):
                target = workdir / f"live-{uuid.uuid4().hex[:6]}.bak"
                began = time.monotonic()
                run_cli("backup", str(target), db=fresh_db)
                windows.append((began, time.monotonic()))
                files.append(target)
        finally:
            stop.set()
            writer.join(timeout=60)
    finally:
        server.stop()
    assert failures == [], failures[:3]
    during = sum(1 for t in saved if any(a <= t <= b for a, b in windows))
    assert during > 0, "no save was acknowledged while a backup ran: the test proves nothing"
    for backup in files:
        db, name = restore_into_new(backup, workdir)
        try:
            assert integrity_problems(db) == []
            assert snapshot_problems(db) == []
            assert int(query(db, "SELECT COUNT(*) FROM members")[0][0]) == members
            assert query(db, "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1") == [["restore"]]
        finally:
            drop_database(name)
    record_figures("backup_under_writes", {"backups_restored": len(files), "saves": len(saved), "saves_during_a_backup": during})


def test_the_server_backs_up_on_its_schedule_and_keeps_the_newest_n(fresh_db, workdir):
    seed(fresh_db, workdir)
    folder = workdir / f"scheduled-{uuid.uuid4().hex[:6]}"
    server = KillableServer(fresh_db, workdir, extra=["--backup-every", "2s", "--backup-dir", str(folder), "--backup-keep", "2"])
    try:
        deadline = time.time() + 60
        while time.time() < deadline and server.log_path.read_text().count("backup written") < 4:
            time.sleep(0.25)
        written = server.log_path.read_text().count("backup written")
    finally:
        server.stop()
    assert written >= 4, server.log_path.read_text()[-2000:]
    # Hidden names are copies being written (one may be cut short by the stop); they never count as backups.
    kept = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    suffix = ".sqlite" if BACKEND == "sqlite" else ".dump"
    assert len(kept) == 2, f"the server kept {kept}, not the newest 2 of {written}"
    assert all(re.fullmatch(rf"tochuc-backup-\d{{8}}T\d{{6}}\.\d{{3}}Z{re.escape(suffix)}", k) for k in kept), kept
    db, name = restore_into_new(folder / kept[-1], workdir)
    try:
        assert integrity_problems(db) == []
    finally:
        drop_database(name)
    record_figures("backup_scheduled", {"written": written, "kept": len(kept)})


@pytest.mark.parametrize("every", ["0", "-2h", "soon", "2w"])
def test_a_malformed_backup_interval_is_refused_before_serving(every, workdir):
    import subprocess
    result = subprocess.run([BIN, "serve", "--backup-every", every, "--backup-dir", str(workdir), "--database", str(workdir / "none.sqlite")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "--backup-every" in result.stderr
    assert not (workdir / "none.sqlite").exists()
