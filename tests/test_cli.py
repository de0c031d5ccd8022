"""The CLI contract (issue 2): audit verification, backup and restore, all-or-nothing import, stats."""
import json
import subprocess

import pytest

from conftest import BACKEND, PG_URL, run_cli, seed


def export_rows(db, target):
    run_cli("export", "--format", "csv", str(target), db=db)
    return (target / "org_units.csv").read_text(encoding="utf-8")


def test_audit_verify_is_ok_after_activity_and_names_a_tampered_entry(fresh_db, workdir):
    seed(fresh_db, workdir)
    result = run_cli("audit", "verify", "--format", "json", db=fresh_db)
    report = json.loads(result.stdout)
    assert report["status"] == "intact" and report["entries"] > 8
    # Someone with direct access gets past the append-only trigger and alters entry 2.
    if BACKEND == "sqlite":
        tamper = ["sqlite3", fresh_db, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET new_values = '{\"x\":\"1\"}' WHERE id = 2;"]
    else:
        tamper = ["psql", fresh_db, "-q", "-c", "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change",
                  "-c", "UPDATE audit_log SET new_values = '{\"x\":\"1\"}' WHERE id = 2"]
    subprocess.run(tamper, check=True, capture_output=True)
    broken = run_cli("audit", "verify", db=fresh_db, check=False)
    assert broken.returncode == 1
    assert "entry 2" in broken.stdout


def test_backup_restores_to_identical_content(fresh_db, workdir):
    seed(fresh_db, workdir)
    before = export_rows(fresh_db, workdir / "before")
    backup = workdir / f"backup-{BACKEND}.bak"
    if backup.exists():
        backup.unlink()
    run_cli("backup", str(backup), db=fresh_db)
    plan = workdir / "plan.csv"
    plan.write_text("op,effective_on,decision_no,code,name\nrename,2025-01-01,1-QĐ/TU,T01-A,Xã Đổi Tên\n", encoding="utf-8")
    run_cli("restructure", str(plan), db=fresh_db)
    assert export_rows(fresh_db, workdir / "changed") != before
    run_cli("restore", str(backup), db=fresh_db)
    assert export_rows(fresh_db, workdir / "after") == before
    assert json.loads(run_cli("audit", "verify", "--format", "json", db=fresh_db).stdout)["status"] == "intact"


def test_a_bad_import_names_every_bad_row_and_stores_nothing(fresh_db, workdir):
    seed(fresh_db, workdir)
    before = export_rows(fresh_db, workdir / "b1")
    bad = workdir / "bad"
    bad.mkdir(exist_ok=True)
    (bad / "org_units.csv").write_text(
        "code,name,kind,parent_code\nT09,Tỉnh mới,provincial,TW\nT09-X,Xã,ward,T09\nT09-Y,Xã,base,NOPE\nT09-Z,,base,T09\n", encoding="utf-8")
    result = run_cli("import", str(bad), db=fresh_db, check=False)
    assert result.returncode != 0
    for line in (3, 4, 5):
        assert f"org_units.csv:{line}:" in result.stderr, result.stderr
    assert "org_units.csv:2:" not in result.stderr
    assert export_rows(fresh_db, workdir / "b2") == before


def test_an_import_twice_changes_nothing_the_second_time(fresh_db, workdir):
    seed(fresh_db, workdir)
    again = run_cli("import", str(next(workdir.glob("seed-*"))), "--format", "json", db=fresh_db)
    assert json.loads(again.stdout)["created"] == 0 and json.loads(again.stdout)["updated"] == 0


def test_stats_json_contract(fresh_db, workdir):
    seed(fresh_db, workdir)
    stats = json.loads(run_cli("stats", "--unit", "T01", "--format", "json", "--as-of", "2024-06-30", db=fresh_db).stdout)
    members = stats.pop("members_by_status")
    assert stats == {"unit": "T01", "as_of": "2024-06-30", "cells": 3, "cells_with_committee": 2,
                     "units_by_kind": {"central": 0, "provincial": 1, "upper_base": 0, "base": 2, "sub_base": 0, "cell": 3}}
    assert set(members) == {"candidate", "probationary", "full", "exempt", "transferred_out", "expelled", "removed", "resigned", "deceased"}
    assert json.loads(run_cli("stats", "--unit", "T01", "--format", "json", "--as-of", "1999-12-31", db=fresh_db).stdout)["cells"] == 0


def test_restructure_dry_run_stores_nothing_and_errors_name_the_line(fresh_db, workdir):
    seed(fresh_db, workdir)
    plan = workdir / "reform.csv"
    plan.write_text("op,effective_on,decision_no,code,parent_code,sources\n"
                    "move,2025-07-01,60-NQ/TW,T01-A-C2,T01-B,\n"
                    "merge,2025-07-01,60-NQ/TW,T01-A,,T01-A;T01-B\n", encoding="utf-8")
    dry = run_cli("restructure", str(plan), "--dry-run", db=fresh_db)
    assert "reform.csv:2:" in dry.stdout and "Dry run" in dry.stdout
    stats = json.loads(run_cli("stats", "--unit", "T01", "--format", "json", "--as-of", "2025-07-01", db=fresh_db).stdout)
    assert stats["units_by_kind"]["base"] == 2
    run_cli("restructure", str(plan), db=fresh_db)
    stats = json.loads(run_cli("stats", "--unit", "T01", "--format", "json", "--as-of", "2025-07-01", db=fresh_db).stdout)
    assert stats["units_by_kind"]["base"] == 1 and stats["cells"] == 3
    bad = workdir / "bad-plan.csv"
    bad.write_text("op,effective_on,decision_no,code\ndissolve,2025-08-01,61-NQ/TW,T01\n", encoding="utf-8")
    result = run_cli("restructure", str(bad), db=fresh_db, check=False)
    assert result.returncode == 1 and "bad-plan.csv:2:" in result.stderr


def test_errors_go_to_stderr_with_a_nonzero_status(fresh_db):
    result = run_cli("stats", "--unit", "NOPE", db=fresh_db, check=False)
    assert result.returncode != 0 and result.stderr.strip() and not result.stdout.strip()
