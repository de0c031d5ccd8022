"""Editing by many people at once (docs/architecture.md "Editing by two people", docs/reliability.md): simulated clerks,
each with a session or an API token of their own, edit a few member records that they all share, each save naming the
version it was based on. The test logs every answer; afterwards each record holds the last accepted change, the
accepted changes of a record are one unbroken chain of versions (none lost, none based on the same version as another),
every refusal is a 409 that another accepted change explains, and nothing answered 5xx.

Default: 10 clerks for 20 s; --full: 50 clerks for 120 s.
"""
import json
import threading
import time
import uuid

import pytest
import requests

from conftest import PASSWORD, Server, csrf_from, drop_database, login, new_database, run_cli, seed
from reliability import FULL, bearer, member_body, query, record_figures, rng, token_for

CLERKS = 50 if FULL else 10
SECONDS = 120 if FULL else 20

SHARED = ("card_no,national_id,full_name,gender,birth_date,ethnicity,religion,unit_code,status,admitted_on,recognized_on,left_on,"
          "education,qualification,political_theory\n") + "".join(
    f"5600000{n},,Người Sửa Chung {n},male,1980-01-0{n},Kinh,,T01-A-C{1 + n % 2},full,2005-01-01,2006-01-01,,12/12,bachelor,none\n"
    for n in range(1, 9))


@pytest.fixture(scope="module")
def busy(workdir):
    db, pg_name = new_database(workdir)
    seed(db, workdir)
    folder = workdir / f"shared-{uuid.uuid4().hex[:6]}"
    folder.mkdir()
    (folder / "members.csv").write_text(SHARED, encoding="utf-8")
    run_cli("import", str(folder), db=db)
    srv = Server(db, workdir)
    yield srv
    srv.stop()
    drop_database(pg_name)


def clerk_client(base, number):
    """Half the clerks use a browser session (cookie + X-CSRF-Token), half an API token."""
    username = ["clerk-t01-a", "head-t01-a", "admin-t01-a"][number % 3]
    if number % 2 == 0:
        session = login(base, username)
        session.headers["X-CSRF-Token"] = csrf_from(session.get(base + "/").text)
        return session, username
    return bearer(token_for(base, username)), username


def test_many_clerks_editing_the_same_members_lose_no_accepted_change_and_are_refused_only_with_409(busy):
    base = busy.base
    first = login(base, "clerk-t01-a")
    ids = sorted(m["id"] for m in first.get(base + "/api/v1/members", params={"q": "Người Sửa Chung", "per_page": 50}).json()["items"])
    assert len(ids) == 8
    start_versions = {i: first.get(base + f"/api/v1/members/{i}").json()["version"] for i in ids}
    clients = [clerk_client(base, n) for n in range(CLERKS)]
    log, lock = [], threading.Lock()
    deadline = time.time() + SECONDS

    def clerk(number):
        api, username = clients[number]
        chooser = rng(f"concurrency-{number}")
        while time.time() < deadline:
            member_id = chooser.choice(ids)
            seen = api.get(base + f"/api/v1/members/{member_id}", timeout=30)
            if seen.status_code != 200:
                with lock:
                    log.append({"kind": "read", "status": seen.status_code, "text": seen.text[:300]})
                continue
            member = seen.json()
            time.sleep(chooser.uniform(0, 0.05))  # a clerk reads before saving: others save meanwhile
            based_on = member["version"]
            if based_on > 1 and chooser.random() < 0.1:
                based_on -= 1  # a form left open too long: its version is surely stale
            value = f"{username}#{number}-{uuid.uuid4().hex[:10]}"
            response = api.put(base + f"/api/v1/members/{member_id}", json={**member_body(member), "occupation": value,
                                                                              "version": based_on}, timeout=30)
            entry = {"kind": "save", "member": member_id, "based_on": based_on, "value": value, "status": response.status_code}
            if response.status_code == 200:
                entry["version"] = response.json()["version"]
                entry["stored"] = response.json()["occupation"]
            elif response.status_code == 409:
                problem = response.json()
                entry["current_version"] = int(problem.get("current", {}).get("version") or 0)
                entry["message_vi"] = problem.get("message_vi", "")
            else:
                entry["text"] = response.text[:300]
            with lock:
                log.append(entry)

    threads = [threading.Thread(target=clerk, args=(n,)) for n in range(CLERKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=SECONDS + 120)
    assert not any(t.is_alive() for t in threads)

    odd = [e for e in log if e["status"] not in (200, 409)]
    assert odd == [], f"answers other than 200 and 409: {odd[:5]}"
    saves = [e for e in log if e["kind"] == "save"]
    accepted = [e for e in saves if e["status"] == 200]
    refused = [e for e in saves if e["status"] == 409]
    assert accepted and refused, "the clerks never collided: the test proves nothing"
    for entry in refused:
        assert entry["message_vi"], "a refusal without a message"
    for member_id in ids:
        mine = sorted((e for e in accepted if e["member"] == member_id), key=lambda e: e["version"])
        # One unbroken chain: each accepted save made the version after the one it was based on, and no two were
        # based on the same version (that would be a lost update).
        expected = list(range(start_versions[member_id] + 1, start_versions[member_id] + 1 + len(mine)))
        assert [e["version"] for e in mine] == expected, f"member {member_id}: versions {[e['version'] for e in mine]}"
        assert all(e["based_on"] == e["version"] - 1 and e["stored"] == e["value"] for e in mine)
        final = first.get(base + f"/api/v1/members/{member_id}").json()
        assert final["version"] == start_versions[member_id] + len(mine)
        if mine:
            assert final["occupation"] == mine[-1]["value"], f"member {member_id} does not hold its last accepted change"
        # Every refusal is explained: some accepted save moved the record on from the version the refused one named.
        moved_from = {e["based_on"] for e in mine}
        for entry in (e for e in refused if e["member"] == member_id):
            assert entry["based_on"] in moved_from, f"member {member_id}: refused at version {entry['based_on']} that no one changed"
            assert entry["current_version"] > entry["based_on"]
        # The audit log has each accepted change, in order, and nothing else.
        audited = query(busy.db, f"SELECT new_values FROM audit_log WHERE entity = 'member' AND entity_key = '{member_id}' "
                                    "AND action = 'update' ORDER BY id")
        assert [json.loads(row[0])["occupation"] for row in audited] == [e["value"] for e in mine]
    record_figures("concurrent_edits", {"clerks": CLERKS, "seconds": SECONDS, "records": len(ids), "accepted": len(accepted),
                                        "refused_409": len(refused), "other_answers": len(odd)})
