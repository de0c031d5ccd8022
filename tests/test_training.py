"""Training and exams (issue 5, DOMAIN.md §3; seed 004): courses, trainees and results, the counts of the briefing
report, exam sessions with scores and pass marks, training plans after a failed sát hạch and the staff-reduction list —
through the API and through the forms, without JavaScript."""
import csv
import io
import re
import uuid
from pathlib import Path

from conftest import login, run_cli
from test_cadres import api, post_form


def new_course(call, unit="T01-A", starts="2025-03-01", ends="2025-03-31", kind="professional", **extra):
    created = call("POST", "/training/courses", json={"kind": kind, "name": "Lớp bồi dưỡng " + uuid.uuid4().hex[:6], "organizer_code": unit,
                                                      "starts_on": starts, "ends_on": ends, **extra})
    assert created.status_code == 201, created.text
    return created.json()


def test_a_course_takes_trainees_records_results_and_counts_them(server):
    clerk = login(server.base, "clerk-t01-a")
    call = api(clerk, server.base)
    course = new_course(call, starts="2025-04-01", ends="2025-04-10", kind="theory_elementary", place="Trung tâm Chính trị")
    assert course["code"] == f"LOP-2025-{course['id']}" and course["status"] == "finished" and course["organizer_code"] == "T01-A"
    added = call("POST", f"/training/courses/{course['id']}/trainees", json={"person": "50000001"})
    assert added.status_code == 201, added.text
    enrollment = added.json()
    # Sent by default by the unit holding the record (the member's cell; other modules may have moved him between cells).
    assert enrollment["person"]["full_name"] == "Nguyễn Văn Tùng" and enrollment["result"] is None
    assert enrollment["sending_unit_code"] == enrollment["person"]["unit_code"]
    assert call("POST", f"/training/courses/{course['id']}/trainees", json={"person": "50000001"}).status_code == 422
    bulk = call("POST", f"/training/courses/{course['id']}/trainees/bulk", json={"numbers": ["50000002", "50000001", "99999999"]})
    assert bulk.status_code == 422 and "99999999" in bulk.text
    bulk = call("POST", f"/training/courses/{course['id']}/trainees/bulk", json={"numbers": ["50000002", "50000001"]})
    assert bulk.status_code == 201 and bulk.json()["already_enrolled"] == ["50000001"]
    # A certificate needs a completed result; the result is saved with its version, a stale one is refused.
    bad = call("PUT", f"/training/enrollments/{enrollment['id']}", json={"version": 1, "certificate_no": "CC-9"})
    assert bad.status_code == 422 and "certificate_no" in bad.text
    saved = call("PUT", f"/training/enrollments/{enrollment['id']}", json={"version": 1, "result": "Giỏi", "certificate_no": "CC-9",
                                                                         "certificate_on": "2025-04-11"})
    assert saved.status_code == 200, saved.text
    assert saved.json()["result"] == "excellent" and saved.json()["version"] == 2
    stale = call("PUT", f"/training/enrollments/{enrollment['id']}", json={"version": 1, "result": "pass"})
    assert stale.status_code == 409 and "result" in stale.text
    # The counts of the report, for the commune and the period.
    summary = call("GET", "/training/summary?unit=T01-A&from=2025-04-01&to=2025-04-01").json()
    assert summary["trained"] >= 2 and any(c["course"]["id"] == course["id"] and c["trainees"] == 2 for c in summary["courses"])
    before = call("GET", "/training/summary?unit=T01-A&from=2025-04-02&to=2025-04-30").json()
    assert all(c["course"]["id"] != course["id"] for c in before["courses"])
    # The sibling commune neither sees nor changes the course; a viewer reads only.
    other = api(login(server.base, "clerk-t01-b"), server.base)
    assert other("GET", f"/training/courses/{course['id']}").status_code == 404
    assert other("PUT", f"/training/enrollments/{enrollment['id']}", json={"version": 2}).status_code == 404
    viewer = api(login(server.base, "viewer-t01-a"), server.base)
    detail = viewer("GET", f"/training/courses/{course['id']}").json()
    assert [t["person"]["full_name"] for t in detail["trainees"]] == ["Đặng Thị Lan", "Nguyễn Văn Tùng"]
    assert detail["trainees"][1]["person"]["national_id"] != "001085012345"  # masked for viewers
    assert viewer("POST", f"/training/courses/{course['id']}/trainees", json={"person": "50000003"}).status_code == 403
    # A course with trainees is never deleted; an annulled trainee leaves the counts and stays in the history.
    assert call("DELETE", f"/training/courses/{course['id']}").status_code == 422
    annulled = call("POST", f"/training/enrollments/{bulk.json()['added'][0]['id']}/annul", json={"reason": "Nhập nhầm"})
    assert annulled.status_code == 200 and annulled.json()["annulled_on"]
    detail = call("GET", f"/training/courses/{course['id']}").json()
    assert len(detail["trainees"]) == 1 and len(detail["annulled"]) == 1
    actions = [e["action"] for e in call("GET", f"/training/courses/{course['id']}/history").json()["items"]]
    assert actions[0] == "create" and "void" in actions and "update" in actions
    # The member's page and the API list the course.
    member_id = enrollment["person"]["member_id"]
    assert any(c["course"]["id"] == course["id"] for c in call("GET", f"/members/{member_id}/training").json()["courses"])
    assert course["name"] in clerk.get(server.base + f"/members/{member_id}").text


