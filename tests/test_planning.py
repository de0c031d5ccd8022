"""Planning by term (issue 5, DOMAIN.md §3): lists per position, the limits of Quy định 377-QĐ/TW on every addition,
removals with reasons, the structure against targets, approval by the managing level — through the API and the forms."""
import uuid

from conftest import login
from test_cadres import api, post_form, province_head  # noqa: F401  (the fixture is shared)


def new_cadre(call, name, gender, birth, unit="T01-A"):
    """A non-member cadre in `unit`; returns the national ID that finds them."""
    # CCCD: province (3) + century/gender digit (0 man, 1 woman born 1900–1999; 2/3 from 2000) + year (2) + serial (6).
    century = 0 if birth < "2000" else 2
    national_id = "001" + str(century + (0 if gender == "male" else 1)) + birth[2:4] + str(uuid.uuid4().int)[:6]
    created = call("POST", "/cadres", json={"full_name": name, "gender": gender, "birth_date": birth, "national_id": national_id, "unit_code": unit})
    assert created.status_code == 201, created.text
    return national_id


def new_list(call, position, level="base", term="2026-2031", place="T01-A"):
    created = call("POST", "/planning", json={"term": term, "position": position + " " + uuid.uuid4().hex[:6], "place_code": place,
                                              "managed_by": level})
    assert created.status_code == 201, created.text
    return created.json()


def test_a_list_takes_three_people_and_refuses_the_fourth_with_the_rule(server):
    clerk = login(server.base, "clerk-t01-a")
    call = api(clerk, server.base)
    planned = new_list(call, "Chủ tịch Ủy ban MTTQ xã")
    assert planned["term"] == "2026-2031" and planned["place_code"] == "T01-A" and planned["approved_on"] is None
    people = [new_cadre(call, "Vi Thị Mai", "female", "1990-03-01"), new_cadre(call, "Hà Văn Lực", "male", "1988-06-01"),
              new_cadre(call, "Đỗ Văn Khải", "male", "1980-01-01"), new_cadre(call, "Lương Văn Tín", "male", "1982-01-01")]
    for number in people[:3]:
        added = call("POST", f"/planning/{planned['id']}/entries", json={"person": number, "reason": "Đủ tiêu chuẩn, có triển vọng"})
        assert added.status_code == 201, added.text
        assert added.json()["approved_on"] is None
    refused = call("POST", f"/planning/{planned['id']}/entries", json={"person": people[3]})
    assert refused.status_code == 422, refused.text
    assert "không quá 3 người" in refused.text
    detail = call("GET", f"/planning/{planned['id']}").json()
    assert [e["cadre"]["full_name"] for e in detail["active"]] == ["Vi Thị Mai", "Hà Văn Lực", "Đỗ Văn Khải"]
    structure = detail["structure"]
    assert structure["total"] == 3 and structure["women"]["count"] == 1 and structure["women"]["met"] is True
    assert structure["women"]["percent"] == 33.33 and structure["young"]["target_percent"] == 15
    # A removal needs a reason; then the fourth fits.
    first = detail["active"][2]["id"]
    no_reason = call("POST", f"/planning/entries/{first}/remove", json={"reason": " "})
    assert no_reason.status_code == 422 and "lý do" in no_reason.text
    removed = call("POST", f"/planning/entries/{first}/remove", json={"reason": "Chuyển công tác khỏi địa phương"})
    assert removed.status_code == 200 and removed.json()["removed_reason"] == "Chuyển công tác khỏi địa phương"
    assert call("POST", f"/planning/{planned['id']}/entries", json={"person": people[3]}).status_code == 201
    detail = call("GET", f"/planning/{planned['id']}").json()
    assert len(detail["active"]) == 3 and [e["cadre"]["full_name"] for e in detail["removed"]] == ["Đỗ Văn Khải"]


