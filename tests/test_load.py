"""Load (issue 9, docs/reliability.md): a bounded `wrk` run on the busiest pages while a members import runs on the
same server — every answer a 200, no socket error, and the import still ends with every row stored. The figures go to
test-artifacts/reliability-<engine>.json; the ones of a release build on the national demo are in BENCHMARKS.md.

Default: 8 connections per page for 10 s, all pages at once; --full: 32 connections per page for 30 s.
"""
import re
import shutil
import subprocess
import time
import uuid
from urllib.parse import quote

import pytest

from conftest import BIN, PASSWORD, Server, csrf_from, drop_database, login, new_database, page_csrf, run_cli
from reliability import FULL, record_figures, scalar

CONNECTIONS, SECONDS = (32, 30) if FULL else (8, 10)

pytestmark = pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk (Debian package) is not installed")


@pytest.fixture(scope="module")
def loaded(workdir):
    """The demo province's tree with half of its members on a server of its own, and the other half ready to upload."""
    demo = workdir / f"load-demo-{uuid.uuid4().hex[:6]}"
    subprocess.run([BIN, "demo", "--write-to", str(demo)], check=True, capture_output=True, timeout=300)
    lines = (demo / "members.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    share = 2 if FULL else 6
    before, during = lines[1::share], lines[2::share]
    first = workdir / f"load-first-{uuid.uuid4().hex[:6]}"
    first.mkdir()
    shutil.copyfile(demo / "org_units.csv", first / "org_units.csv")
    (first / "members.csv").write_text(lines[0] + "".join(before), encoding="utf-8")
    db, pg_name = new_database(workdir)
    run_cli("import", str(first), db=db)
    province = scalar(db, "SELECT code FROM units WHERE kind = 'provincial' ORDER BY id LIMIT 1")
    run_cli("user", "add", "--username", "clerk-load", "--password", PASSWORD, "--role", "clerk", "--unit", province, db=db)
    server = Server(db, workdir)
    server.during = (lines[0] + "".join(during)).encode("utf-8")
    server.rows = len(during)
    server.cell = scalar(db, "SELECT u.code FROM members m JOIN units u ON u.id = m.unit_id ORDER BY m.id LIMIT 1")
    server.member = scalar(db, "SELECT id FROM members ORDER BY id LIMIT 1")
    server.name = scalar(db, "SELECT full_name FROM members ORDER BY id LIMIT 1")
    yield server
    server.stop()
    drop_database(pg_name)


def start_wrk(url, header):
    return subprocess.Popen(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "30s", "--latency", "-H", header, url],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wrk_figures(process):
    """A finished wrk run's requests/s, p50 and p99 in ms, answers other than 2xx, and socket errors."""
    out, _ = process.communicate(timeout=SECONDS + 60)
    assert process.returncode == 0, out

    def latency(label):
        value, unit = re.search(rf"^\s+{label}\s+([0-9.]+)(us|ms|s)\b", out, re.M).groups()
        return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)

    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50_ms": latency("50%"), "p99_ms": latency("99%"),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "output": out,
    }


def test_the_busiest_pages_answer_every_request_while_an_import_runs(loaded):
    base = loaded.base
    clerk = login(base, "clerk-load")
    cookie = "Cookie: " + "; ".join(f"{c.name}={c.value}" for c in clerk.cookies)
    token = clerk.post(base + "/api/v1/tokens", json={"name": "load", "scope": "read"},
                       headers={"X-CSRF-Token": page_csrf(clerk, base)}).json()["token"]
    bearer = f"Authorization: Bearer {token}"
    word = loaded.name.split()[0]
    pages = [
        ("home (dashboard)", "/", cookie),
        ("member list of a cell", f"/members?unit={loaded.cell}", cookie),
        ("member page", f"/members/{loaded.member}", cookie),
        ("member (API)", f"/api/v1/members/{loaded.member}", bearer),
        ("name search (API)", f"/api/v1/members?q={quote(word)}", bearer),
    ]
    # The import goes in through the upload page, as a clerk does, from a session of its own.
    importer = login(base, "clerk-load")
    started = importer.post(base + "/import", data={"_csrf": csrf_from(importer.get(base + "/import").text)},
                            files={"file": ("members.csv", loaded.during, "text/csv")}, allow_redirects=False)
    assert started.status_code == 303, started.text[:300]
    job = base + started.headers["Location"]
    # Every page at once, while the import runs.
    runs = [(name, start_wrk(base + path, header)) for name, path, header in pages]
    running_at_start = 'http-equiv="refresh"' in importer.get(job).text
    figures = {}
    for name, process in runs:
        result = wrk_figures(process)
        assert result["non_2xx"] == 0 and result["socket_errors"] == 0, f"{name}: {result['output']}"
        assert result["requests"] > 0, f"{name}: {result['output']}"
        figures[name] = {k: v for k, v in result.items() if k != "output"}
    deadline = time.time() + 600
    while 'http-equiv="refresh"' in (page := importer.get(job).text):
        assert time.time() < deadline, "the import did not end"
        time.sleep(0.5)
    assert f'data-count="created">{loaded.rows}<' in page.replace(".", ""), page[-2000:]
    assert running_at_start, "the import ended before the load began: the test proved nothing"
    record_figures("load", {"connections_per_page": CONNECTIONS, "seconds": SECONDS, "import_rows": loaded.rows, "pages": figures})
