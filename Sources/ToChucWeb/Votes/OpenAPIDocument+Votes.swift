/// The OpenAPI paths and schemas of confidence votes and cell meetings (issue 6), spliced into `OpenAPIDocument`'s
/// template; routes in `VoteAPI.swift` and `MeetingAPI.swift`. Ballots are secret: only the counts of the paper tally.
extension OpenAPIDocument {
    static let votePaths = confidenceVotePaths + meetingPaths

    static let voteSchemas = confidenceVoteSchemas + meetingSchemas

    private static let confidenceVotePaths = #"""
        ,
            "/api/v1/votes": {
              "get": {"operationId": "listVoteSessions", "summary": "Confidence vote sessions of the caller's subtree, newest first, with their persons, tallies and consequences",
                "parameters": [{"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200}, "description": "Words of the body's or the unit's name"},
                  {"name": "unit", "in": "query", "schema": {"type": "string", "maxLength": 40}, "description": "A unit: its subtree only"},
                  {"name": "round", "in": "query", "schema": {"type": "string", "maxLength": 40}, "description": "A round (đợt), e.g. 2026; case and accents ignored"},
                  {"name": "body_kind", "in": "query", "schema": {"$ref": "#/components/schemas/VoteBodyKind"}},
                  {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
                  {"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per_page"}],
                "responses": {"200": {"description": "A page of sessions", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VoteSessionPage"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}},
              "post": {"operationId": "createVoteSession", "summary": "Record a session of a unit's body: who convened, who present (the quorum is the rule set's share of those convened), the round",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VoteSessionInput"}}}},
                "responses": {"201": {"description": "Recorded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VoteSession"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/votes/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "get": {"operationId": "getVoteSession", "summary": "A session: quorum, persons, tallies, percentages over ballots returned, consequences",
                "responses": {"200": {"description": "The session", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VoteSession"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}},
              "put": {"operationId": "updateVoteSession", "summary": "Correct a session's facts; 409 when its version moved on; refused when entered tallies would no longer fit",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VoteSessionUpdate"}}}},
                "responses": {"200": {"description": "Saved", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VoteSession"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/votes/{id}/persons": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "post": {"operationId": "addVotePerson", "summary": "Add a person voted on (card or national ID number); refused beyond the rule set's places per round (96-QĐ/TW: two)",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VotePersonInput"}}}},
                "responses": {"201": {"description": "Added", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VoteSession"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/votes/{id}/persons/{subject_id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}},
                {"name": "subject_id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "delete": {"operationId": "removeVotePerson", "summary": "Take a person off the session's list (the history keeps the line)",
                "responses": {"200": {"description": "The session", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VoteSession"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/votes/{id}/tallies": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "put": {"operationId": "saveVoteTallies", "summary": "Enter tallies from the paper count, all or nothing: quorum required, counts checked, stale lines refused (409); a line without counts clears the tally",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VoteTallyInput"}}}},
                "responses": {"200": {"description": "The session as saved", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VoteSession"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/votes/{id}/history": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "get": {"operationId": "voteSessionHistory", "summary": "Audit history of a session and its persons' lines, oldest first",
                "responses": {"200": {"description": "History", "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/cadres/{id}/votes": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "get": {"operationId": "cadreVotes", "summary": "A cadre's confidence vote results at the sessions in the caller's subtree, newest first",
                "responses": {"200": {"description": "Results", "content": {"application/json": {"schema": {"type": "object", "required": ["items"],
                  "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/CadreVote"}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
            }
        """#

    private static let meetingPaths = #"""
        ,
            "/api/v1/units/{code}/meetings": {
              "parameters": [{"$ref": "#/components/parameters/code"}],
              "get": {"operationId": "listCellMeetings", "summary": "A cell's meetings of a year, oldest first (a future date is a scheduled meeting)",
                "parameters": [{"name": "year", "in": "query", "schema": {"type": "integer", "minimum": 1930, "maximum": 2100}, "description": "Default this year"}],
                "responses": {"200": {"description": "Meetings", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MeetingYear"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}},
              "post": {"operationId": "createCellMeeting", "summary": "Schedule or record a meeting of a cell (kind cell or base)",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MeetingInput"}}}},
                "responses": {"201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MeetingDetail"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/meetings/flagged": {
              "get": {"operationId": "flaggedMembers", "summary": "Members of a subtree who, in a year, missed the monthly meeting without good reason or did not pay dues for the rule set's months (Điều lệ Đảng, Điều 8: three, not necessarily in a row)",
                "parameters": [{"name": "unit", "in": "query", "schema": {"type": "string", "maxLength": 40}},
                  {"name": "year", "in": "query", "schema": {"type": "integer", "minimum": 1930, "maximum": 2100}},
                  {"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per_page"}],
                "responses": {"200": {"description": "Flagged members", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FlaggedList"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/meetings/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "get": {"operationId": "getCellMeeting", "summary": "A meeting with its attendance",
                "responses": {"200": {"description": "The meeting", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MeetingDetail"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}},
              "put": {"operationId": "updateCellMeeting", "summary": "Change a meeting's date, kind, topics or resolution; 409 when its version moved on",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MeetingUpdate"}}}},
                "responses": {"200": {"description": "Saved", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MeetingDetail"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/meetings/{id}/attendance": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "put": {"operationId": "saveAttendance", "summary": "Record attendance once the meeting has taken place, all or nothing, at the meeting's version (409 when it moved on); an empty attendance removes the record",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AttendanceInput"}}}},
                "responses": {"200": {"description": "Saved", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MeetingDetail"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/meetings/{id}/history": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
              "get": {"operationId": "cellMeetingHistory", "summary": "Audit history of a meeting and its attendance, oldest first",
                "responses": {"200": {"description": "History", "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}}}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
            },
            "/api/v1/units/{code}/dues": {
              "parameters": [{"$ref": "#/components/parameters/code"}],
              "get": {"operationId": "getDues", "summary": "A cell's party dues of a year: each member's months recorded (paid with the amount when known, or not paid)",
                "parameters": [{"name": "year", "in": "query", "schema": {"type": "integer", "minimum": 1930, "maximum": 2100}}],
                "responses": {"200": {"description": "The grid", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DuesGrid"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}},
              "put": {"operationId": "saveDues", "summary": "Record months of dues, all or nothing: x or an amount in đồng (paid), 0 or - (not paid, not for a month to come), empty (remove); stale cells refused (409)",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DuesInput"}}}},
                "responses": {"200": {"description": "The grid as saved", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DuesGrid"}}}},
                  "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            }
        """#

    private static let confidenceVoteSchemas = #"""
        ,
              "VoteBodyKind": {"type": "string", "enum": ["committee", "standing_committee", "conference"]},
              "VoteConsequence": {"type": "string", "enum": ["none", "removal", "dismissal"]},
              "VoteTally": {"type": "object", "required": ["issued", "returned", "valid", "invalid", "high", "medium", "low"],
                "properties": {"issued": {"type": "integer"}, "returned": {"type": "integer"}, "valid": {"type": "integer"}, "invalid": {"type": "integer"},
                  "high": {"type": "integer"}, "medium": {"type": "integer"}, "low": {"type": "integer"}}},
              "VotePercent": {"type": "object", "required": ["high", "medium", "low", "invalid"], "description": "Shares of the ballots returned, in percent, truncated to two decimals",
                "properties": {"high": {"type": "number"}, "medium": {"type": "number"}, "low": {"type": "number"}, "invalid": {"type": "number"}}},
              "VotePerson": {"type": "object", "required": ["id", "cadre_id", "full_name", "card_no", "position", "version", "tally", "percent", "consequence"],
                "properties": {"id": {"type": "integer"}, "cadre_id": {"type": "integer"}, "full_name": {"type": "string"}, "card_no": {"type": ["string", "null"]},
                  "position": {"type": "string"}, "version": {"type": "integer"},
                  "tally": {"oneOf": [{"$ref": "#/components/schemas/VoteTally"}, {"type": "null"}]},
                  "percent": {"oneOf": [{"$ref": "#/components/schemas/VotePercent"}, {"type": "null"}]},
                  "consequence": {"oneOf": [{"$ref": "#/components/schemas/VoteConsequence"}, {"type": "null"}]}}},
              "VoteSession": {"type": "object",
                "required": ["id", "unit_code", "unit_name", "body_kind", "body_name", "round", "held_on", "convened", "present", "note", "version", "regulation", "quorum", "persons"],
                "properties": {"id": {"type": "integer"}, "unit_code": {"type": "string"}, "unit_name": {"type": "string"},
                  "body_kind": {"$ref": "#/components/schemas/VoteBodyKind"}, "body_name": {"type": "string"}, "round": {"type": "string"},
                  "held_on": {"type": "string"}, "convened": {"type": "integer"}, "present": {"type": "integer"}, "note": {"type": ["string", "null"]},
                  "version": {"type": "integer"}, "regulation": {"type": "string"},
                  "quorum": {"type": "object", "required": ["required", "met"], "properties": {"required": {"type": "integer"}, "met": {"type": "boolean"}}},
                  "persons": {"type": "array", "items": {"$ref": "#/components/schemas/VotePerson"}}}},
              "VoteSessionPage": {"type": "object", "required": ["items", "page", "per_page", "total"],
                "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/VoteSession"}}, "page": {"type": "integer"},
                  "per_page": {"type": "integer"}, "total": {"type": "integer"}}},
              "VoteSessionInput": {"type": "object", "required": ["body_kind", "round", "held_on", "convened", "present"],
                "properties": {"unit_code": {"type": "string", "maxLength": 40, "description": "Default the caller's unit"},
                  "body_kind": {"$ref": "#/components/schemas/VoteBodyKind"}, "body_name": {"type": "string", "maxLength": 300, "description": "Default the kind and the unit's name"},
                  "round": {"type": "string", "minLength": 1, "maxLength": 40}, "held_on": {"type": "string", "format": "date"},
                  "convened": {"type": "integer", "minimum": 1, "maximum": 100000}, "present": {"type": "integer", "minimum": 0, "maximum": 100000},
                  "note": {"type": "string", "maxLength": 2000}}},
              "VoteSessionUpdate": {"type": "object", "required": ["body_kind", "round", "held_on", "convened", "present", "version"],
                "properties": {"unit_code": {"type": "string", "maxLength": 40}, "body_kind": {"$ref": "#/components/schemas/VoteBodyKind"},
                  "body_name": {"type": "string", "maxLength": 300}, "round": {"type": "string", "minLength": 1, "maxLength": 40},
                  "held_on": {"type": "string", "format": "date"}, "convened": {"type": "integer", "minimum": 1, "maximum": 100000},
                  "present": {"type": "integer", "minimum": 0, "maximum": 100000}, "note": {"type": "string", "maxLength": 2000}, "version": {"type": "integer"}}},
              "VotePersonInput": {"type": "object", "required": ["person"],
                "properties": {"person": {"type": "string", "maxLength": 20, "description": "Party card or national ID number"},
                  "position": {"type": "string", "maxLength": 200, "description": "Default the post held at the unit on the day"}}},
              "VoteTallyInput": {"type": "object", "required": ["items"],
                "properties": {"items": {"type": "array", "maxItems": 1000, "items": {"type": "object", "required": ["subject_id", "version"],
                  "properties": {"subject_id": {"type": "integer"}, "version": {"type": "integer"},
                    "issued": {"type": "integer", "minimum": 0}, "returned": {"type": "integer", "minimum": 0}, "valid": {"type": "integer", "minimum": 0},
                    "invalid": {"type": "integer", "minimum": 0}, "high": {"type": "integer", "minimum": 0}, "medium": {"type": "integer", "minimum": 0},
                    "low": {"type": "integer", "minimum": 0}}}}}},
              "CadreVote": {"type": "object", "required": ["session_id", "held_on", "body_name", "round", "person"],
                "properties": {"session_id": {"type": "integer"}, "held_on": {"type": "string"}, "body_name": {"type": "string"}, "round": {"type": "string"},
                  "person": {"$ref": "#/components/schemas/VotePerson"}}}
        """#

    private static let meetingSchemas = #"""
        ,
              "MeetingKind": {"type": "string", "enum": ["monthly", "thematic"]},
              "Attendance": {"type": "string", "enum": ["present", "excused", "absent"]},
              "Meeting": {"type": "object", "required": ["id", "unit_code", "unit_name", "meets_on", "kind", "topics", "resolution", "version"],
                "properties": {"id": {"type": "integer"}, "unit_code": {"type": "string"}, "unit_name": {"type": "string"}, "meets_on": {"type": "string"},
                  "kind": {"$ref": "#/components/schemas/MeetingKind"}, "topics": {"type": ["string", "null"]}, "resolution": {"type": ["string", "null"]},
                  "version": {"type": "integer"}}},
              "MeetingYear": {"type": "object", "required": ["unit", "year", "items"],
                "properties": {"unit": {"type": "string"}, "year": {"type": "integer"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/Meeting"}}}},
              "MeetingDetail": {"type": "object", "required": ["meeting", "held", "counts", "attendance"],
                "properties": {"meeting": {"$ref": "#/components/schemas/Meeting"}, "held": {"type": "boolean"},
                  "counts": {"type": "object", "required": ["present", "excused", "absent"],
                    "properties": {"present": {"type": "integer"}, "excused": {"type": "integer"}, "absent": {"type": "integer"}}},
                  "attendance": {"type": "array", "items": {"type": "object", "required": ["member_id", "full_name", "card_no", "attendance", "reason"],
                    "properties": {"member_id": {"type": "integer"}, "full_name": {"type": "string"}, "card_no": {"type": ["string", "null"]},
                      "attendance": {"oneOf": [{"$ref": "#/components/schemas/Attendance"}, {"type": "null"}]}, "reason": {"type": ["string", "null"]}}}}}},
              "MeetingInput": {"type": "object", "required": ["meets_on", "kind"],
                "properties": {"meets_on": {"type": "string", "format": "date"}, "kind": {"$ref": "#/components/schemas/MeetingKind"},
                  "topics": {"type": "string", "maxLength": 4000}, "resolution": {"type": "string", "maxLength": 20000}}},
              "MeetingUpdate": {"type": "object", "required": ["meets_on", "kind", "version"],
                "properties": {"meets_on": {"type": "string", "format": "date"}, "kind": {"$ref": "#/components/schemas/MeetingKind"},
                  "topics": {"type": "string", "maxLength": 4000}, "resolution": {"type": "string", "maxLength": 20000}, "version": {"type": "integer"}}},
              "AttendanceInput": {"type": "object", "required": ["version", "items"],
                "properties": {"version": {"type": "integer"}, "items": {"type": "array", "maxItems": 5000, "items": {"type": "object", "required": ["member_id"],
                  "properties": {"member_id": {"type": "integer"}, "attendance": {"type": "string", "maxLength": 40, "description": "A key, label or letter (C, P, K); empty removes"},
                    "reason": {"type": "string", "maxLength": 500}}}}}},
              "DuesGrid": {"type": "object", "required": ["unit", "year", "items"],
                "properties": {"unit": {"type": "string"}, "year": {"type": "integer"},
                  "items": {"type": "array", "items": {"type": "object", "required": ["member_id", "full_name", "card_no", "months"],
                    "properties": {"member_id": {"type": "integer"}, "full_name": {"type": "string"}, "card_no": {"type": ["string", "null"]},
                      "months": {"type": "array", "items": {"type": "object", "required": ["month", "paid", "amount", "version"],
                        "properties": {"month": {"type": "integer", "minimum": 1, "maximum": 12}, "paid": {"type": "boolean"}, "amount": {"type": ["integer", "null"]},
                          "version": {"type": "integer"}}}}}}}}},
              "DuesInput": {"type": "object", "required": ["year", "items"],
                "properties": {"year": {"type": "integer", "minimum": 1930, "maximum": 2100}, "items": {"type": "array", "maxItems": 20000,
                  "items": {"type": "object", "required": ["member_id", "month", "value"],
                    "properties": {"member_id": {"type": "integer"}, "month": {"type": "integer", "minimum": 1, "maximum": 12},
                      "value": {"type": "string", "maxLength": 20, "description": "x or an amount (paid), 0 or - (not paid), empty (remove)"},
                      "version": {"type": "integer", "minimum": 0}}}}}},
              "FlaggedList": {"type": "object", "required": ["unit", "year", "as_of", "flag_months", "regulation", "items", "page", "per_page", "total"],
                "properties": {"unit": {"type": "string"}, "year": {"type": "integer"}, "as_of": {"type": "string"}, "flag_months": {"type": "integer"},
                  "regulation": {"type": "string"}, "page": {"type": "integer"}, "per_page": {"type": "integer"}, "total": {"type": "integer"},
                  "items": {"type": "array", "items": {"type": "object",
                    "required": ["member_id", "full_name", "card_no", "unit_code", "unit_name", "absence_months", "unpaid_months", "months"],
                    "properties": {"member_id": {"type": "integer"}, "full_name": {"type": "string"}, "card_no": {"type": ["string", "null"]},
                      "unit_code": {"type": "string"}, "unit_name": {"type": "string"}, "absence_months": {"type": "array", "items": {"type": "integer"}},
                      "unpaid_months": {"type": "array", "items": {"type": "integer"}}, "months": {"type": "integer"}}}}}}
        """#
}