def test_the_course_pages_work_without_javascript(server):
    clerk = login(server.base, "clerk-t01-a")
    index = clerk.get(server.base + "/training")
    assert index.status_code == 200 and 'id="course-form"' in index.text and 'id="training-summary"' in index.text
    name = "Lớp cập nhật kiến thức " + uuid.uuid4().hex[:6]
    refused = post_form(clerk, server.base, "/training", {"code": "", "kind": "leaders_update", "name": name, "organizer_code": "T01-A",
                                                          "place": "", "starts_on": "10/05/2025", "ends_on": "01/05/2025", "decision_no": ""},
                        page="/training")
    assert refused.status_code == 422 and "Ngày bế giảng trước ngày khai giảng" in refused.text and name in refused.text
    created = post_form(clerk, server.base, "/training", {"code": "", "kind": "leaders_update", "name": name, "organizer_code": "T01-A",
                                                          "place": "Hội trường xã", "starts_on": "01/05/2025", "ends_on": "10/05/2025",
                                                          "decision_no": "15-QĐ/ĐU"}, page="/training")
    assert created.status_code == 303, created.text
    course_url = created.headers["Location"].split("?")[0]
    page = clerk.get(server.base + course_url).text
    assert name in page and 'id="trainee-form"' in page and "Đã bế giảng" in page
    unknown = post_form(clerk, server.base, course_url + "/trainees", {"_form": "add", "person": "12345678", "sending_unit_code": "", "result": "",
                                                                       "certificate_no": "", "certificate_on": ""}, page=course_url)
    assert unknown.status_code == 422 and 'value="12345678"' in unknown.text
    added = post_form(clerk, server.base, course_url + "/trainees", {"_form": "add", "person": "50000003", "sending_unit_code": "", "result": "",
                                                                     "certificate_no": "", "certificate_on": ""}, page=course_url)
    assert added.status_code == 303, added.text
    page = clerk.get(server.base + course_url).text
    assert "Lò Văn Pọm" in page and "Chưa có kết quả" in page
    enrollment_url = re.search(r'href="(/training/enrollments/\d+)"', page).group(1)
    form = clerk.get(server.base + enrollment_url).text
    version = re.search(r'name="version" value="(\d+)"', form).group(1)
    no_result = post_form(clerk, server.base, enrollment_url, {"version": version, "sending_unit_code": "T01-A-C2", "result": "",
                                                               "certificate_no": "CC-15", "certificate_on": ""}, page=enrollment_url)
    assert no_result.status_code == 422 and "Chỉ cấp chứng chỉ" in no_result.text
    recorded = post_form(clerk, server.base, enrollment_url, {"version": version, "sending_unit_code": "T01-A-C2", "result": "good",
                                                              "certificate_no": "CC-15", "certificate_on": "12/05/2025"}, page=enrollment_url)
    assert recorded.status_code == 303, recorded.text
    page = clerk.get(server.base + course_url).text
    assert "Hoàn thành, loại khá" in page and "CC-15" in page and "12/05/2025" in page
    # The list filters by kind and year and downloads as CSV with who exported it.
    listing = clerk.get(server.base + "/training", params={"kind": "leaders_update", "year": "2025", "q": name.split()[-1]}).text
    assert name in listing
    download = clerk.get(server.base + "/training/export", params={"kind": "leaders_update", "format": "csv"})
    assert download.status_code == 200 and name in download.text and "clerk-t01-a" in download.text.splitlines()[0]
    cadre_ids = clerk.get(server.base + "/api/v1/cadres?q=lo van pom").json()["items"]
    if cadre_ids:  # planning tests may have made a cadre record for the member: the cadre's page lists the course too
        assert name in clerk.get(server.base + f"/cadres/{cadre_ids[0]['id']}").text


