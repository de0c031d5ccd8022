import Foundation

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
///
/// Kept beside the routes in `API.swift`; the test command checks every path here answers as described
/// (tests/test_api.py) and fuzzes it with schemathesis, so the two cannot drift apart unnoticed.
enum OpenAPIDocument {
    static func json(version: String) -> String {
        template.replacingOccurrences(of: "{{VERSION}}", with: version)
            .replacingOccurrences(
                of: "{{CADRE_PATHS}}",
                with: cadrePaths + planningPaths + trainingPaths + staffingPaths + vettingPaths + reportPaths + assessmentPaths + votePaths
                    + congressPaths + betweenPaths)
            .replacingOccurrences(
                of: "{{CADRE_SCHEMAS}}",
                with: cadreSchemas + planningSchemas + trainingSchemas + staffingSchemas + vettingSchemas + reportSchemas + assessmentSchemas
                    + voteSchemas + congressSchemas + betweenSchemas)
    }

    private static let template = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "ToChuc API",
            "version": "{{VERSION}}",
            "description": "JSON API of ToChuc. Every operation except health and this document needs a session cookie (with X-CSRF-Token on writes) or a bearer API token. Records outside the caller's subtree answer 404. Errors are application/problem+json with message_vi and message_en."
          },
          "servers": [{"url": "/"}],
          "security": [{"bearer": []}, {"session": []}],
          "paths": {
            "/api/v1/health": {
              "get": {"operationId": "health", "security": [], "summary": "Liveness",
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object", "required": ["status", "replicas", "replicas_serving"], "properties": {"status": {"const": "ok"}, "replicas": {"type": "integer", "description": "Read replicas configured (--read-replica)"}, "replicas_serving": {"type": "integer", "description": "Of them, up and close enough behind the primary to serve reads"}}}}}}}}
            },
            "/api/v1/openapi.json": {
              "get": {"operationId": "openapi", "security": [], "summary": "This document",
                "responses": {"200": {"description": "OpenAPI document", "content": {"application/json": {"schema": {"type": "object"}}}}}}
            },
            "/api/v1/me": {
              "get": {"operationId": "me", "summary": "The caller",
                "responses": {
                  "200": {"description": "The signed-in user", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/units": {
              "get": {"operationId": "listUnits", "summary": "Units of the caller's subtree",
                "parameters": [
                  {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200}, "description": "Name or code contains (accents and case ignored)"},
                  {"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per_page"},
                  {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["tree", "code", "name", "kind"]}},
                  {"$ref": "#/components/parameters/as_of"},
                  {"name": "under", "in": "query", "schema": {"type": "string", "maxLength": 40}, "description": "Code of a unit: its subtree as it was on the date"},
                  {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["central", "provincial", "upper_base", "base", "sub_base", "cell"]}},
                  {"name": "sector", "in": "query", "schema": {"type": "string", "enum": ["state_agency", "public_service", "state_enterprise", "non_state_enterprise", "armed_forces", "commune", "other"]}},
                  {"name": "committee", "in": "query", "schema": {"type": "string", "enum": ["1", "0", "true", "false"]}, "description": "With (1) or without (0) an elected committee"},
                  {"name": "founded_from", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Founded on or after"},
                  {"name": "founded_to", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Founded on or before"}],
                "responses": {
                  "200": {"description": "A page of units", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UnitList"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"},
                  "422": {"$ref": "#/components/responses/Problem"}}},
              "post": {"operationId": "createUnit", "summary": "Create a unit under a parent in scope",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UnitInput"}}}},
                "responses": {
                  "201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Unit"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"},
                  "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/unit-choices": {
              "get": {"operationId": "chooseUnit", "summary": "The unit chooser's suggestions: units of the caller's subtree whose code contains the text or whose name contains every typed word (accents and case ignored), the exact code first, then higher levels, then by name",
                "parameters": [
                  {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200}, "description": "Name or code as typed; empty gives no items"},
                  {"$ref": "#/components/parameters/page"},
                  {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 50, "default": 50}}],
                "responses": {
                  "200": {"description": "A page of matching units", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UnitChoiceList"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/units/{code}": {
              "parameters": [{"$ref": "#/components/parameters/code"}],
              "get": {"operationId": "getUnit", "summary": "One unit (as of a date when as_of is given)",
                "parameters": [{"$ref": "#/components/parameters/as_of"}],
                "responses": {
                  "200": {"description": "The unit", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Unit"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}},
              "put": {"operationId": "updateUnit", "summary": "Save a unit; refused with 409 when its version moved on",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UnitUpdate"}}}},
                "responses": {
                  "200": {"description": "Saved", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Unit"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"},
                  "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"},
                  "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/units/{code}/stats": {
              "parameters": [{"$ref": "#/components/parameters/code"}, {"$ref": "#/components/parameters/as_of"},
                {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Same as as_of"}],
              "get": {"operationId": "unitStats", "summary": "Figures of the unit's subtree on a date (default today); the unit itself counts",
                "responses": {
                  "200": {"description": "Figures", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Stats"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/units/{code}/children": {
              "parameters": [{"$ref": "#/components/parameters/code"}, {"$ref": "#/components/parameters/as_of"}],
              "get": {"operationId": "unitChildren", "summary": "Direct sub-units on a date (default today)",
                "responses": {
                  "200": {"description": "Sub-units", "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Unit"}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/units/{code}/versions": {
              "parameters": [{"$ref": "#/components/parameters/code"}],
              "get": {"operationId": "unitVersions", "summary": "Effective-dated versions of a unit, oldest first",
                "responses": {
                  "200": {"description": "Versions", "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Version"}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/restructure": {
              "post": {"operationId": "restructure", "summary": "Apply restructuring steps in one transaction (all or nothing); dry_run reports without storing",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RestructureRequest"}}}},
                "responses": {
                  "200": {"description": "Dry run: what would change", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Outcomes"}}}},
                  "201": {"description": "Applied", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Outcomes"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"},
                  "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/restructure/events": {
              "get": {"operationId": "restructureEvents", "summary": "Restructuring events of the caller's subtree (or of one unit), newest first",
                "parameters": [{"name": "code", "in": "query", "schema": {"type": "string", "maxLength": 40}}],
                "responses": {
                  "200": {"description": "Events", "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/restructure/events/{id}/correct": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "post": {"operationId": "correctEvent", "summary": "Undo an event by a correcting event (only the latest change of its units)",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["decision_no"], "properties": {"decision_no": {"type": "string"}, "note": {"type": "string"}}}}}},
                "responses": {
                  "201": {"description": "Corrected", "content": {"application/json": {"schema": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"},
                  "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/members": {
              "get": {"operationId": "listMembers", "summary": "Members of the caller's subtree: search (accents optional, word prefixes), filters, Vietnamese name order",
                "parameters": [
                  {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200}, "description": "Name words, or the start of a card or national ID number"},
                  {"name": "unit", "in": "query", "schema": {"type": "string", "maxLength": 40}, "description": "Code of a unit: its subtree only"},
                  {"name": "status", "in": "query", "schema": {"$ref": "#/components/schemas/MemberStatus"}},
                  {"name": "all", "in": "query", "schema": {"type": "string"}, "description": "Present: include candidates and those who left"},
                  {"name": "gender", "in": "query", "schema": {"type": "string", "enum": ["male", "female"]}},
                  {"name": "age_from", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 150}},
                  {"name": "age_to", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 150}},
                  {"name": "ethnicity", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 54}},
                  {"name": "admitted_year", "in": "query", "schema": {"type": "integer", "minimum": 1930, "maximum": 2100}},
                  {"name": "admitted_from", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Admitted on or after; with unit, members are placed by their unit on that date (as the briefing report counts)"},
                  {"name": "admitted_to", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Admitted on or before"},
                  {"name": "recognized_from", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Full member (ngày chính thức) on or after"},
                  {"name": "recognized_to", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Full member on or before"},
                  {"name": "left_from", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Left the Party on or after (with status and all)"},
                  {"name": "left_to", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Left the Party on or before"},
                  {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["name", "card_no", "birth_date", "admitted_on"]}},
                  {"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per_page"}],
                "responses": {
                  "200": {"description": "A page of members", "content": {"application/json": {"schema": {"type": "object", "required": ["items", "page", "per_page", "total"],
                    "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Member"}}, "page": {"type": "integer"}, "per_page": {"type": "integer"}, "total": {"type": "integer"}, "total_is_lower_bound": {"type": "boolean", "description": "true when the search stopped counting: total means more than"}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}},
              "post": {"operationId": "createMember", "summary": "Enter a member record (DOMAIN.md §2 rules)",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MemberInput"}}}},
                "responses": {
                  "201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Member"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"},
                  "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/members/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "get": {"operationId": "getMember", "summary": "One member (personal data masked for viewers)",
                "responses": {"200": {"description": "The member", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Member"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}},
              "put": {"operationId": "updateMember", "summary": "Save a member record; 409 when its version moved on",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MemberInput"}}}},
                "responses": {"200": {"description": "Saved", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Member"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/members/{id}/photo": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "get": {"operationId": "memberPhoto", "summary": "The member's photo (roles that see personal data only)",
                "responses": {"200": {"description": "JPEG or PNG", "content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}, "image/png": {"schema": {"type": "string", "format": "binary"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}},
              "put": {"operationId": "setMemberPhoto", "summary": "Store or replace the photo: a JPEG or PNG body of at most 2 MB, recognised by its bytes",
                "requestBody": {"required": true, "content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}, "image/png": {"schema": {"type": "string", "format": "binary"}}}},
                "responses": {"204": {"description": "Stored"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "413": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}},
              "delete": {"operationId": "removeMemberPhoto", "summary": "Remove the photo",
                "responses": {"204": {"description": "Removed"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/members/{id}/merge": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "post": {"operationId": "mergeMember", "summary": "Merge a likely duplicate into this member (data cleaning); 409 when either version moved on",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["duplicate", "version", "duplicate_version"],
                  "properties": {"duplicate": {"type": "integer", "minimum": 1}, "version": {"type": "integer"}, "duplicate_version": {"type": "integer"}}}}}},
                "responses": {"200": {"description": "The merged member", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Member"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/members/{id}/events": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "get": {"operationId": "memberEvents", "summary": "Lifecycle events of a member, oldest first",
                "responses": {"200": {"description": "Events", "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"type": "object",
                  "required": ["id", "kind", "effective_on", "decision_no", "from_unit", "to_unit", "destination", "note", "actor"],
                  "properties": {"id": {"type": "integer"}, "kind": {"type": "string"}, "effective_on": {"type": "string"}, "decision_no": {"type": ["string", "null"]},
                    "from_unit": {"type": ["string", "null"]}, "to_unit": {"type": ["string", "null"]}, "destination": {"type": ["string", "null"]},
                    "note": {"type": ["string", "null"]}, "actor": {"type": "string"}}}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}},
              "post": {"operationId": "recordMemberEvent", "summary": "Record a transfer, exemption, leaving, death or re-admission; status and unit follow",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["kind", "effective_on", "decision_no"],
                  "properties": {"kind": {"type": "string", "enum": ["transfer_within", "transfer_out", "transfer_temporary", "return_temporary", "exempt", "expelled", "removed", "resigned", "deceased", "readmitted"]},
                    "effective_on": {"type": "string"}, "decision_no": {"type": "string"}, "to_unit": {"type": "string"}, "destination": {"type": "string"}, "note": {"type": "string"}}}}}},
                "responses": {"201": {"description": "Recorded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Member"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/admission": {
              "get": {"operationId": "admissionBoard", "summary": "Candidates and probationary members of the subtree with their stage and recognition due dates",
                "responses": {"200": {"description": "Board", "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"type": "object",
                  "required": ["member", "stage", "probation_end", "recognition"], "properties": {"member": {"$ref": "#/components/schemas/Member"},
                  "stage": {"type": "string", "enum": ["outstanding", "course", "introduced", "cell_approved", "committee_decided", "ceremony_held", "recognized"]},
                  "probation_end": {"type": ["string", "null"]}, "recognition": {"type": ["string", "null"], "enum": ["not_yet_due", "due", "overdue", null]}}}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/admission/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "post": {"operationId": "admissionStep", "summary": "Record the next step of a candidate's admission; refused with the rule's message when it does not hold",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["step"], "additionalProperties": {"type": "string"},
                  "properties": {"step": {"type": "string", "enum": ["course", "introduced", "cell_approved", "committee_decided", "ceremony_held", "recognized"]},
                    "course_on": {"type": "string"}, "card_1": {"type": "string"}, "since_1": {"type": "string"}, "card_2": {"type": "string"}, "since_2": {"type": "string"},
                    "introducer_2": {"type": "string", "enum": ["member", "youth_union_committee", "trade_union_committee"], "description": "the second introducer: a member (card_2, since_2) or a committee (committee_2)"}, "committee_2": {"type": "string"},
                    "meeting_on": {"type": "string"}, "full_members": {"type": "string"}, "in_favour": {"type": "string"}, "consent": {"type": "string"},
                    "decision_no": {"type": "string"}, "decision_on": {"type": "string"}, "ceremony_on": {"type": "string"}, "card_no": {"type": "string"}}}}}},
                "responses": {"201": {"description": "Recorded", "content": {"application/json": {"schema": {"type": "object", "required": ["member", "warnings_vi", "warnings_en"],
                  "properties": {"member": {"$ref": "#/components/schemas/Member"}, "warnings_vi": {"type": "array", "items": {"type": "string"}}, "warnings_en": {"type": "array", "items": {"type": "string"}}}}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/members/{id}/history": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "get": {"operationId": "memberHistory", "summary": "Audit history of a member, oldest first",
                "responses": {"200": {"description": "History", "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/units/{code}/history": {
              "parameters": [{"$ref": "#/components/parameters/code"}],
              "get": {"operationId": "unitHistory", "summary": "Audit history of a unit, oldest first",
                "responses": {
                  "200": {"description": "History", "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/audit": {
              "get": {"operationId": "listAudit", "summary": "Audit log of the caller's subtree, newest first (heads and administrators)",
                "parameters": [{"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per_page"}],
                "responses": {
                  "200": {"description": "A page of entries", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AuditList"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/tokens": {
              "get": {"operationId": "listTokens", "summary": "The caller's API tokens",
                "responses": {
                  "200": {"description": "Tokens", "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Token"}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}}},
              "post": {"operationId": "createToken", "summary": "Create an API token; the secret is returned once",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 100}, "scope": {"type": "string", "enum": ["read", "read_write"]}}}}}},
                "responses": {
                  "201": {"description": "Created", "content": {"application/json": {"schema": {"type": "object", "required": ["id", "name", "scope", "token"], "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "scope": {"type": "string", "enum": ["read", "read_write"]}, "token": {"type": "string"}}}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"},
                  "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/tokens/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "delete": {"operationId": "revokeToken", "summary": "Revoke one of the caller's tokens",
                "responses": {"204": {"description": "Revoked"}, "401": {"$ref": "#/components/responses/Problem"},
                  "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/users": {
              "get": {"operationId": "listUsers", "summary": "Accounts of the caller's subtree (administrators)",
                "responses": {
                  "200": {"description": "Users", "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/User"}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}}},
              "post": {"operationId": "createUser", "summary": "Create an account in a unit of the caller's subtree (administrators)",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserInput"}}}},
                "responses": {
                  "201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"},
                  "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/users/{username}/disable": {
              "parameters": [{"name": "username", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 40}}],
              "post": {"operationId": "disableUser", "summary": "Disable an account and end its sessions (administrators)",
                "responses": {"204": {"description": "Disabled"}, "401": {"$ref": "#/components/responses/Problem"},
                  "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
            }{{CADRE_PATHS}}
          },
          "components": {
            "securitySchemes": {
              "bearer": {"type": "http", "scheme": "bearer", "description": "An API token created on the account page"},
              "session": {"type": "apiKey", "in": "cookie", "name": "tc_session"}
            },
            "parameters": {
              "page": {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000000, "default": 1}},
              "per_page": {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}},
              "code": {"name": "code", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 40}},
              "as_of": {"name": "as_of", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "YYYY-MM-DD or DD/MM/YYYY; default today"}
            },
            "responses": {
              "Problem": {"description": "An RFC 9457 problem", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            },
            "schemas": {
              "Problem": {"type": "object", "required": ["type", "title", "status", "detail", "message_vi", "message_en"],
                "properties": {
                  "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"},
                  "message_vi": {"type": "string"}, "message_en": {"type": "string"},
                  "errors": {"type": "array", "items": {"type": "object", "required": ["field", "message_vi", "message_en"], "properties": {"field": {"type": "string"}, "message_vi": {"type": "string"}, "message_en": {"type": "string"}}}},
                  "changes": {"type": "array", "items": {"type": "object", "required": ["field"], "properties": {"field": {"type": "string"}, "old": {"type": ["string", "null"]}, "new": {"type": ["string", "null"]}}}},
                  "current": {"type": "object", "additionalProperties": {"type": ["string", "null"]}}}},
              "Me": {"type": "object", "required": ["username", "display_name", "role", "unit_code", "language", "token_scope"],
                "properties": {"username": {"type": "string"}, "display_name": {"type": "string"}, "role": {"$ref": "#/components/schemas/Role"},
                  "unit_code": {"type": "string"}, "language": {"type": "string", "enum": ["vi", "en"]}, "token_scope": {"type": "string", "enum": ["read", "read_write"]}}},
              "Role": {"type": "string", "enum": ["viewer", "clerk", "head", "admin"]},
              "UnitKind": {"type": "string", "enum": ["central", "provincial", "upper_base", "base", "sub_base", "cell"]},
              "Sector": {"type": "string", "enum": ["state_agency", "public_service", "state_enterprise", "non_state_enterprise", "armed_forces", "commune", "other"]},
              "Unit": {"type": "object", "required": ["code", "name", "kind", "parent_code", "sector", "has_committee", "founded_on", "dissolved_on", "version"],
                "properties": {
                  "code": {"type": "string"}, "name": {"type": "string"}, "kind": {"$ref": "#/components/schemas/UnitKind"},
                  "parent_code": {"type": ["string", "null"]}, "sector": {"$ref": "#/components/schemas/Sector"}, "has_committee": {"type": "boolean"},
                  "founded_on": {"type": ["string", "null"], "format": "date"}, "dissolved_on": {"type": ["string", "null"], "format": "date"},
                  "version": {"type": "integer", "minimum": 1}}},
              "UnitInput": {"type": "object", "required": ["code", "name", "kind", "parent_code"],
                "properties": {
                  "code": {"type": "string", "minLength": 1, "maxLength": 40, "pattern": "^[A-Za-z0-9._-]+$"}, "name": {"type": "string", "minLength": 1, "maxLength": 300},
                  "kind": {"type": "string", "description": "English key or Vietnamese label"}, "parent_code": {"type": ["string", "null"]},
                  "sector": {"type": "string"}, "has_committee": {"type": "boolean"},
                  "founded_on": {"type": ["string", "null"], "description": "YYYY-MM-DD or DD/MM/YYYY"}, "dissolved_on": {"type": ["string", "null"]}}},
              "UnitUpdate": {"type": "object", "required": ["name", "kind", "version"],
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 300}, "kind": {"type": "string"}, "parent_code": {"type": ["string", "null"]},
                  "sector": {"type": "string"}, "has_committee": {"type": "boolean"},
                  "founded_on": {"type": ["string", "null"]}, "dissolved_on": {"type": ["string", "null"]},
                  "version": {"type": "integer", "description": "The version the change is based on"}}},
              "Stats": {"type": "object", "required": ["unit", "as_of", "units_by_kind", "cells", "cells_with_committee", "members_by_status"],
                "properties": {"unit": {"type": "string"}, "as_of": {"type": "string", "format": "date"},
                  "units_by_kind": {"type": "object", "required": ["central", "provincial", "upper_base", "base", "sub_base", "cell"], "additionalProperties": {"type": "integer"}},
                  "cells": {"type": "integer"}, "cells_with_committee": {"type": "integer"},
                  "members_by_status": {"type": "object", "additionalProperties": {"type": "integer"},
                    "required": ["candidate", "probationary", "full", "exempt", "transferred_out", "expelled", "removed", "resigned", "deceased"]}}},
              "Version": {"type": "object", "required": ["valid_from", "valid_to", "name", "kind", "sector", "has_committee", "parent_code", "event_id"],
                "properties": {"valid_from": {"type": ["string", "null"]}, "valid_to": {"type": ["string", "null"]}, "name": {"type": "string"},
                  "kind": {"$ref": "#/components/schemas/UnitKind"}, "sector": {"$ref": "#/components/schemas/Sector"}, "has_committee": {"type": "boolean"},
                  "parent_code": {"type": ["string", "null"]}, "event_id": {"type": ["integer", "null"]}}},
              "Event": {"type": "object", "required": ["id", "kind", "effective_on", "decision_no", "note", "actor", "created_at", "units", "corrects_event_id", "corrected_by_event_id"],
                "properties": {"id": {"type": "integer"}, "kind": {"type": "string", "enum": ["found", "rename", "move", "merge", "split", "dissolve", "correction"]},
                  "effective_on": {"type": "string"}, "decision_no": {"type": ["string", "null"]}, "note": {"type": ["string", "null"]}, "actor": {"type": "string"},
                  "created_at": {"type": "string"}, "units": {"type": "array", "items": {"type": "string"}},
                  "corrects_event_id": {"type": ["integer", "null"]}, "corrected_by_event_id": {"type": ["integer", "null"]}}},
              "RestructureRequest": {"type": "object", "required": ["steps"],
                "properties": {"dry_run": {"type": "boolean"}, "steps": {"type": "array", "items": {"type": "object",
                  "required": ["op", "effective_on", "decision_no", "code"],
                  "properties": {"op": {"type": "string", "enum": ["found", "rename", "move", "merge", "split", "dissolve"]},
                    "effective_on": {"type": "string"}, "decision_no": {"type": "string"}, "code": {"type": "string"}, "name": {"type": "string"},
                    "kind": {"type": "string"}, "parent_code": {"type": "string"}, "sector": {"type": "string"}, "has_committee": {"type": "boolean"},
                    "sources": {"type": "array", "items": {"type": "string"}},
                    "parts": {"type": "array", "items": {"type": "object", "required": ["code", "name"], "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"}}}},
                    "assign": {"type": "object", "additionalProperties": {"type": "string"}}, "note": {"type": "string"}}}}}},
              "Outcomes": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"type": "object",
                "required": ["kind", "created", "ended", "moved", "renamed"],
                "properties": {"line": {"type": ["integer", "null"]}, "kind": {"type": "string"}, "event_id": {"type": ["integer", "null"]},
                  "created": {"type": "array", "items": {"type": "string"}}, "ended": {"type": "array", "items": {"type": "string"}},
                  "moved": {"type": "array", "items": {"type": "string"}}, "renamed": {"type": "array", "items": {"type": "string"}}}}}}},
              "MemberStatus": {"type": "string", "enum": ["candidate", "probationary", "full", "exempt", "transferred_out", "expelled", "removed", "resigned", "deceased"]},
              "Member": {"type": "object", "required": ["id", "full_name", "gender", "unit_code", "status", "version"],
                "properties": {"id": {"type": "integer"}, "card_no": {"type": ["string", "null"]}, "national_id": {"type": ["string", "null"]},
                  "full_name": {"type": "string"}, "gender": {"type": "string", "enum": ["male", "female"]}, "birth_date": {"type": ["string", "null"]},
                  "ethnicity": {"type": ["string", "null"]}, "religion": {"type": ["string", "null"]}, "home_town": {"type": ["string", "null"]},
                  "unit_code": {"type": "string"}, "unit_name": {"type": ["string", "null"]}, "status": {"$ref": "#/components/schemas/MemberStatus"},
                  "admitted_on": {"type": ["string", "null"]}, "recognized_on": {"type": ["string", "null"]}, "left_on": {"type": ["string", "null"]},
                  "education": {"type": ["string", "null"]}, "qualification": {"type": ["string", "null"]}, "political_theory": {"type": ["string", "null"]},
                  "occupation": {"type": ["string", "null"]}, "phone": {"type": ["string", "null"]}, "address": {"type": ["string", "null"]}, "version": {"type": "integer"}}},
              "MemberInput": {"type": "object", "required": ["full_name", "gender", "unit_code", "status"],
                "properties": {"card_no": {"type": "string"}, "national_id": {"type": "string"}, "full_name": {"type": "string"},
                  "gender": {"type": "string", "description": "male, female, Nam, Nữ"}, "birth_date": {"type": "string"}, "ethnicity": {"type": "string"},
                  "religion": {"type": "string"}, "home_town": {"type": "string"}, "unit_code": {"type": "string"}, "status": {"type": "string"},
                  "admitted_on": {"type": "string"}, "recognized_on": {"type": "string"}, "left_on": {"type": "string"}, "education": {"type": "string"},
                  "qualification": {"type": "string"}, "political_theory": {"type": "string"}, "occupation": {"type": "string"}, "phone": {"type": "string"},
                  "address": {"type": "string"}, "version": {"type": "integer", "description": "PUT: the version the change is based on"}}},
              "UnitChoice": {"type": "object", "required": ["code", "name", "kind", "parent_code", "parent_name", "dissolved_on"],
                "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"},
                  "parent_code": {"type": ["string", "null"]}, "parent_name": {"type": ["string", "null"]}, "dissolved_on": {"type": ["string", "null"], "format": "date"}}},
              "UnitChoiceList": {"type": "object", "required": ["items", "page", "per_page", "total"],
                "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/UnitChoice"}}, "page": {"type": "integer"}, "per_page": {"type": "integer"}, "total": {"type": "integer"}}},
              "UnitList": {"type": "object", "required": ["items", "page", "per_page", "total"],
                "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Unit"}}, "page": {"type": "integer"}, "per_page": {"type": "integer"}, "total": {"type": "integer"}}},
              "AuditEntry": {"type": "object", "required": ["id", "at", "actor", "address", "action", "entity", "entity_key", "changes"],
                "properties": {
                  "id": {"type": "integer"}, "at": {"type": "string"}, "actor": {"type": "string"}, "address": {"type": ["string", "null"]},
                  "action": {"type": "string"}, "entity": {"type": "string"}, "entity_key": {"type": "string"},
                  "changes": {"type": "array", "items": {"type": "object", "required": ["field", "old", "new"], "properties": {"field": {"type": "string"}, "old": {"type": ["string", "null"]}, "new": {"type": ["string", "null"]}}}}}},
              "AuditList": {"type": "object", "required": ["items", "page", "per_page", "total"],
                "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}, "page": {"type": "integer"}, "per_page": {"type": "integer"}, "total": {"type": "integer"}}},
              "Token": {"type": "object", "required": ["id", "name", "scope", "created_at"],
                "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "scope": {"type": "string", "enum": ["read", "read_write"]},
                  "created_at": {"type": "string"}, "last_used_at": {"type": ["string", "null"]}, "revoked_at": {"type": ["string", "null"]}}},
              "User": {"type": "object", "required": ["username", "display_name", "role", "unit_code", "unit_name", "language", "disabled",
                  "created_at", "second_factor"],
                "properties": {"username": {"type": "string"}, "display_name": {"type": "string"}, "role": {"$ref": "#/components/schemas/Role"},
                  "unit_code": {"type": "string"}, "unit_name": {"type": "string"}, "language": {"type": "string", "enum": ["vi", "en"]},
                  "disabled": {"type": "boolean"}, "created_at": {"type": "string"},
                  "second_factor": {"type": "boolean", "description": "A TOTP second factor is enrolled (required of head and admin)."}}},
              "UserInput": {"type": "object", "required": ["username", "password", "role", "unit_code"],
                "properties": {"username": {"type": "string"}, "display_name": {"type": "string"}, "password": {"type": "string"},
                  "role": {"$ref": "#/components/schemas/Role"}, "unit_code": {"type": "string"}}}{{CADRE_SCHEMAS}}
            }
          }
        }
        """#
}
