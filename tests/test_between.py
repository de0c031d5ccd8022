"""Between levels (issue 7, DOMAIN.md §5, §6): the document registry with its parsed numbers and chains of replacement,
proposals up the tree with their inbox, outbox, reminders and files, tasks with progress notes and focus lists, the report's
proposals_answered and tasks_open — through the API, the forms without JavaScript and the command line."""
import datetime
import io
import random
import re
import uuid

import pytest

from conftest import ADMIN_PASSWORD, PASSWORD, login, run_cli
from test_cadres import api, post_form

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


def today():
    """Today in Vietnam (UTC+7), the server's calendar day."""
    return datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).date()


def serial():
    """A document serial no other test (or run) uses."""
    return str(random.randint(10000, 999999))


@pytest.fixture(scope="module")
def province_clerk(server):
    """A clerk of the province (T01): the receiving side of the communes' proposals."""
    name = "clerk-t01-" + uuid.uuid4().hex[:6]
    run_cli("user", "add", "--username", name, "--password", PASSWORD, "--role", "clerk", "--unit", "T01",
            "--name", "Chuyên viên Ban Tổ chức Tỉnh ủy", db=server.db)
    return login(server.base, name)


def test_the_menu_leads_to_documents_proposals_and_tasks_and_the_pages_work_without_javascript(server):
    viewer = login(server.base, "viewer-t01-a")
    home = viewer.get(server.base + "/units/T01-A").text
    assert 'href="/documents"' in home
    for path in ["/documents", "/proposals", "/proposals?box=out", "/tasks", "/tasks/focus"]:
        page = viewer.get(server.base + path)
        assert page.status_code == 200, path
        assert "<script" not in page.text.split("</head>")[1], path
        assert 'aria-current="page">Văn bản' in page.text, path  # the menu marks the area
    # A viewer gets no forms to write with.
    assert 'id="document-form"' not in viewer.get(server.base + "/documents").text
    assert 'id="proposal-form"' not in viewer.get(server.base + "/proposals").text