def test_too_little_working_age_and_unknown_people_are_refused_with_reasons(server):
    clerk = login(server.base, "clerk-t01-a")
    call = api(clerk, server.base)
    planned = new_list(call, "Bí thư Đảng ủy", level="provincial")
    old = new_cadre(call, "Nông Văn Cao", "male", "1966-02-01")
    refused = call("POST", f"/planning/{planned['id']}/entries", json={"person": old})
    assert refused.status_code == 422 and "không đủ tuổi quy hoạch" in refused.text
    unknown = call("POST", f"/planning/{planned['id']}/entries", json={"person": "000000000000"})
    assert unknown.status_code == 422 and "person" in unknown.text
    # A member of the sibling commune is not found from here.
    other = call("POST", f"/planning/{planned['id']}/entries", json={"person": "50000004"})
    assert other.status_code == 422
    bad = call("POST", "/planning", json={"term": "2026-2030", "position": "X", "place_code": "T01-A", "managed_by": "base"})
    assert bad.status_code == 422 and "term" in bad.text
    assert call("GET", "/planning/999999999").status_code == 404


def test_only_the_managing_level_approves_and_a_viewer_only_reads(server, province_head):
    clerk = login(server.base, "clerk-t01-a")
    call = api(clerk, server.base)
    planned = new_list(call, "Phó Chủ tịch UBND xã", level="provincial")
    person = new_cadre(call, "Mạc Thị Nhung", "female", "1987-05-05")
    assert call("POST", f"/planning/{planned['id']}/entries", json={"person": person}).status_code == 201
    commune_head = api(login(server.base, "head-t01-a"), server.base)
    lower = commune_head("POST", f"/planning/{planned['id']}/approve", json={"decision_no": "20-QĐ/ĐU"})
    assert lower.status_code == 403, lower.text
    viewer = api(login(server.base, "viewer-t01-a"), server.base)
    assert viewer("GET", f"/planning/{planned['id']}").status_code == 200
    assert viewer("POST", f"/planning/{planned['id']}/entries", json={"person": person}).status_code == 403
    province = api(province_head, server.base)
    approved = province("POST", f"/planning/{planned['id']}/approve", json={"decision_no": "345-QĐ/TU"})
    assert approved.status_code == 200, approved.text
    assert approved.json()["approval_no"] == "345-QĐ/TU" and approved.json()["approved_on"]
    detail = call("GET", f"/planning/{planned['id']}").json()
    assert all(e["approved_on"] for e in detail["active"])
    listing = call("GET", "/planning?term=2026-2031&q=pho chu tich").json()
    assert any(item["list"]["id"] == planned["id"] and item["planned"] == 1 and item["pending"] == 0 for item in listing["items"])


def test_the_planning_pages_work_without_javascript(server):
    clerk = login(server.base, "clerk-t01-a")
    index = clerk.get(server.base + "/planning")
    assert index.status_code == 200 and 'id="planning-list-form"' in index.text
    position = "Chủ tịch Hội Nông dân xã " + uuid.uuid4().hex[:6]
    created = post_form(clerk, server.base, "/planning", {"term": "2025-2030", "position": position, "place_code": "T01-A",
                                                         "managed_by": "base"}, page="/planning")
    assert created.status_code == 303, created.text
    list_url = created.headers["Location"].split("?")[0]
    page = clerk.get(server.base + list_url).text
    assert position in page and 'id="planning-add-form"' in page and "<svg" in page
    refused = post_form(clerk, server.base, list_url + "/entries", {"person": "99999999", "added_on": "", "reason": ""}, page=list_url)
    assert refused.status_code == 422 and "Không tìm thấy" in refused.text and 'value="99999999"' in refused.text
    added = post_form(clerk, server.base, list_url + "/entries", {"person": "50000003", "added_on": "", "reason": "Cán bộ trẻ dân tộc Thái"},
                      page=list_url)
    assert added.status_code == 303, added.text
    page = clerk.get(server.base + list_url).text
    assert "Lò Văn Pọm" in page and "1/1 (100,00%)" in page
    duplicate = post_form(clerk, server.base, "/planning", {"term": "2025-2030", "position": position, "place_code": "T01-A",
                                                           "managed_by": "base"}, page="/planning")
    assert duplicate.status_code == 422
    # The cadre's page shows the planning.
    cadre_id = clerk.get(server.base + "/api/v1/cadres?q=lo van pom").json()["items"][0]["id"]
    assert position in clerk.get(server.base + f"/cadres/{cadre_id}").text
