"""Fuzz the JSON API from its own OpenAPI document with schemathesis (bounded; --full runs more examples)."""
import re
import subprocess
import sys
from pathlib import Path

import requests

from conftest import login, page_csrf
from reliability import FULL, record_figures


def test_schemathesis_finds_no_server_error_and_no_schema_violation(server, workdir):
    # A user of its own, so that the fuzzer's writes (tokens, units, disabled accounts) cannot disturb other tests.
    session = login(server.base, "admin-t01-b")
    token = session.post(server.base + "/api/v1/tokens", json={"name": "schemathesis", "scope": "read_write"},
                         headers={"X-CSRF-Token": page_csrf(session, server.base)}).json()["token"]
    examples = "50" if FULL else "5"
    schemathesis = Path(sys.executable).parent / "schemathesis"
    result = subprocess.run(
        [str(schemathesis), "run", server.base + "/api/v1/openapi.json", "--url", server.base,
         "-H", f"Authorization: Bearer {token}", "--checks", "not_a_server_error,response_schema_conformance",
         "--max-examples", examples, "--phases", "examples,coverage,fuzzing", "--seed", "2026", "--workers", "1",
         "--exclude-path", "/api/v1/users/{username}/disable", "--request-timeout", "20",
         "--report-junit-path", str(workdir / "schemathesis.xml")],
        capture_output=True, text=True, timeout=3600 if FULL else 900, cwd=workdir)  # its .schemathesis/ cache stays out of the repo
    print(result.stdout[-6000:])
    # The summary's counts (plain text: no terminal, so no colour codes), for docs/reliability.md.
    def count(pattern):
        found = re.search(pattern, result.stdout)
        return int(found.group(1)) if found else None
    record_figures("test_fuzz", {"examples_per_operation": int(examples), "operations_selected": count(r"Selected:\s*(\d+)"),
                                 "operations_tested": count(r"Tested:\s*(\d+)"), "test_cases": count(r"(\d+) generated"),
                                 "exit_code": result.returncode})
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert requests.get(server.base + "/api/v1/health").status_code == 200
