import ToChucDomain

/// The OpenAPI paths and schemas of rule sets and classification (issue 6), spliced into `OpenAPIDocument`'s template;
/// routes in `AssessmentAPI.swift`.
extension OpenAPIDocument {
    static let assessmentPaths = #"""
        ,
            "/api/v1/rules": {
              "get": {"operationId": "listRuleSets", "summary": "Every version of the rule sets (shipped and added), newest first per family, with the one in force today",
                "parameters": [{"name": "family", "in": "query", "schema": {"$ref": "#/components/schemas/RuleFamily"}}],
                "responses": {"200": {"description": "Versions", "content": {"application/json": {"schema": {"type": "object", "required": ["items"],
                  "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/RuleSet"}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}},
              "post": {"operationId": "addRuleSet", "summary": "Add a version of a family for a new regulation (administrators); every threshold of the family is required",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RuleSetInput"}}}},
                "responses": {"201": {"description": "Added", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RuleSet"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/units/{code}/evaluations": {
              "parameters": [{"$ref": "#/components/parameters/code"}],
              "get": {"operationId": "getEvaluationGrid", "summary": "The unit's classification grid for a review period: who is rated, the period before, the rule set in force",
                "parameters": [{"name": "period", "in": "query", "schema": {"type": "string", "maxLength": 9}, "description": "2024, 2025-Q2 or 2020-2025; default this year"},
                  {"name": "subject", "in": "query", "schema": {"$ref": "#/components/schemas/RatingSubject"}}],
                "responses": {"200": {"description": "The grid", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EvaluationGrid"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}},
              "put": {"operationId": "saveEvaluations", "summary": "Save lines of the grid, all or nothing: scores mapped by the rule set, the xuất sắc quota checked, stale lines refused (409)",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EvaluationInput"}}}},
                "responses": {"200": {"description": "The grid as saved", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EvaluationGrid"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/units/{code}/evaluation-results": {
              "parameters": [{"$ref": "#/components/parameters/code"}],
              "get": {"operationId": "getEvaluationResults", "summary": "Results by class for the unit's subtree: the unit's own grid and each child's subtree, with the period before",
                "parameters": [{"name": "period", "in": "query", "schema": {"type": "string", "maxLength": 9}},
                  {"name": "subject", "in": "query", "schema": {"$ref": "#/components/schemas/RatingSubject"}}],
                "responses": {"200": {"description": "Results", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EvaluationResults"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            }
        """#

    /// Every family, so that the schema lists each one added (`RuleFamily.allCases`).
    static let ruleFamilies = "[" + RuleFamily.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]"

    static let assessmentSchemas = #"""
        ,
              "RuleFamily": {"type": "string", "enum": \#(ruleFamilies)},
              "RatingSubject": {"type": "string", "enum": ["member", "leader", "unit"]},
              "Rating": {"type": "string", "enum": ["excellent", "good", "done", "not_done"]},
              "RatingCounts": {"type": "object", "required": ["excellent", "good", "done", "not_done"],
                "properties": {"excellent": {"type": "integer"}, "good": {"type": "integer"}, "done": {"type": "integer"}, "not_done": {"type": "integer"}}},
              "RuleSet": {"type": "object", "required": ["id", "family", "regulation", "effective_from", "title", "values", "built_in", "created_by", "void_reason", "in_force"],
                "properties": {"id": {"type": ["integer", "null"]}, "family": {"$ref": "#/components/schemas/RuleFamily"}, "regulation": {"type": "string"},
                  "effective_from": {"type": "string"}, "title": {"type": "string"}, "values": {"type": "object", "additionalProperties": {"type": "string"}},
                  "built_in": {"type": "boolean"}, "created_by": {"type": ["string", "null"]}, "void_reason": {"type": ["string", "null"]}, "in_force": {"type": "boolean"}}},
              "RuleSetInput": {"type": "object", "required": ["family", "regulation", "effective_from", "title", "values"],
                "properties": {"family": {"$ref": "#/components/schemas/RuleFamily"}, "regulation": {"type": "string", "maxLength": 60},
                  "effective_from": {"type": "string", "format": "date"}, "title": {"type": "string", "maxLength": 500},
                  "values": {"type": "object", "additionalProperties": {"type": "string", "maxLength": 20}}}},
              "EvaluationGrid": {"type": "object", "required": ["unit", "period", "subject", "regulation", "uses_score", "excellent_allowed", "counts", "items"],
                "properties": {"unit": {"type": "string"}, "period": {"type": "string"}, "subject": {"$ref": "#/components/schemas/RatingSubject"},
                  "regulation": {"type": "string"}, "uses_score": {"type": "boolean"}, "excellent_allowed": {"type": "integer"},
                  "counts": {"$ref": "#/components/schemas/RatingCounts"},
                  "items": {"type": "array", "items": {"type": "object", "required": ["subject_key", "name", "detail", "previous", "rating", "score", "version"],
                    "properties": {"subject_key": {"type": "string"}, "name": {"type": "string"}, "detail": {"type": "string"},
                      "previous": {"oneOf": [{"$ref": "#/components/schemas/Rating"}, {"type": "null"}]},
                      "rating": {"oneOf": [{"$ref": "#/components/schemas/Rating"}, {"type": "null"}]},
                      "score": {"type": ["integer", "null"]}, "version": {"type": "integer"}}}}}},
              "EvaluationInput": {"type": "object", "required": ["period", "items"],
                "properties": {"period": {"type": "string", "maxLength": 9}, "subject": {"$ref": "#/components/schemas/RatingSubject"},
                  "items": {"type": "array", "maxItems": 5000, "items": {"type": "object", "required": ["subject_key"],
                    "properties": {"subject_key": {"type": "string", "maxLength": 30}, "rating": {"type": "string", "maxLength": 40, "description": "A key, label or letter; empty removes the rating"},
                      "score": {"type": "integer", "minimum": 0, "maximum": 100}, "version": {"type": "integer", "minimum": 0}}}}}},
              "EvaluationResults": {"type": "object", "required": ["unit", "period", "subject", "lines", "totals", "previous_period", "previous_totals"],
                "properties": {"unit": {"type": "string"}, "period": {"type": "string"}, "subject": {"$ref": "#/components/schemas/RatingSubject"},
                  "lines": {"type": "array", "items": {"type": "object", "required": ["code", "name", "counts", "total"],
                    "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "counts": {"$ref": "#/components/schemas/RatingCounts"}, "total": {"type": "integer"}}}},
                  "totals": {"$ref": "#/components/schemas/RatingCounts"}, "previous_period": {"type": "string"},
                  "previous_totals": {"$ref": "#/components/schemas/RatingCounts"}}}
        """#
}