def test_a_failed_check_leads_to_a_plan_and_after_its_deadline_to_the_staff_reduction_list(server):
    clerk = login(server.base, "clerk-t01-a")
    index = clerk.get(server.base + "/exams")
    assert index.status_code == 200 and 'id="exam-form"' in index.text
    name = "Sát hạch công chức xã " + uuid.uuid4().hex[:6]
    created = post_form(clerk, server.base, "/exams", {"code": "", "kind": "proficiency", "name": name, "held_on": "01/03/2025",
                                                       "organizer_code": "T01-A", "pass_mark": "50"}, page="/exams")
    assert created.status_code == 303, created.text
    exam_url = created.headers["Location"].split("?")[0]
    for number, score in [("50000001", "50"), ("50000002", "49,5")]:
        added = post_form(clerk, server.base, exam_url + "/candidates", {"_form": "add", "person": number, "work_unit_code": "", "score": score},
                          page=exam_url)
        assert added.status_code == 303, added.text
    page = clerk.get(server.base + exam_url).text
    assert "Đạt" in page and "Không đạt" in page and "Cần lập kế hoạch đào tạo, bồi dưỡng" in page
    candidate_url = re.search(r'<a href="(/exams/candidates/\d+)">Đặng Thị Lan</a>', page).group(1)
    bad = post_form(clerk, server.base, candidate_url + "/plan", {"_form": "plan", "training": "Bồi dưỡng nghiệp vụ", "deadline": "01/03/2025",
                                                                  "course_code": "", "completed_on": ""}, page=candidate_url)
    assert bad.status_code == 422 and "Hạn hoàn thành kế hoạch phải sau ngày sát hạch" in bad.text
    planned = post_form(clerk, server.base, candidate_url + "/plan", {"_form": "plan", "training": "Bồi dưỡng nghiệp vụ văn thư, lưu trữ",
                                                                      "deadline": "31/12/2025", "course_code": "", "completed_on": ""},
                        page=candidate_url)
    assert planned.status_code == 303, planned.text
    candidate = clerk.get(server.base + candidate_url).text
    assert "Bồi dưỡng nghiệp vụ văn thư, lưu trữ" in candidate and "Xem xét tinh giản biên chế" in candidate
    # Before the deadline (as of 31/12/2025) the person is not listed; after it, with the reasons.
    on_deadline = clerk.get(server.base + "/exams/staff-reduction", params={"on": "2025-12-31"}).text
    assert candidate_url not in on_deadline
    listed = clerk.get(server.base + "/exams/staff-reduction").text
    assert candidate_url in listed and "chưa sát hạch lại đạt yêu cầu" in listed
    call = api(clerk, server.base)
    items = call("GET", "/exams/staff-reduction?unit=T01-A").json()["items"]
    mine = [i for i in items if i["exam"]["name"] == name]
    assert len(mine) == 1 and mine[0]["candidate"]["person"]["full_name"] == "Đặng Thị Lan"
    assert mine[0]["reason_keys"] == ["no_later_exam", "training_not_completed"]
    download = clerk.get(server.base + "/exams/staff-reduction/export", params={"format": "csv"})
    assert download.status_code == 200 and "Đặng Thị Lan" in download.text
    # The sibling commune does not see the person.
    other = api(login(server.base, "clerk-t01-b"), server.base)
    assert all(i["exam"]["name"] != name for i in other("GET", "/exams/staff-reduction").json()["items"])
    # A later check passed takes the person off the list.
    recheck = call("POST", "/exams", json={"kind": "proficiency", "name": name + " (lần 2)", "held_on": "2026-01-15", "organizer_code": "T01-A",
                                           "pass_mark": 50})
    assert recheck.status_code == 201, recheck.text
    again = call("POST", f"/exams/{recheck.json()['id']}/candidates", json={"person": "50000002"})
    assert again.status_code == 201 and again.json()["score"] is None
    scored = call("PUT", f"/exams/candidates/{again.json()['id']}", json={"score": 68.25, "version": again.json()["version"]})
    assert scored.status_code == 200 and scored.json()["score"] == 68.25
    items = call("GET", "/exams/staff-reduction?unit=T01-A").json()["items"]
    assert all(i["exam"]["name"] != name for i in items)
    exam_id = int(exam_url.rsplit("/", 1)[1])
    detail = call("GET", f"/exams/{exam_id}").json()
    lan = next(c for c in detail["candidates"] if c["candidate"]["person"]["full_name"] == "Đặng Thị Lan")
    assert lan["outcome"] == "failed" and lan["plan_status"]["state"] == "resolved" and lan["plan_status"]["date"] == "2026-01-15"
    actions = [e["entity"] + ":" + e["action"] for e in call("GET", f"/exams/{exam_id}/history").json()["items"]]
    assert actions[0] == "exam_session:create" and "training_plan:create" in actions


