"""The interchange format through the CLI (INTERCHANGE.md, docs/http-contract.md): what export writes imports back to
the same records (CSV and XLSX), Vietnamese headers and labels are accepted, unknown files and columns are refused
whole, and a backup restores into a new, empty database with the same content."""
import hashlib
import json
import shutil
import uuid

import pytest

from conftest import ORG_UNITS, drop_database, new_database, run_cli, seed


@pytest.fixture()
def make_db(workdir):
    """Makes as many fresh databases as a test needs; drops the PostgreSQL ones afterwards."""
    made = []

    def make():
        db, name = new_database(workdir)
        made.append(name)
        return db

    yield make
    for name in made:
        drop_database(name)


@pytest.fixture()
def scratch(workdir):
    path = workdir / f"interchange-{uuid.uuid4().hex[:8]}"
    path.mkdir()
    yield path
    shutil.rmtree(path, ignore_errors=True)


def export_csv(db, target):
    """`tochuc export --format csv TARGET`; returns the bytes of TARGET/org_units.csv."""
    run_cli("export", "--format", "csv", str(target), db=db)
    return (target / "org_units.csv").read_bytes()


def write_dataset(folder, text, bom=False):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "org_units.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return folder


def test_export_writes_the_units_verbatim_and_a_manifest_with_counts_and_hashes(make_db, workdir, scratch):
    db = make_db()
    seed(db, workdir)
    data = export_csv(db, scratch / "out")
    rows = data.decode("utf-8-sig").splitlines()
    assert rows[0] == "code,name,kind,parent_code,sector,has_committee,founded_on,dissolved_on"
    assert sorted(rows[1:]) == sorted(ORG_UNITS.strip().splitlines()[1:])
    manifest = json.loads((scratch / "out" / "manifest.json").read_text(encoding="utf-8"))
    text = json.dumps(manifest, ensure_ascii=False)
    assert hashlib.sha256(data).hexdigest() in text, "manifest.json has no sha256 of org_units.csv"
    assert manifest["files"]["org_units.csv"]["rows"] == len(rows) - 1
    assert "exported_at" in manifest and "exported_by" in manifest


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_back_to_the_same_records(make_db, workdir, scratch, fmt):
    source = make_db()
    seed(source, workdir)
    before = export_csv(source, scratch / "before")
    target = scratch / ("dataset.xlsx" if fmt == "xlsx" else "dataset")
    run_cli("export", "--format", fmt, str(target), db=source)
    if fmt == "xlsx":
        assert target.is_file() and target.read_bytes()[:2] == b"PK", "the .xlsx is not a zip file"
    copy = make_db()
    run_cli("import", str(target), db=copy)
    assert export_csv(copy, scratch / "after") == before
    # Loading the same dataset again changes nothing and exits 0.
    run_cli("import", str(target), db=copy)
    assert export_csv(copy, scratch / "again") == before


def test_vietnamese_headers_labels_dates_and_a_byte_order_mark_are_accepted(make_db, scratch):
    canonical = write_dataset(scratch / "canonical", (
        "code,name,kind,parent_code,sector,has_committee,founded_on,dissolved_on\r\n"
        "TW,Trung ương,central,,other,true,,\r\n"
        "T01,Đảng bộ tỉnh Thử Nghiệm,provincial,TW,other,true,1945-09-02,\r\n"
        "T01-A,Đảng bộ xã An Bình,base,T01,commune,true,2000-01-01,\r\n"
        "T01-A-C1,Chi bộ thôn 1,cell,T01-A,commune,false,2001-03-15,\r\n"))
    # The same records as a user's spreadsheet has them: Vietnamese headers (any case), labels, DD/MM/YYYY, a BOM.
    vietnamese = write_dataset(scratch / "vietnamese", (
        "MÃ,Tên tổ chức,loại,Mã cấp trên,Khu vực,Có cấp ủy,Ngày thành lập,Ngày giải thể\r\n"
        "TW,Trung ương,Trung ương,,other,có,,\r\n"
        "T01,Đảng bộ tỉnh Thử Nghiệm,Đảng bộ tỉnh,TW,other,có,02/09/1945,\r\n"
        "T01-A,Đảng bộ xã An Bình,Cơ sở,T01,commune,có,01/01/2000,\r\n"
        "T01-A-C1,Chi bộ thôn 1,Chi bộ,T01-A,commune,không,15/03/2001,\r\n"), bom=True)
    first, second = make_db(), make_db()
    run_cli("import", str(canonical), db=first)
    result = run_cli("import", str(vietnamese), db=second, check=False)
    assert result.returncode == 0, result.stderr
    assert export_csv(second, scratch / "out-vi") == export_csv(first, scratch / "out-en")


def test_an_unknown_file_is_refused_by_name_and_nothing_is_stored(make_db, scratch):
    db = make_db()
    folder = write_dataset(scratch / "unknown-file", ORG_UNITS)
    (folder / "khong_biet.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    result = run_cli("import", str(folder), db=db, check=False)
    assert result.returncode != 0
    assert "khong_biet.csv" in result.stderr, result.stderr
    rows = export_csv(db, scratch / "out").decode("utf-8-sig").strip().splitlines()
    assert len(rows) == 1, f"units were stored although the import was refused: {rows}"


def test_an_unknown_column_is_refused_and_nothing_is_stored(make_db, scratch):
    db = make_db()
    folder = write_dataset(scratch / "unknown-column", "code,name,kind,parent_code,ghi_chu\nTW,Trung ương,central,,x\n")
    result = run_cli("import", str(folder), db=db, check=False)
    assert result.returncode != 0
    assert "org_units.csv:1:" in result.stderr and "ghi_chu" in result.stderr, result.stderr
    rows = export_csv(db, scratch / "out").decode("utf-8-sig").strip().splitlines()
    assert len(rows) == 1, f"units were stored although the import was refused: {rows}"


def test_a_backup_restores_into_a_new_database_with_the_same_units_users_and_an_intact_audit_log(make_db, workdir, scratch):
    source = make_db()
    seed(source, workdir)
    before = export_csv(source, scratch / "before")
    users_before = json.loads(run_cli("user", "list", "--format", "json", db=source).stdout)
    backup = scratch / "tochuc.backup"
    run_cli("backup", str(backup), db=source)
    assert backup.is_file() and backup.stat().st_size > 0
    target = make_db()
    run_cli("restore", str(backup), db=target)
    assert export_csv(target, scratch / "after") == before
    users_after = json.loads(run_cli("user", "list", "--format", "json", db=target).stdout)
    assert sorted(u["username"] for u in users_after) == sorted(u["username"] for u in users_before)
    assert len(users_after) == 8
    verify = run_cli("audit", "verify", db=target)
    assert verify.stdout.startswith("OK: "), verify.stdout
