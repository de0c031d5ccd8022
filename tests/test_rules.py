"""Rule sets of DOMAIN.md §2–§3 (issue 6): every family shown on /rules with its shipped regulation, the OpenAPI enum
lists each one, and an administrator adds a version of a new family through the form, which then applies from its date."""
import re
import uuid

import requests

from conftest import login
from test_cadres import api, post_form

FAMILIES = ["admission", "badges", "head_tenure", "appointment", "discipline", "planning", "retirement"]


def test_every_family_is_listed_with_its_regulation_and_in_the_openapi_enum(server):
    viewer = login(server.base, "viewer-t01-a")
    page = viewer.get(server.base + "/rules").text
    for family in FAMILIES:
        assert f'id="family-{family}"' in page, family
    for regulation in ["24-QĐ/TW", "01-HD/TW", "65-QĐ/TW", "80-QĐ/TW", "377-QĐ/TW", "22-QĐ/TW", "50-QĐ/TW", "135/2020/NĐ-CP"]:
        assert regulation in page, regulation
    call = api(viewer, server.base)
    assert [r["regulation"] for r in call("GET", "/rules?family=appointment").json()["items"] if r["in_force"]] == ["377-QĐ/TW"]
    retirement = call("GET", "/rules?family=retirement").json()["items"]
    assert retirement[0]["values"]["men_final_age"] == "744" and retirement[0]["values"]["women_final_age"] == "720"
    doc = requests.get(server.base + "/api/v1/openapi.json").json()
    assert set(FAMILIES) <= set(doc["components"]["schemas"]["RuleFamily"]["enum"])


def test_an_administrator_adds_a_planning_version_through_the_form(server):
    admin = login(server.base, "admin-t01-a")
    form = admin.get(server.base + "/rules?family=planning").text
    assert 'id="rule-form"' in form and 'name="max_per_position" value="3"' in form
    fields = dict(re.findall(r'<input type="text" id="[a-z_]+" name="([a-z_]+)" value="([^"]*)"', form))
    assert {"max_per_position", "young_under_central", "women_min_percent"} <= set(fields)
    year = 2090 + uuid.uuid4().int % 9
    data = {**fields, "family": "planning", "regulation": f"{uuid.uuid4().int % 900 + 100}-QĐ/TW", "effective_from": f"{year}-01-01",
            "title": "Quy định quy hoạch thử nghiệm", "max_per_position": "0"}
    refused = post_form(admin, server.base, "/rules", data, page="/rules")
    assert refused.status_code == 422 and "Giá trị của “Số người tối đa quy hoạch cho một chức danh” không hợp lệ" in refused.text
    saved = post_form(admin, server.base, "/rules", {**data, "max_per_position": "4"}, page="/rules")
    assert saved.status_code in (302, 303), saved.text
    items = api(admin, server.base)("GET", "/rules?family=planning").json()["items"]
    added = [r for r in items if r["regulation"] == data["regulation"]]
    assert len(added) == 1 and added[0]["values"]["max_per_position"] == "4" and added[0]["created_by"] and not added[0]["in_force"]