def test_the_registry_parses_numbers_refuses_malformed_ones_and_shows_the_chain_both_ways(server, province_clerk):
    clerk = login(server.base, "clerk-t01-a")
    call = api(clerk, server.base)
    parsed = call("GET", "/documents/parse?number=" + "680-qd/tu").json()
    assert parsed["number"] == "680-QĐ/TU" and parsed["kind"] == "QĐ" and parsed["issuer"] == "TU" and parsed["key"] == "680-QD/TU"
    assert parsed["central"] is False and parsed["issuer_name_vi"].startswith("Tỉnh ủy")
    bad = call("GET", "/documents/parse?number=680-XY/TU")
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "number" and "NQ, KL, QĐ" in bad.json()["errors"][0]["message_vi"]
    # The form shows the parser's message beside the number and keeps what was typed.
    refused = post_form(clerk, server.base, "/documents", {"number": "680-QĐ", "issued_on": "16/05/2018", "title": "Quy định"}, page="/documents")
    assert refused.status_code == 422
    assert 'id="number-error"' in refused.text and "phải có dạng số-loại/cơ quan ban hành" in refused.text and 'value="680-QĐ"' in refused.text
    # A central number is refused below the top unit.
    central = post_form(clerk, server.base, "/documents", {"number": serial() + "-NQ/TW", "issued_on": "2022-06-16", "title": "Nghị quyết"},
                        page="/documents")
    assert central.status_code == 422 and "văn bản của Trung ương" in central.text
    # The province registers a regulation and its replacement; the commune sees both, and the chain both ways.
    old, new = serial(), serial()
    province = api(province_clerk, server.base)
    first = province("POST", "/documents", json={"number": old + "-QĐ/TU", "issued_on": "2010-03-01", "title": "Quy định cũ về phân cấp"})
    assert first.status_code == 201, first.text
    second = province("POST", "/documents", json={"number": new + "-QD/TU", "issued_on": "2018-05-16", "title": "Quy định về phân cấp quản lý cán bộ",
                                                 "replaces": [old + "-QĐ/TU"]})
    assert second.status_code == 201, second.text
    detail = second.json()
    assert detail["document"]["number"] == new + "-QĐ/TU" and [d["number"] for d in detail["replaces"]] == [old + "-QĐ/TU"]
    page = clerk.get(server.base + f"/documents/{first.json()['document']['id']}").text
    assert f"{new}-QĐ/TU" in page.split('id="replaced-by"')[1].split("</ul>")[0] and "Đã bị thay thế" in page
    # The commune reads it but may not change it; a cycle is refused.
    edit = call("PUT", f"/documents/{first.json()['document']['id']}", json={"number": old + "-QĐ/TU", "issued_on": "2010-03-01", "title": "x",
                                                                            "version": 1})
    assert edit.status_code == 403
    cycle = province("PUT", f"/documents/{first.json()['document']['id']}",
                     json={"number": old + "-QĐ/TU", "issued_on": "2019-03-01", "title": "x", "replaces": [new + "-QĐ/TU"], "version": 1})
    assert cycle.status_code == 422 and cycle.json()["errors"][0]["field"] == "replaces"
    # The sibling commune sees the province's documents but not the commune's own.
    own = call("POST", "/documents", json={"number": serial() + "-NQ/ĐU", "issued_on": "2025-03-01", "title": "Nghị quyết của Đảng ủy xã"})
    assert own.status_code == 201 and own.json()["document"]["issuer"] == "ĐU"
    sibling = api(login(server.base, "head-t01-b"), server.base)  # viewer-t01-b is locked by test_api's wrong passwords
    assert sibling("GET", f"/documents/{own.json()['document']['id']}").status_code == 404
    assert sibling("GET", f"/documents/{second.json()['document']['id']}").status_code == 200
    # Search by the start of a number and by title words; export with who exported it.
    found = call("GET", f"/documents?q={new}").json()
    assert [d["number"] for d in found["items"]] == [new + "-QĐ/TU"]
    assert call("GET", "/documents?q=phan%20cap%20quan%20ly&kind=QD&state=in_force").json()["total"] >= 1
    assert call("GET", "/documents?kind=XX").status_code == 422
    csv = clerk.get(server.base + f"/documents/export?q={new}&format=csv")
    assert csv.status_code == 200 and "clerk-t01-a" in csv.text.splitlines()[0] and f"{new}-QĐ/TU" in csv.text
    # A file of the document: only its registry attaches; everyone who sees it downloads, recorded.
    doc_id = second.json()["document"]["id"]
    assert call("POST", f"/documents/{doc_id}/files?name=quy-dinh.pdf", data=PDF).status_code == 403
    attached = province("POST", f"/documents/{doc_id}/files?name=Quy định.pdf", data=PDF)
    assert attached.status_code == 201 and attached.json()["content_type"] == "application/pdf"
    download = clerk.get(server.base + f"/attachments/{attached.json()['id']}")
    assert download.status_code == 200 and download.content == PDF and "filename*=UTF-8''Quy%20%C4%91%E1%BB%8Bnh.pdf" in download.headers["Content-Disposition"]
    assert province("POST", f"/documents/{doc_id}/files?name=scan.png", data=PDF).status_code == 422


