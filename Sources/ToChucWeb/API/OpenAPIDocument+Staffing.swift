/// The OpenAPI paths and schemas of staffing quotas (issue 5, biên chế), spliced into `OpenAPIDocument`'s template;
/// routes in `StaffingAPI.swift`.
extension OpenAPIDocument {
    static let staffingPaths = #"""
        ,
            "/api/v1/staffing": {
              "get": {"operationId": "listStaffing", "summary": "The agencies of the caller's subtree in tree order with their quotas for a year, and the totals of the whole list",
                "parameters": [{"name": "year", "in": "query", "schema": {"type": "integer", "minimum": 2000, "maximum": 2100}, "description": "Default the current year"},
                  {"name": "unit", "in": "query", "schema": {"type": "string", "maxLength": 40}, "description": "Only the agencies led from this unit's subtree"},
                  {"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per_page"}],
                "responses": {"200": {"description": "A page of agencies", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StaffingReport"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/staffing/{code}/{year}": {
              "parameters": [{"$ref": "#/components/parameters/code"}, {"name": "year", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 2000, "maximum": 2100}}],
              "get": {"operationId": "getStaffingQuota", "summary": "An agency's figures for a year (404 when none is recorded)",
                "responses": {"200": {"description": "The figures", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StaffingQuota"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}},
              "put": {"operationId": "saveStaffingQuota", "summary": "Record (version 0) or correct an agency's figures for a year; the quota must fit in the parent's and cover the children's; 409 when the version moved on",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StaffingInput"}}}},
                "responses": {"200": {"description": "Saved", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StaffingQuota"}}}},
                  "201": {"description": "Recorded for the first time", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StaffingQuota"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/staffing/{code}/{year}/history": {
              "parameters": [{"$ref": "#/components/parameters/code"}, {"name": "year", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 2000, "maximum": 2100}}],
              "get": {"operationId": "staffingHistory", "summary": "Changes to an agency's figures of a year, oldest first",
                "responses": {"200": {"description": "History", "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
            }
        """#

    static let staffingSchemas = #"""
        ,
              "StaffingFigures": {"type": "object", "required": ["assigned", "actual", "over_quota", "reduction_target", "reduced", "progress_percent", "note"],
                "properties": {"assigned": {"type": "integer"}, "actual": {"type": "integer"}, "over_quota": {"type": "integer", "description": "actual − assigned"},
                  "reduction_target": {"type": "integer"}, "reduced": {"type": "integer"},
                  "progress_percent": {"type": ["number", "null"], "description": "reduced / reduction_target in percent, two decimals; null without a target"},
                  "note": {"type": ["string", "null"]}}},
              "StaffingQuota": {"type": "object", "required": ["agency_code", "agency_name", "year", "figures", "version", "updated_at"],
                "properties": {"agency_code": {"type": "string"}, "agency_name": {"type": "string"}, "year": {"type": "integer"},
                  "figures": {"$ref": "#/components/schemas/StaffingFigures"}, "version": {"type": "integer"}, "updated_at": {"type": "string"}}},
              "StaffingRow": {"type": "object", "required": ["agency", "depth", "figures", "version", "counts_in_totals"],
                "properties": {"agency": {"$ref": "#/components/schemas/Agency"}, "depth": {"type": "integer"},
                  "figures": {"oneOf": [{"$ref": "#/components/schemas/StaffingFigures"}, {"type": "null"}]}, "version": {"type": ["integer", "null"]},
                  "counts_in_totals": {"type": "boolean", "description": "false when an agency above it in the list has figures (they include its own)"}}},
              "StaffingReport": {"type": "object", "required": ["year", "unit_code", "items", "page", "per_page", "total", "totals"],
                "properties": {"year": {"type": "integer"}, "unit_code": {"type": "string"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/StaffingRow"}},
                  "page": {"type": "integer"}, "per_page": {"type": "integer"}, "total": {"type": "integer"}, "totals": {"$ref": "#/components/schemas/StaffingFigures"}}},
              "StaffingInput": {"type": "object", "required": ["assigned", "actual", "version"],
                "properties": {"assigned": {"type": "integer", "minimum": 0, "maximum": 10000000}, "actual": {"type": "integer", "minimum": 0, "maximum": 10000000},
                  "reduction_target": {"type": "integer", "minimum": 0, "maximum": 10000000}, "reduced": {"type": "integer", "minimum": 0, "maximum": 10000000},
                  "note": {"type": "string", "maxLength": 1000}, "version": {"type": "integer", "minimum": 0, "description": "The version the client started from; 0 for a year not recorded yet"}}}
        """#
}
