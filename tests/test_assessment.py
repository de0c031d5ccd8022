"""Classification and rule sets (issue 6, DOMAIN.md §4): the grid through the form and the API, the xuất sắc quota, the
rule set of the year, results by subtree, rule versions added by an administrator."""
import uuid

from conftest import login
from test_cadres import api, post_form


def grid(call, unit="T01-A-C1", period="2024", subject="member"):
    response = call("GET", f"/units/{unit}/evaluations?period={period}&subject={subject}")
    assert response.status_code == 200, response.text
    return response.json()


def test_a_cell_is_rated_through_the_form_and_the_quota_refuses_too_many_excellent(server):
    clerk = login(server.base, "clerk-t01-a")
    page = clerk.get(server.base + "/assessment?unit=T01-A-C1&period=2023")
    assert page.status_code == 200 and 'id="grid-form"' in page.text and "124-QĐ/TW" in page.text
    call = api(clerk, server.base)
    lines = grid(call, period="2023")["items"]
    assert {line["name"] for line in lines} >= {"Nguyễn Văn Tùng", "Đặng Thị Lan"}
    versions = {f"version_{line['subject_key']}": str(line["version"]) for line in lines}
    # Two members, both xuất sắc: 2 > 20% of 0 rated tốt — refused, nothing saved.
    form = {"unit": "T01-A-C1", "period": "2023", "subject": "member", **versions}
    form.update({f"rating_{line['subject_key']}": "excellent" for line in lines})
    refused = post_form(clerk, server.base, "/assessment", form, page="/assessment?unit=T01-A-C1&period=2023")
    assert refused.status_code == 422 and "vượt" in refused.text and "Chưa lưu" in refused.text, refused.text[:2000]
    assert all(line["rating"] is None for line in grid(call, period="2023")["items"])
    form.update({f"rating_{line['subject_key']}": "good" for line in lines})
    saved = post_form(clerk, server.base, "/assessment", form, page="/assessment?unit=T01-A-C1&period=2023")
    assert saved.status_code == 303, saved.text[:2000]
    after = grid(call, period="2023")
    assert after["counts"]["good"] == len(lines) and after["regulation"] == "124-QĐ/TW"
    # The viewer reads the grid without the form's selects.
    viewer = login(server.base, "viewer-t01-a").get(server.base + "/assessment?unit=T01-A-C1&period=2023").text
    assert "<select name=\"rating_" not in viewer and "Hoàn thành tốt nhiệm vụ" in viewer


def test_the_api_takes_scores_under_366_and_refuses_them_under_124(server):
    head = login(server.base, "head-t01-a")
    call = api(head, server.base)
    lines = grid(call, period="2025")["items"]
    key = lines[0]["subject_key"]
    saved = call("PUT", "/units/T01-A-C1/evaluations", json={"period": "2025", "items": [{"subject_key": key, "score": 88, "version": lines[0]["version"]}]})
    assert saved.status_code == 200, saved.text
    line = next(item for item in saved.json()["items"] if item["subject_key"] == key)
    assert line["rating"] == "good" and line["score"] == 88 and saved.json()["regulation"] == "366-QĐ/TW"
    stale = call("PUT", "/units/T01-A-C1/evaluations", json={"period": "2025", "items": [{"subject_key": key, "rating": "done", "version": 0}]})
    assert stale.status_code == 409, stale.text
    old_rules = call("PUT", "/units/T01-A-C1/evaluations", json={"period": "2017", "items": [{"subject_key": key, "score": 88}]})
    assert old_rules.status_code == 422  # no rule set in force in 2017
    no_score = call("PUT", "/units/T01-A-C1/evaluations", json={"period": "2024", "items": [{"subject_key": key, "score": 88}]})
    assert no_score.status_code == 422 and "không chấm điểm" in no_score.text
    assert call("PUT", "/units/T01-B-C1/evaluations", json={"period": "2025", "items": []}).status_code == 404
    results = call("GET", "/units/T01-A/evaluation-results?period=2025&subject=member").json()
    assert results["totals"]["good"] >= 1 and results["previous_period"] == "2024"
    assert [line["code"] for line in results["lines"]][0] == "T01-A"
    page = head.get(server.base + "/assessment/results?unit=T01-A&period=2025").text
    assert 'id="results-table"' in page and 'id="results-chart"' in page and "So sánh với năm 2024" in page


def test_rule_versions_are_read_by_all_and_added_by_administrators(server):
    viewer = login(server.base, "viewer-t01-a")
    page = viewer.get(server.base + "/rules").text
    assert "366-QĐ/TW" in page and "96-QĐ/TW" in page and "190-QĐ/TW" in page and 'id="rule-form"' not in page
    rules = api(viewer, server.base)("GET", "/rules?family=classification").json()["items"]
    assert [r["regulation"] for r in rules if r["in_force"]] == ["366-QĐ/TW"]
    body = {"family": "cell_meetings", "regulation": f"{uuid.uuid4().int % 900 + 100}-QĐ/TW", "effective_from": "2099-01-01",
            "title": "Quy định thử nghiệm", "values": {"flag_months": "4"}}
    assert api(login(server.base, "clerk-t01-a"), server.base)("POST", "/rules", json=body).status_code == 403
    admin = login(server.base, "admin-t01-a")
    bad = api(admin, server.base)("POST", "/rules", json={**body, "values": {"flag_months": "13"}})
    assert bad.status_code == 422
    added = api(admin, server.base)("POST", "/rules", json=body)
    assert added.status_code == 201 and added.json()["values"] == {"flag_months": "4"}, added.text
    assert api(admin, server.base)("POST", "/rules", json=body).status_code == 422  # same family and date
    form = admin.get(server.base + "/rules?family=election").text
    assert 'id="rule-form"' in form and 'value="30"' in form
