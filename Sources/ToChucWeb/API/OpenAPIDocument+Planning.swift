/// The OpenAPI paths and schemas of planning by term (issue 5, quy hoạch), spliced into `OpenAPIDocument`'s
/// template; routes in `PlanningAPI.swift`.
extension OpenAPIDocument {
    static let planningPaths = #"""
        ,
            "/api/v1/planning": {
              "get": {"operationId": "listPlanningLists", "summary": "Planning lists at places in the caller's subtree, newest term first, each with its structure",
                "parameters": [{"name": "term", "in": "query", "schema": {"type": "string", "maxLength": 20}, "description": "A term such as 2025-2030"},
                  {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200}, "description": "Words of the position or place (accents optional)"},
                  {"name": "unit", "in": "query", "schema": {"type": "string", "maxLength": 40}},
                  {"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per_page"}],
                "responses": {"200": {"description": "A page of lists", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningListPage"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}},
              "post": {"operationId": "createPlanningList", "summary": "Open a list for one position at one place (unit or agency code) for a term",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningListInput"}}}},
                "responses": {"201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningList"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"},
                  "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/planning/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "get": {"operationId": "getPlanningList", "summary": "A list: who is planned, who was removed and why, its structure against the targets, what the review would remove",
                "responses": {"200": {"description": "The list", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningDetail"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/planning/{id}/entries": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "post": {"operationId": "addPlanningCandidate", "summary": "Plan a person (card or national ID number); refused with the rule's reason (3 per position, 3 positions per person, a full term of working age, discipline)",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningEntryInput"}}}},
                "responses": {"201": {"description": "Planned, waiting for approval", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningEntry"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/planning/entries/{id}/remove": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "post": {"operationId": "removePlanningCandidate", "summary": "Take a person out of a list, with a reason; the entry stays in the list's record",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningRemovalInput"}}}},
                "responses": {"200": {"description": "Removed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningEntry"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/planning/{id}/review": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "post": {"operationId": "reviewPlanningList", "summary": "The yearly review: remove everyone the rules take out (age limit, discipline), each with the rule's reason",
                "requestBody": {"required": false, "content": {"application/json": {"schema": {"type": "object", "properties": {"on": {"type": "string", "format": "date", "description": "Default today"}}}}}},
                "responses": {"200": {"description": "Who was removed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningReviewResult"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/planning/{id}/approve": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "post": {"operationId": "approvePlanningList", "summary": "Approve the list as it stands (heads at its managing level or above)",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningApprovalInput"}}}},
                "responses": {"200": {"description": "Approved", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningList"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            }
        """#

    static let planningSchemas = #"""
        ,
              "PlanningList": {"type": "object",
                "required": ["id", "term", "position", "place_code", "place_name", "is_agency", "managed_by", "approved_on", "approved_by", "approval_no", "version"],
                "properties": {"id": {"type": "integer"}, "term": {"type": "string"}, "position": {"type": "string"}, "place_code": {"type": "string"},
                  "place_name": {"type": "string"}, "is_agency": {"type": "boolean"}, "managed_by": {"$ref": "#/components/schemas/ManagementLevel"},
                  "approved_on": {"type": ["string", "null"]}, "approved_by": {"type": ["string", "null"]}, "approval_no": {"type": ["string", "null"]},
                  "version": {"type": "integer"}}},
              "PlanningShare": {"type": "object", "required": ["count", "total", "percent", "target_percent", "met"],
                "properties": {"count": {"type": "integer"}, "total": {"type": "integer"}, "percent": {"type": "number"},
                  "target_percent": {"type": ["integer", "null"]}, "met": {"type": ["boolean", "null"]}}},
              "PlanningStructure": {"type": "object", "required": ["total", "women", "young", "young_age_limit", "ethnic_minority", "problems"],
                "properties": {"total": {"type": "integer"}, "women": {"$ref": "#/components/schemas/PlanningShare"},
                  "young": {"$ref": "#/components/schemas/PlanningShare"}, "young_age_limit": {"type": "integer"},
                  "ethnic_minority": {"$ref": "#/components/schemas/PlanningShare"}, "problems": {"type": "array", "items": {"type": "string"}}}},
              "PlanningEntry": {"type": "object",
                "required": ["id", "list_id", "cadre", "is_ethnic_minority", "added_on", "added_reason", "added_by", "approved_on", "removed_on", "removal_kind", "removed_reason"],
                "properties": {"id": {"type": "integer"}, "list_id": {"type": "integer"}, "cadre": {"$ref": "#/components/schemas/Cadre"},
                  "is_ethnic_minority": {"type": "boolean"}, "added_on": {"type": "string"}, "added_reason": {"type": ["string", "null"]},
                  "added_by": {"type": "string"}, "approved_on": {"type": ["string", "null"]}, "removed_on": {"type": ["string", "null"]},
                  "removal_kind": {"type": ["string", "null"]}, "removed_reason": {"type": ["string", "null"]}}},
              "PlanningListSummary": {"type": "object", "required": ["list", "planned", "pending", "structure"],
                "properties": {"list": {"$ref": "#/components/schemas/PlanningList"}, "planned": {"type": "integer"}, "pending": {"type": "integer"},
                  "structure": {"$ref": "#/components/schemas/PlanningStructure"}}},
              "PlanningListPage": {"type": "object", "required": ["items", "page", "per_page", "total"],
                "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/PlanningListSummary"}}, "page": {"type": "integer"},
                  "per_page": {"type": "integer"}, "total": {"type": "integer"}}},
              "PlanningReviewItem": {"type": "object", "required": ["entry", "reasons"],
                "properties": {"entry": {"$ref": "#/components/schemas/PlanningEntry"}, "reasons": {"type": "array", "items": {"type": "string"}}}},
              "PlanningReviewResult": {"type": "object", "required": ["items"],
                "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/PlanningReviewItem"}}}},
              "PlanningDetail": {"type": "object", "required": ["list", "active", "removed", "structure", "problems", "review"],
                "properties": {"list": {"$ref": "#/components/schemas/PlanningList"},
                  "active": {"type": "array", "items": {"$ref": "#/components/schemas/PlanningEntry"}},
                  "removed": {"type": "array", "items": {"$ref": "#/components/schemas/PlanningEntry"}},
                  "structure": {"$ref": "#/components/schemas/PlanningStructure"}, "problems": {"type": "array", "items": {"type": "string"}},
                  "review": {"type": "array", "items": {"$ref": "#/components/schemas/PlanningReviewItem"}}}},
              "PlanningListInput": {"type": "object", "required": ["term", "position", "place_code", "managed_by"],
                "properties": {"term": {"type": "string", "maxLength": 20, "description": "e.g. 2025-2030"}, "position": {"type": "string", "maxLength": 200},
                  "place_code": {"type": "string", "maxLength": 40, "description": "A party unit's or an agency's code"},
                  "managed_by": {"$ref": "#/components/schemas/ManagementLevel"}}},
              "PlanningEntryInput": {"type": "object", "required": ["person"],
                "properties": {"person": {"type": "string", "maxLength": 40, "description": "Party card or national ID number"},
                  "added_on": {"type": "string", "format": "date", "description": "Default today"}, "reason": {"type": "string", "maxLength": 500}}},
              "PlanningRemovalInput": {"type": "object", "required": ["reason"],
                "properties": {"reason": {"type": "string", "maxLength": 500}, "removed_on": {"type": "string", "format": "date", "description": "Default today"}}},
              "PlanningApprovalInput": {"type": "object", "required": ["decision_no"],
                "properties": {"decision_no": {"type": "string", "maxLength": 100}, "approved_on": {"type": "string", "format": "date", "description": "Default today"}}}
        """#
}
