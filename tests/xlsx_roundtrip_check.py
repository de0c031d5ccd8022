#!/usr/bin/env python3
"""Cross-checks the Swift XLSX reader/writer (Sources/ToChucServices/Interchange/XLSX.swift) with openpyxl.

Not part of the automatic test run (openpyxl is not in tests/requirements.txt). By hand:

    python3 -m venv /tmp/xlsxvenv && /tmp/xlsxvenv/bin/pip install openpyxl

    # 1. Does openpyxl open what Swift writes, with the same values, numbers as numbers, a bold frozen header?
    mkdir -p /tmp/xlsx-export
    TOCHUC_XLSX_EXPORT=/tmp/xlsx-export swift test --filter XLSXTests
    /tmp/xlsxvenv/bin/python tests/xlsx_roundtrip_check.py check /tmp/xlsx-export/swift-sample.xlsx

    # 2. Regenerate the fixture that XLSXTests reads (an openpyxl-written workbook; openpyxl 3.1 for rich text).
    #    openpyxl writes every text as an inline string; Excel keeps text in xl/sharedStrings.xml. So the text
    #    of the first sheet is then moved to a shared-string table as Excel would store it (rich text included);
    #    the second sheet keeps openpyxl's inline strings.
    /tmp/xlsxvenv/bin/python tests/xlsx_roundtrip_check.py make-fixture \
        Tests/ToChucServicesTests/Fixtures/openpyxl-sample.xlsx
"""

import datetime
import json
import math
import sys


def make_fixture(path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Nhân sự"
    ws.append(["Mã", "Họ và tên", "Ngày sinh", "Lương", "Đang làm", "Ghi chú"])
    ws.append(["NV001", "Nguyễn Văn An", datetime.date(1990, 5, 17), 12000000, True, 'có dấu phẩy, "ngoặc kép"'])
    ws.append(["NV002", "Trần Thị Bình", None, 3.5, False, "  khoảng trắng đầu"])  # empty middle cell (C3)
    # Row 4 left empty on purpose; row 5 follows it.
    ws["A5"] = "NV003"
    try:  # rich text runs (openpyxl 3.1+); a plain string with the same text otherwise
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import InlineFont
        ws["B5"] = CellRichText(["Lê ", TextBlock(InlineFont(b=True), "Văn"), " Cường"])
    except ImportError:
        ws["B5"] = "Lê Văn Cường"
    ws["C5"] = datetime.datetime(2024, 1, 15, 8, 30)  # date with a time (yyyy-mm-dd h:mm:ss)
    ws["D5"] = -0.1
    ws["F5"] = "=không phải công thức"
    ws["F5"].data_type = "s"  # a text that starts with "=", stored as a string
    ws["A6"] = "NV004"
    ws["C6"] = datetime.date(2000, 2, 29)
    ws["C6"].number_format = "dd/mm/yyyy"  # custom date format
    ws["D6"] = 0.25
    ws["D6"].number_format = "0%"  # a number format that is not a date
    ws["E6"] = "=1+1"  # a formula; openpyxl saves no cached value
    ws["G6"] = 84912345678  # an integer wider than Int32

    ws2 = wb.create_sheet("Đơn vị")
    ws2.append(["Mã đơn vị", "Tên", "Cấp"])
    ws2.append(["DV01", "Phòng Tổ chức", 1])
    ws2.append(["DV02", "Ban Giám đốc & Văn phòng", 2])
    wb.save(path)
    move_strings_to_shared_table(path, "xl/worksheets/sheet1.xml")
    load_workbook_or_fail(path)


def move_strings_to_shared_table(path, sheet):
    """Rewrites the inline strings of one worksheet as shared strings (xl/sharedStrings.xml), as Excel saves."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        parts = {name: z.read(name) for name in names}
    strings = []

    def shared(match):
        attributes, body = match.group(1), match.group(2)
        if body not in strings:
            strings.append(body)
        return f'<c{attributes} t="s"><v>{strings.index(body)}</v></c>'

    xml = parts[sheet].decode("utf-8")
    xml, count = re.subn(r'<c([^>]*?) t="inlineStr"><is>(.*?)</is></c>', shared, xml)
    parts[sheet] = xml.encode("utf-8")
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="{main}" count="{count}" uniqueCount="{len(strings)}">'
        + "".join(f"<si>{body}</si>" for body in strings)
        + "</sst>"
    ).encode("utf-8")
    names.append("xl/sharedStrings.xml")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSharedStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in names:
            z.writestr(name, parts[name])


def load_workbook_or_fail(path):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    assert wb["Nhân sự"]["B2"].value == "Nguyễn Văn An", wb["Nhân sự"]["B2"].value
    assert str(wb["Nhân sự"]["B5"].value) == "Lê Văn Cường", wb["Nhân sự"]["B5"].value


def decode_ooxml_escapes(value):
    """Excel decodes _xHHHH_ in every string (a literal "_x0041_" is stored as "_x005F_x0041_");
    openpyxl does so only in part for shared strings, and not at all for inline strings."""
    if not isinstance(value, str) or "_x" not in value:
        return value
    import re

    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def check(path, expected_path=None):
    from openpyxl import load_workbook

    if expected_path is None:
        expected_path = path.rsplit(".", 1)[0] + ".json"
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)

    wb = load_workbook(path)
    problems = []
    names = wb.sheetnames
    if names != [s["name"] for s in expected]:
        problems.append(f"sheet names {names} != {[s['name'] for s in expected]}")
    for sheet in expected:
        if sheet["name"] not in names:
            continue
        ws = wb[sheet["name"]]
        for r, row in enumerate(sheet["rows"], start=1):
            for c, want in enumerate(row, start=1):
                got = decode_ooxml_escapes(ws.cell(row=r, column=c).value)
                if isinstance(want, (int, float)) and not isinstance(want, bool):
                    ok = isinstance(got, (int, float)) and not isinstance(got, bool) and math.isclose(got, want)
                else:
                    ok = got == want
                if not ok:
                    problems.append(f"{sheet['name']}!{ws.cell(row=r, column=c).coordinate}: {got!r} != {want!r}")
        if sheet["rows"]:
            if ws.freeze_panes != "A2":
                problems.append(f"{sheet['name']}: freeze_panes {ws.freeze_panes!r}, expected 'A2'")
            for cell in ws[1]:
                if cell.value is not None and not cell.font.b:
                    problems.append(f"{sheet['name']}!{cell.coordinate}: header cell not bold")
    for p in problems:
        print("MISMATCH", p)
    cells = sum(len(row) for s in expected for row in s["rows"])
    if problems:
        print(f"0 passed, 1 failed: {len(problems)} mismatches in {path}")
        return 1
    print(f"openpyxl read {path}: {len(expected)} sheets, {cells} cells as expected")
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "make-fixture":
        make_fixture(argv[2])
        return 0
    if len(argv) in (3, 4) and argv[1] == "check":
        return check(argv[2], argv[3] if len(argv) == 4 else None)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
