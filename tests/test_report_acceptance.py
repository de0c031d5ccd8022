"""Issue 7, done when: on a province dataset shaped like the seeds' (built from INTERCHANGE.md files), the 2022 report
reproduces figures of the kind seed 001 gives — "Thành lập mới 3 tổ chức đảng ngoài khu vực nhà nước. Toàn tỉnh có
933/954 chi bộ có cấp ủy. Kết nạp được 1.666 đảng viên mới, tăng 518 … so với năm 2021" — computed from records, and
each figure equals an independent count made here from the same files by DOMAIN.md §5's definitions."""
import csv
import io
import json
import random
from datetime import date, timedelta

import docx
import openpyxl

from conftest import run_cli

PERIOD_FROM, PERIOD_TO = date(2022, 1, 1), date(2022, 12, 31)
PREVIOUS_FROM, PREVIOUS_TO = date(2021, 1, 1), date(2021, 12, 31)
LEAVING = ["expelled", "removed", "resigned", "deceased"]


def iso(d):
    return d.isoformat() if d else ""


def generate(folder):
    """A province before the 2025 reform: districts, communes with cells, state agencies, non-state enterprises founded
    over the years; members admitted 2012–2023 with recognitions, departures and transfers out; cadre approvals;
    ratings of 2022. Deterministic."""
    rnd = random.Random(2022)
    units = [dict(code="P51", name="Đảng bộ tỉnh Thử Nghiệm", kind="provincial", parent_code="", sector="other",
                  has_committee="true", founded_on="1945-09-02", dissolved_on="")]

    def add(code, name, kind, parent, sector, committee, founded, dissolved=None):
        units.append(dict(code=code, name=name, kind=kind, parent_code=parent, sector=sector, has_committee="true" if committee else "false",
                          founded_on=iso(founded), dissolved_on=iso(dissolved)))

    for d in range(1, 5):
        district = f"P51-H{d}"
        add(district, f"Đảng bộ huyện Số {d}", "upper_base", "P51", "state_agency", True, date(1976, 1, 1))
        for x in range(1, 4):
            commune = f"{district}-X{x}"
            add(commune, f"Đảng bộ xã {d}.{x}", "base", district, "commune", True, date(1990, 1, 1))
            for c in range(1, 5):
                add(f"{commune}-C{c}", f"Chi bộ thôn {c}", "cell", commune, "commune", rnd.random() < 0.9, date(1990, 1, 1))
    # One cell dissolved in mid-2022 (not counted on the period's last day) and one founded in 2023 (not yet).
    add("P51-H1-X1-C9", "Chi bộ thôn cũ", "cell", "P51-H1-X1", "commune", True, date(1990, 1, 1), date(2022, 6, 30))
    add("P51-H2-X1-C9", "Chi bộ thôn mới", "cell", "P51-H2-X1", "commune", True, date(2023, 2, 1))
    # Enterprises outside the state sector, founded over the years (three in 2022, as seed 001 says), and a state one.
    for i, founded in enumerate([date(2019, 5, 5), date(2021, 3, 1), date(2022, 3, 15), date(2022, 8, 1), date(2022, 12, 31), date(2023, 1, 2)]):
        add(f"P51-DN{i + 1}", f"Chi bộ Công ty TNHH Số {i + 1}", "base", "P51", "non_state_enterprise", i % 2 == 0, founded)
    add("P51-DNNN", "Đảng bộ Công ty Nhà nước", "base", "P51", "state_enterprise", True, date(2022, 5, 1))

    member_units = [u["code"] for u in units if u["kind"] == "cell" and not u["dissolved_on"]] + ["P51-DN1", "P51-DN2", "P51-DN5"]
    members = []
    for n in range(1, 401):
        unit = rnd.choice(member_units)
        founded = next(date.fromisoformat(u["founded_on"]) for u in units if u["code"] == unit)
        admitted = date(2012, 1, 1) + timedelta(days=rnd.randrange(0, 12 * 365))
        birth = date(admitted.year - rnd.randrange(19, 45), rnd.randrange(1, 13), rnd.randrange(1, 28))
        gender = rnd.choice(["male", "female"])
        status, recognized, left = "full", admitted + timedelta(days=365 + rnd.randrange(0, 30)), None
        if recognized > date(2024, 6, 1):
            recognized = admitted + timedelta(days=365)
        fate = rnd.random()
        if fate < 0.12:
            status = rnd.choice(LEAVING + ["transferred_out"])
            left = recognized + timedelta(days=rnd.randrange(1, 900))
            if left > date(2025, 12, 31):
                left = date(2022, 7, 1) if recognized < date(2022, 7, 1) else recognized + timedelta(days=1)
        members.append(dict(card_no=str(79000000 + n), national_id="", full_name=f"Đảng Viên Số {n}", gender=gender, birth_date=iso(birth),
                            ethnicity="Kinh", religion="", unit_code=unit, status=status, admitted_on=iso(max(admitted, founded)),
                            recognized_on=iso(max(recognized, founded + timedelta(days=366))), left_on=iso(left), education="12/12",
                            qualification="bachelor", political_theory="elementary"))
        if members[-1]["left_on"] and members[-1]["left_on"] <= members[-1]["recognized_on"]:
            members[-1]["left_on"] = iso(date.fromisoformat(members[-1]["recognized_on"]) + timedelta(days=1))

    # Approvals of cadres' positions by managing level, in 2021, 2022 and 2023.
    full = [m for m in members if m["status"] == "full"]
    positions = []
    for i, (level, approved) in enumerate([("provincial", "2022-02-10"), ("provincial", "2022-11-30"), ("upper_base", "2022-06-01"),
                                           ("base", "2022-12-31"), ("base", "2023-01-01"), ("central", "2021-12-31")]):
        m = full[i]
        positions.append(dict(national_id="", card_no=m["card_no"], unit_code=m["unit_code"].rsplit("-", 1)[0] if "-C" in m["unit_code"] else m["unit_code"],
                              title="Bí thư" if i % 2 == 0 else "Phó Bí thư", started_on=approved, ended_on="", start_kind="appointed", end_kind="",
                              managed_by=level, approved_on=approved, full_name="", gender="", birth_date=""))

    # Ratings of 2022: per cell, at most one "excellent" for every five "good" (the quota of 20%).
    evaluations = []
    by_unit = {}
    for m in members:
        if m["status"] == "full" and m["recognized_on"] <= "2022-12-31":
            by_unit.setdefault(m["unit_code"], []).append(m)
    for unit, people in sorted(by_unit.items()):
        ratings = [rnd.choice(["good", "good", "good", "done", "not_done"]) for _ in people]
        if ratings[1:].count("good") >= 5:
            ratings[0] = "excellent"
        evaluations += [dict(year="2022", subject=m["card_no"], rating=r, score="") for m, r in zip(people, ratings)]

    for name, rows in [("org_units.csv", units), ("members.csv", members), ("positions.csv", positions), ("evaluations.csv", evaluations)]:
        with open(folder / name, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(rows)
    return units, members, positions, evaluations


def exists_on(unit, day):
    founded = date.fromisoformat(unit["founded_on"]) if unit["founded_on"] else date.min
    dissolved = date.fromisoformat(unit["dissolved_on"]) if unit["dissolved_on"] else None
    return founded <= day and (dissolved is None or dissolved > day)


def expected_figures(units, members, positions, evaluations):
    """DOMAIN.md §5's definitions, counted again from the files (every unit lies in the province's subtree)."""
    by_code = {u["code"]: u for u in units}

    def in_period(text, start, end):
        return bool(text) and start <= date.fromisoformat(text) <= end

    def member_unit_exists(m, day):
        return exists_on(by_code[m["unit_code"]], day)

    cells = [u for u in units if u["kind"] == "cell" and exists_on(u, PERIOD_TO)]
    left = {kind: sum(1 for m in members if m["status"] == kind and in_period(m["left_on"], PERIOD_FROM, PERIOD_TO) and member_unit_exists(m, PERIOD_TO))
            for kind in LEAVING}
    ratings = {r: 0 for r in ["excellent", "good", "done", "not_done"]}
    cards = {m["card_no"]: m for m in members}
    for e in evaluations:
        if member_unit_exists(cards[e["subject"]], PERIOD_TO):
            ratings[e["rating"]] += 1
    return {
        "cells": len(cells),
        "cells_with_committee": sum(1 for u in cells if u["has_committee"] == "true"),
        "admitted": sum(1 for m in members if in_period(m["admitted_on"], PERIOD_FROM, PERIOD_TO) and member_unit_exists(m, PERIOD_TO)),
        "admitted_previous": sum(1 for m in members if in_period(m["admitted_on"], PREVIOUS_FROM, PREVIOUS_TO) and member_unit_exists(m, PREVIOUS_TO)),
        "recognized": sum(1 for m in members if in_period(m["recognized_on"], PERIOD_FROM, PERIOD_TO) and member_unit_exists(m, PERIOD_TO)),
        "left": left,
        "transferred_out": sum(1 for m in members if m["status"] == "transferred_out" and in_period(m["left_on"], PERIOD_FROM, PERIOD_TO)
                               and member_unit_exists(m, PERIOD_TO)),
        "new_units_non_state": sum(1 for u in units if u["kind"] == "base" and u["sector"] == "non_state_enterprise"
                                   and in_period(u["founded_on"], PERIOD_FROM, PERIOD_TO) and exists_on(u, PERIOD_TO)),
        "approvals": {level: sum(1 for p in positions if p["managed_by"] == level and in_period(p["approved_on"], PERIOD_FROM, PERIOD_TO))
                      for level in ["central", "provincial", "upper_base", "base"]},
        "ratings": ratings,
    }


def vi(n):
    return f"{n:,}".replace(",", ".")


def ratio(part, whole):
    hundredths = part * 10000 // whole if whole else 0
    return f"{vi(part)}/{vi(whole)} ({hundredths // 100},{hundredths % 100:02d}%)"


def test_the_2022_report_of_a_seed_shaped_province_matches_an_independent_count(fresh_db, workdir, tmp_path):
    units, members, positions, evaluations = generate(tmp_path)
    run_cli("import", str(tmp_path), db=fresh_db)
    report = json.loads(run_cli("report", "--unit", "P51", "--period", "2022", "--format", "json", db=fresh_db).stdout)
    assert report["period"] == {"from": "2022-01-01", "to": "2022-12-31", "key": "2022", "label_vi": "năm 2022", "label_en": "the year 2022"}
    expected = expected_figures(units, members, positions, evaluations)
    figures = report["figures"]
    for key, value in expected.items():
        assert figures[key] == value, f"{key}: report {figures[key]} ≠ counted {value}"
    # The dataset is shaped like seed 001: most cells have a committee, three non-state units founded in 2022, admissions
    # in both years (the comparison is not trivially zero).
    assert expected["new_units_non_state"] == 3 and 0 < expected["cells_with_committee"] < expected["cells"]
    assert expected["admitted"] > 0 and expected["admitted_previous"] > 0
    # The sentences of the seed, in Vietnamese formatting, in the Word document.
    out = tmp_path / "bao-cao-2022.docx"
    run_cli("report", "--unit", "P51", "--period", "2022", "--format", "docx", "--output", str(out), db=fresh_db)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    change = expected["admitted"] - expected["admitted_previous"]
    trend = "bằng" if change == 0 else (f"tăng {vi(change)} so với" if change > 0 else f"giảm {vi(-change)} so với")
    assert f"Toàn đảng bộ có {ratio(expected['cells_with_committee'], expected['cells'])} chi bộ có cấp ủy." in text, text
    assert f"Kết nạp {vi(expected['admitted'])} đảng viên mới, {trend} năm 2021 ({vi(expected['admitted_previous'])})." in text, text
    assert "Thành lập mới 3 tổ chức cơ sở đảng trong doanh nghiệp ngoài khu vực nhà nước." in text, text
    # The workbook carries the same figures as numbers.
    book_path = tmp_path / "bao-cao-2022.xlsx"
    run_cli("report", "--unit", "P51", "--period", "2022", "--format", "xlsx", "--output", str(book_path), db=fresh_db)
    book = openpyxl.load_workbook(book_path)
    lines = {row[0]: row[2] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert lines["admitted"] == expected["admitted"] and lines["cells"] == expected["cells"]
    assert lines["approvals.provincial"] == expected["approvals"]["provincial"] and lines["left.deceased"] == expected["left"]["deceased"]
    assert all(isinstance(v, (int, float)) for v in lines.values())