def test_a_proposal_goes_up_is_answered_by_the_province_counted_and_reminded_when_overdue(server, province_clerk):
    clerk = api(login(server.base, "clerk-t01-a"), server.base)
    province = api(province_clerk, server.base)
    subject = "Xin hướng dẫn kết nạp đảng viên " + uuid.uuid4().hex[:6]
    created = clerk("POST", "/proposals", json={"kind": "recommendation", "subject": subject, "text": "Đề nghị Ban Tổ chức Tỉnh ủy hướng dẫn."})
    assert created.status_code == 201, created.text
    p = created.json()
    assert p["to_unit"] == "T01" and p["status"] == "pending" and p["due"] == "on_time" and p["received_on"] == today().isoformat()
    assert api(login(server.base, "clerk-t01-b"), server.base)("GET", f"/proposals/{p['id']}").status_code == 404
    assert clerk("GET", f"/proposals/{p['id']}").json()["side"] == "sender"
    assert province("GET", f"/proposals/{p['id']}").json()["side"] == "receiver"
    # Only the receiving side answers; a file goes with the answer.
    assert clerk("POST", f"/proposals/{p['id']}/answer", json={"version": p["version"], "answer": "Tự trả lời"}).status_code == 403
    file = province("POST", f"/proposals/{p['id']}/files?name=huong-dan.pdf", data=PDF)
    assert file.status_code == 201 and file.json()["side"] == "receiver"
    assert clerk("DELETE", f"/attachments/{file.json()['id']}").status_code == 403
    answered = province("POST", f"/proposals/{p['id']}/answer", json={"version": p["version"], "answer": "Thực hiện theo Hướng dẫn 12-HD/BTCTW."})
    assert answered.status_code == 200 and answered.json()["status"] == "answered" and answered.json()["answered_on"] == today().isoformat()
    stale = province("POST", f"/proposals/{p['id']}/assign", json={"version": p["version"], "handler": "Chuyên viên"})
    assert stale.status_code == 409
    assert clerk("POST", f"/proposals/{p['id']}/withdraw", json={"version": answered.json()["version"], "reason": "x"}).status_code == 422
    history = clerk("GET", f"/proposals/{p['id']}/history").json()["items"]
    assert [e["action"] for e in history] == ["create", "attach", "answer"]
    # Counted by the answer's date for the receiving unit: the province's inbox, the commune's outbox.
    counts = province("GET", "/proposals/counts?unit=T01").json()
    assert counts["inbox"]["answered"] >= 1 and counts["unit"] == "T01"
    assert clerk("GET", "/proposals/counts").json()["outbox"]["answered"] >= 1
    report = province("GET", f"/units/T01/report?period={today().year}").json()
    assert report["figures"]["proposals_answered"] == counts["inbox"]["answered"]
    # An old unanswered one is overdue: highlighted, listed by the filter, and the sender may remind once a day.
    old = clerk("POST", "/proposals", json={"subject": "Chưa được trả lời " + uuid.uuid4().hex[:6], "text": "Nội dung",
                                            "received_on": (today() - datetime.timedelta(days=40)).isoformat()}).json()
    assert old["due"] == "overdue"
    overdue = province("GET", "/proposals?box=in&unit=T01&due=overdue&per_page=200").json()
    assert old["id"] in [x["id"] for x in overdue["items"]] and all(x["due"] == "overdue" for x in overdue["items"])
    reminded = clerk("POST", f"/proposals/{old['id']}/remind", json={"version": old["version"]})
    assert reminded.status_code == 200 and reminded.json()["reminders"] == 1
    assert clerk("POST", f"/proposals/{old['id']}/remind", json={"version": reminded.json()["version"]}).status_code == 422
    inbox = province_clerk.get(server.base + "/proposals?unit=T01").text
    assert 'id="overdue-banner"' in inbox and f'<tr class="due-overdue"><td><a href="/proposals/{old["id"]}">' in inbox
    # Not to a unit below or beside the sender.
    assert clerk("POST", "/proposals", json={"subject": "Sai", "text": "x", "to_unit": "T01-B"}).status_code == 422