def test_the_pass_mark_boundary_and_score_validation_through_the_api(server):
    call = api(login(server.base, "clerk-t01-a"), server.base)
    exam = call("POST", "/exams", json={"kind": "promotion", "name": "Thi nâng ngạch " + uuid.uuid4().hex[:6], "held_on": "2025-06-01",
                                        "organizer_code": "T01-A", "pass_mark": 72.5})
    assert exam.status_code == 201 and exam.json()["pass_mark"] == 72.5
    exam_id = exam.json()["id"]
    assert call("POST", f"/exams/{exam_id}/candidates", json={"person": "50000001", "score": 100.5}).status_code == 422
    assert call("POST", f"/exams/{exam_id}/candidates", json={"person": "50000001", "score": 72.125}).status_code == 422
    assert call("POST", f"/exams/{exam_id}/candidates", json={"person": "50000001", "score": 72.5}).status_code == 201
    assert call("POST", f"/exams/{exam_id}/candidates", json={"person": "50000002", "score": 72.49}).status_code == 201
    detail = call("GET", f"/exams/{exam_id}").json()
    assert sorted(c["outcome"] for c in detail["candidates"]) == ["failed", "passed"]
    assert all(not c["needs_plan"] for c in detail["candidates"])  # only a failed sát hạch needs a plan
    failed = next(c for c in detail["candidates"] if c["outcome"] == "failed")
    assert call("POST", f"/exams/candidates/{failed['candidate']['id']}/plan", json={"training": "X", "deadline": "2025-12-31"}).status_code == 422
    assert call("GET", "/exams/999999999").status_code == 404


def test_trainings_and_exams_csv_are_exported_and_imported_back_unchanged(server, workdir):
    # Its own course with a trainee and its own exam with a candidate: the test does not lean on the ones above.
    call = api(login(server.base, "clerk-t01-a"), server.base)
    course = new_course(call, starts="2025-05-01", ends="2025-05-05")
    assert call("POST", f"/training/courses/{course['id']}/trainees", json={"person": "50000001"}).status_code == 201
    exam = call("POST", "/exams", json={"kind": "promotion", "name": "Thi xuất ra " + uuid.uuid4().hex[:6], "held_on": "2025-06-02",
                                        "organizer_code": "T01-A", "pass_mark": 50})
    assert exam.status_code == 201, exam.text
    assert call("POST", f"/exams/{exam.json()['id']}/candidates", json={"person": "50000002", "score": 60}).status_code == 201
    out = Path(workdir) / ("export-" + uuid.uuid4().hex[:6])
    run_cli("export", "--format", "csv", str(out), db=server.db)
    rows = list(csv.reader(io.StringIO((out / "trainings.csv").read_text(encoding="utf-8"))))
    assert rows[0][:4] == ["course_code", "course_kind", "course_name", "organizer_code"]
    assert any(row[0] == course["code"] for row in rows[1:])
    exams = list(csv.reader(io.StringIO((out / "exams.csv").read_text(encoding="utf-8"))))
    assert exams[0][:3] == ["exam_code", "exam_kind", "exam_name"] and any(row[0] == exam.json()["code"] for row in exams[1:])
    # Alone (the other files of the export are other modules' business), it loads back without changing anything.
    only = Path(workdir) / ("trainings-" + uuid.uuid4().hex[:6])
    only.mkdir()
    for name in ["trainings.csv", "exams.csv"]:
        (only / name).write_bytes((out / name).read_bytes())
    again = run_cli("import", str(only), db=server.db)
    assert "created 0, updated 0" in again.stdout, again.stdout
    bad = Path(workdir) / ("bad-" + uuid.uuid4().hex[:6])
    bad.mkdir()
    (bad / "trainings.csv").write_text("Mã lớp,Loại lớp,Tên lớp,Mã đơn vị tổ chức,Ngày khai giảng,Ngày bế giảng,Số thẻ đảng viên\n"
                                       "X-1,Trung cấp,Lớp X,T01-A,2025-01-01,2025-01-05,99999999\n"
                                       "X-2,bơi,Lớp Y,T01-A,2025-01-01,2025-01-05,\n", encoding="utf-8")
    failed = run_cli("import", str(bad), db=server.db, check=False)
    assert failed.returncode != 0
    assert "trainings.csv:2: card_no:" in failed.stderr and "trainings.csv:3: course_kind:" in failed.stderr
