/// The OpenAPI path and schema of the briefing report (issue 7), spliced into `OpenAPIDocument`'s template; route in
/// `ReportAPI.swift`.
extension OpenAPIDocument {
    static let reportPaths = #"""
        ,
            "/api/v1/units/{code}/report": {
              "parameters": [{"$ref": "#/components/parameters/code"}],
              "get": {"operationId": "briefingReport", "summary": "The briefing report's figures for the unit's subtree and a period (DOMAIN.md §5)",
                "parameters": [{"name": "period", "in": "query", "required": true, "schema": {"type": "string", "maxLength": 30},
                  "description": "2022 (year), 2023-06 (month), 2023-H1 (half), 2023-Q3 (quarter) or 2023-01-01..2023-03-31"}],
                "responses": {"200": {"description": "The report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BriefingReport"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            }
        """#

    static let reportSchemas = #"""
        ,
              "LevelCounts": {"type": "object", "required": ["central", "provincial", "upper_base", "base"],
                "properties": {"central": {"type": "integer"}, "provincial": {"type": "integer"}, "upper_base": {"type": "integer"}, "base": {"type": "integer"}}},
              "BriefingReport": {"type": "object", "required": ["unit", "unit_name", "period", "figures"],
                "properties": {"unit": {"type": "string"}, "unit_name": {"type": "string"},
                  "period": {"type": "object", "required": ["from", "to", "key", "label_vi", "label_en"],
                    "properties": {"from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"}, "key": {"type": "string"},
                      "label_vi": {"type": "string"}, "label_en": {"type": "string"}}},
                  "figures": {"type": "object",
                    "required": ["cells", "cells_with_committee", "admitted", "admitted_previous", "recognized", "left", "transferred_out", "new_units_non_state", "approvals",
                      "vetting_concluded", "trained", "courses_organized", "course_trainees", "ratings", "ratings_units", "congress", "proposals_answered",
                      "tasks_open"],
                    "properties": {"cells": {"type": "integer", "description": "Cells existing on the period's last day"},
                      "cells_with_committee": {"type": "integer"},
                      "admitted": {"type": "integer", "description": "Admission dates in the period, by the unit the member belonged to then"},
                      "admitted_previous": {"type": "integer", "description": "The same a year earlier"},
                      "recognized": {"type": "integer"},
                      "left": {"type": "object", "required": ["expelled", "removed", "resigned", "deceased"],
                        "properties": {"expelled": {"type": "integer"}, "removed": {"type": "integer"}, "resigned": {"type": "integer"}, "deceased": {"type": "integer"}}},
                      "transferred_out": {"type": "integer"},
                      "new_units_non_state": {"type": "integer", "description": "Base units of non-state enterprises founded in the period"},
                      "approvals": {"$ref": "#/components/schemas/LevelCounts"},
                      "trained": {"type": "integer", "description": "Trainees sent by the subtree to courses started in the period"},
                      "courses_organized": {"type": "integer"}, "course_trainees": {"type": "integer"},
                      "vetting_concluded": {"type": "integer", "description": "Vetting cases concluded in the period by units of the subtree"},
                      "ratings": {"$ref": "#/components/schemas/RatingCounts"}, "ratings_units": {"$ref": "#/components/schemas/RatingCounts"},
                      "congress": {"$ref": "#/components/schemas/CongressFigures"},
                      "proposals_answered": {"type": "integer", "description": "Proposals answered in the period (by the answer's date) whose receiving unit is in the subtree"},
                      "tasks_open": {"type": "integer", "description": "Tasks carried out in the subtree that are open on the period's last day"}}}}}
        """#
}