def test_proposal_forms_work_without_javascript_with_a_file_and_a_stale_answer_is_refused(server, province_clerk):
    clerk = login(server.base, "clerk-t01-a")
    token = re.search(r'name="_csrf" value="([0-9a-f]+)"', clerk.get(server.base + "/proposals").text).group(1)
    subject = "Đề nghị bổ sung biên chế " + uuid.uuid4().hex[:6]
    sent = clerk.post(server.base + "/proposals", data={"_csrf": token, "kind": "proposal", "from_unit": "T01-A", "to_unit": "", "subject": subject,
                                                        "text": "Nội dung đề nghị", "received_on": ""},
                      files={"file": ("Tờ trình.pdf", io.BytesIO(PDF), "application/pdf")}, allow_redirects=False)
    assert sent.status_code == 303 and "created=1" in sent.headers["Location"], sent.text[:500]
    page = clerk.get(server.base + sent.headers["Location"]).text
    assert "Tờ trình.pdf" in page and 'id="proposal-withdraw-form"' in page and 'id="proposal-answer-form"' not in page
    pid = int(re.search(r"/proposals/(\d+)", sent.headers["Location"]).group(1))
    # A renamed file is refused and nothing is stored.
    token = re.search(r'name="_csrf" value="([0-9a-f]+)"', clerk.get(server.base + "/proposals").text).group(1)
    renamed = clerk.post(server.base + "/proposals", data={"_csrf": token, "subject": "Tệp sai " + uuid.uuid4().hex[:6], "text": "x"},
                         files={"file": ("bang.xlsx", io.BytesIO(PDF), "application/octet-stream")}, allow_redirects=False)
    assert renamed.status_code == 422 and "Nội dung tệp không phải định dạng .xlsx" in renamed.text
    # The province answers through its form; the same form again (an old version) is refused with what changed.
    form = province_clerk.get(server.base + f"/proposals/{pid}").text
    assert 'id="proposal-answer-form"' in form
    version = re.search(r'id="proposal-answer-form">.*?name="version" value="(\d+)"', form, re.S).group(1)
    data = {"version": version, "answer": "Đồng ý bổ sung.", "answered_on": today().strftime("%d/%m/%Y")}
    done = post_form(province_clerk, server.base, f"/proposals/{pid}/answer", data, page=f"/proposals/{pid}")
    assert done.status_code == 303
    again = post_form(province_clerk, server.base, f"/proposals/{pid}/answer", data, page=f"/proposals/{pid}")
    assert again.status_code == 409 and "Đồng ý bổ sung." in again.text
    shown = clerk.get(server.base + f"/proposals/{pid}").text
    assert "Đã trả lời" in shown and "Đồng ý bổ sung." in shown
    xlsx = clerk.get(server.base + "/proposals/export?box=out&format=xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_tasks_implement_a_document_with_progress_notes_focus_lists_and_the_report_counts_those_open(server, province_clerk):
    import openpyxl

    province = api(province_clerk, server.base)
    number = serial() + "-KH/TU"
    document = province("POST", "/documents", json={"number": number, "issued_on": "2026-01-05", "title": "Kế hoạch thực hiện Nghị quyết 21"}).json()
    clerk = login(server.base, "clerk-t01-a")
    year = today().year
    title = "Kiện toàn chi bộ " + uuid.uuid4().hex[:6]
    created = post_form(clerk, server.base, "/tasks", {"title": title, "unit_code": "T01-A", "assigned_by": "", "document": number,
                                                       "owner": "Phó Bí thư", "assigned_on": f"02/01/{year}", "deadline": f"30/06/{year}",
                                                       "focus_year": str(year), "description": ""}, page="/tasks")
    assert created.status_code == 303, created.text[:500]
    tid = int(re.search(r"/tasks/(\d+)", created.headers["Location"]).group(1))
    page = clerk.get(server.base + f"/tasks/{tid}").text
    assert number in page and 'id="task-note-form"' in page
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    noted = post_form(clerk, server.base, f"/tasks/{tid}/note", {"version": version, "note": "Đã rà soát 5 chi bộ", "progress": "60", "noted_on": ""},
                      page=f"/tasks/{tid}")
    assert noted.status_code == 303
    call = api(clerk, server.base)
    task = call("GET", f"/tasks/{tid}").json()
    assert task["task"]["status"] == "in_progress" and task["task"]["progress"] == 60 and task["notes"][0]["text"] == "Đã rà soát 5 chi bộ"
    assert task["task"]["document_id"] == document["document"]["id"]
    # Cited on the document's page; the focus list shows its bar.
    assert f"/tasks/{tid}" in province_clerk.get(server.base + f"/documents/{document['document']['id']}").text
    focus = clerk.get(server.base + f"/tasks/focus?year={year}").text
    assert 'id="focus-chart"' in focus and title[:32] in focus and "60%" in focus
    # Open on a day: what the report counts, and where its figure links.
    end = f"{year}-12-31"
    open_tasks = call("GET", f"/tasks?unit=T01-A&open_on={end}&per_page=200").json()
    assert tid in [t["id"] for t in open_tasks["items"]]
    report = call("GET", f"/units/T01-A/report?period={year}").json()
    assert report["figures"]["tasks_open"] == open_tasks["total"]
    html = clerk.get(server.base + f"/reports?unit=T01-A&period={year}").text
    row = html.split('id="figure-tasks_open"')[1].split("</tr>")[0]
    assert f"/tasks?unit=T01-A&amp;open_on={end}" in row
    row = html.split('id="figure-proposals_answered"')[1].split("</tr>")[0]
    assert "/proposals?box=in&amp;unit=T01-A&amp;status=answered&amp;date_field=answered" in row
    assert "VI. Đề xuất, kiến nghị và nhiệm vụ" in html
    # Done: no longer open on the day after; the sibling does not see it; a step without a reason is refused.
    version = call("GET", f"/tasks/{tid}").json()["task"]["version"]
    done = call("POST", f"/tasks/{tid}/complete", json={"version": version})
    assert done.status_code == 200 and done.json()["status"] == "done" and done.json()["progress"] == 100
    assert call("POST", f"/tasks/{tid}/reopen", json={"version": done.json()["version"], "reason": ""}).status_code == 422
    assert api(login(server.base, "clerk-t01-b"), server.base)("GET", f"/tasks/{tid}").status_code == 404
    book = openpyxl.load_workbook(io.BytesIO(clerk.get(server.base + f"/tasks/export?focus_year={year}&format=xlsx").content))
    assert any(title in (row[0] or "") for row in book.worksheets[0].iter_rows(values_only=True))


def test_the_three_files_load_all_or_nothing_through_the_command_line_and_come_back_out(server, fresh_db, workdir):
    from conftest import ORG_UNITS

    folder = workdir / ("between-" + uuid.uuid4().hex[:6])
    folder.mkdir()
    (folder / "org_units.csv").write_text(ORG_UNITS, encoding="utf-8")
    (folder / "documents.csv").write_text("Số ký hiệu,Ngày ban hành,Trích yếu,Đơn vị quản lý,Thay thế,Ghi chú\n"
                                          "680-QĐ/TU,16/05/2018,Quy định về phân cấp quản lý cán bộ,T01,335-QĐ/TU,\n"
                                          "335-QĐ/TU,01/03/2010,Quy định cũ,T01,,\n"
                                          "21-NQ/TW,16/06/2022,Nghị quyết về tổ chức cơ sở đảng,TW,,\n", encoding="utf-8")
    (folder / "proposals.csv").write_text("from_unit,to_unit,kind,subject,text,received_on,handler,status,answer,answered_on,withdrawn_on\n"
                                          "T01-A,T01,Kiến nghị,Xin hướng dẫn,Nội dung,2026-07-01,,,Trả lời,2026-07-31,\n", encoding="utf-8")
    (folder / "tasks.csv").write_text("unit_code,assigned_by,document,title,description,owner,assigned_on,deadline,status,progress,closed_on,focus_year\n"
                                      "T01-A,T01,21-NQ/TW,Xây dựng kế hoạch,,,2026-01-10,2026-06-30,,40,,2026\n", encoding="utf-8")
    bad = workdir / ("between-bad-" + uuid.uuid4().hex[:6])
    bad.mkdir()
    (bad / "documents.csv").write_text("number,issued_on,title,unit_code\n680-QĐ,2018-05-16,Quy định,T01\n", encoding="utf-8")
    run_cli("import", str(folder / "org_units.csv"), db=fresh_db)
    failed = run_cli("import", str(bad), "--lang", "en", db=fresh_db, check=False)
    assert failed.returncode != 0 and "documents.csv:2: number:" in failed.stderr, failed.stderr
    first = run_cli("import", str(folder), db=fresh_db)
    again = run_cli("import", str(folder), db=fresh_db)
    assert first.stdout != again.stdout
    out = workdir / ("between-out-" + uuid.uuid4().hex[:6])
    run_cli("export", "--format", "csv", str(out), db=fresh_db)
    assert "680-QĐ/TU,2018-05-16" in (out / "documents.csv").read_text(encoding="utf-8")
    assert "T01-A,T01,recommendation,Xin hướng dẫn" in (out / "proposals.csv").read_text(encoding="utf-8")
    assert "Xây dựng kế hoạch" in (out / "tasks.csv").read_text(encoding="utf-8")
    report = run_cli("report", "--unit", "T01", "--period", "2026-07", "--format", "json", db=fresh_db)
    assert '"proposals_answered":1' in report.stdout.replace(" ", "") and '"tasks_open":1' in report.stdout.replace(" ", "")
