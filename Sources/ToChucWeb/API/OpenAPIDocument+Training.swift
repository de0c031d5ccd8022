/// The OpenAPI paths and schemas of training and exams (issue 5: đào tạo, bồi dưỡng; thi tuyển, nâng ngạch, sát hạch),
/// spliced into `OpenAPIDocument`'s template; routes in `TrainingAPI.swift`.
extension OpenAPIDocument {
    private static let problems = #"""
        "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}
        """#
    private static let idParameter = #"[{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}]"#

    private static func write(_ id: String, _ summary: String, body: String?, status: String, response: String) -> String {
        let request = body.map { ##""requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/\##($0)"}}}},"## } ?? ""
        let content = response.isEmpty ? "" : ##", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/\##(response)"}}}"##
        return ##"{"operationId": "\##(id)", "summary": "\##(summary)", \##(request) "responses": {"\##(status)": {"description": "Done"\##(content)}, \##(problems)}}"##
    }

    private static func read(_ id: String, _ summary: String, response: String, parameters: String = "") -> String {
        let list = parameters.isEmpty ? "" : ##""parameters": [\##(parameters)],"##
        return #"""
            {"operationId": "\#(id)", "summary": "\#(summary)", \#(list)
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/\#(response)"}}}},
                  "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
            """#
    }

    private static let listParameters = #"""
        {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200}, "description": "Words of the name, or the code (accents optional)"},
        {"name": "year", "in": "query", "schema": {"type": "integer", "minimum": 2000, "maximum": 2100}},
        {"name": "unit", "in": "query", "schema": {"type": "string", "maxLength": 40}, "description": "A unit whose subtree to read (default: the caller's)"},
        {"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per_page"}
        """#

    private static let courseListParameters = listParameters + #"""
        , {"name": "kind", "in": "query", "schema": {"$ref": "#/components/schemas/CourseKind"}},
        {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["starts_on", "name", "code"]}}
        """#
    private static let examListParameters = listParameters + ##", {"name": "kind", "in": "query", "schema": {"$ref": "#/components/schemas/ExamKind"}}"##
    private static let summaryParameters = #"""
        {"name": "unit", "in": "query", "schema": {"type": "string", "maxLength": 40}},
        {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Default 1 January of this year"},
        {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Default today"}
        """#
    private static let staffReductionParameters = #"""
        {"name": "unit", "in": "query", "schema": {"type": "string", "maxLength": 40}, "description": "The subtree where they work"},
        {"name": "on", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Default today"},
        {"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per_page"}
        """#

    static let trainingPaths =
        #"""
        ,
            "/api/v1/training/courses": {
              "get": \#(read("listCourses", "Courses organized in the caller's subtree or attended by people it sent, newest first",
                  response: "CoursePage", parameters: courseListParameters)),
              "post": \#(write("createCourse", "Open a course organized by a party unit or an agency in scope", body: "CourseInput", status: "201", response: "Course"))
            },
            "/api/v1/training/courses/{id}": {
              "parameters": \#(idParameter),
              "get": \#(read("getCourse", "A course with its trainees (only those the caller's subtree sent, when it does not organize the course)", response: "CourseDetail")),
              "put": \#(write("updateCourse", "Save a course (status cancelled to cancel it); refused with 409 when its version moved on", body: "CourseUpdate", status: "200", response: "Course")),
              "delete": {"operationId": "deleteCourse", "summary": "Delete a course entered by mistake: only one that never had a trainee",
                "responses": {"204": {"description": "Deleted"}, \#(problems)}}
            },
            "/api/v1/training/courses/{id}/history": {
              "parameters": \#(idParameter),
              "get": \#(read("courseHistory", "Changes to the course and its trainees, oldest first", response: "AuditItems"))
            },
            "/api/v1/training/courses/{id}/trainees": {
              "parameters": \#(idParameter),
              "post": \#(write("addTrainee", "Enrol a member or cadre (card or national ID number), with the result when known", body: "TraineeInput", status: "201", response: "Enrollment"))
            },
            "/api/v1/training/courses/{id}/trainees/bulk": {
              "parameters": \#(idParameter),
              "post": \#(write("addTrainees", "Enrol a list of numbers, all or nothing; those already enrolled are skipped", body: "NumbersInput", status: "201", response: "BulkEnrollment"))
            },
            "/api/v1/training/enrollments/{id}": {
              "parameters": \#(idParameter),
              "put": \#(write("updateEnrollment", "Record a trainee's result and certificate, or the sending unit; 409 when the version moved on", body: "EnrollmentUpdate", status: "200", response: "Enrollment"))
            },
            "/api/v1/training/enrollments/{id}/annul": {
              "parameters": \#(idParameter),
              "post": \#(write("annulEnrollment", "Annul a trainee entered by mistake, with a reason (kept, no longer counted)", body: "ReasonInput", status: "200", response: "Enrollment"))
            },
            "/api/v1/training/summary": {
              "get": \#(read("trainingSummary", "Briefing figures for a subtree and period: trainees sent (trained) and courses organized with their trainees",
                  response: "TrainingSummary", parameters: summaryParameters))
            },
            "/api/v1/cadres/{id}/training": {
              "parameters": \#(idParameter),
              "get": \#(read("cadreTraining", "A cadre's courses and exams", response: "PersonTraining"))
            },
            "/api/v1/members/{id}/training": {
              "parameters": \#(idParameter),
              "get": \#(read("memberTraining", "A member's courses and exams", response: "PersonTraining"))
            },
            "/api/v1/exams": {
              "get": \#(read("listExams", "Exam sessions organized in the caller's subtree or with candidates working there, newest first",
                  response: "ExamPage", parameters: examListParameters)),
              "post": \#(write("createExam", "Open an exam session (thi tuyển, thi nâng ngạch, kiểm tra sát hạch) with its pass mark", body: "ExamInput", status: "201", response: "Exam"))
            },
            "/api/v1/exams/staff-reduction": {
              "get": \#(read("staffReduction", "People considered for staff reduction on a date: a failed proficiency check, an open plan past its deadline, no later pass",
                  response: "StaffReductionPage", parameters: staffReductionParameters))
            },
            "/api/v1/exams/{id}": {
              "parameters": \#(idParameter),
              "get": \#(read("getExam", "A session: candidates with scores, outcomes by the pass mark, plans and where they stand", response: "ExamDetail")),
              "put": \#(write("updateExam", "Save a session (a new pass mark changes every outcome); 409 when the version moved on", body: "ExamUpdate", status: "200", response: "Exam"))
            },
            "/api/v1/exams/{id}/history": {
              "parameters": \#(idParameter),
              "get": \#(read("examHistory", "Changes to the session, its candidates and their plans, oldest first", response: "AuditItems"))
            },
            "/api/v1/exams/{id}/candidates": {
              "parameters": \#(idParameter),
              "post": \#(write("addCandidate", "Add a candidate (card or national ID number), with the score when known", body: "CandidateInput", status: "201", response: "Candidate"))
            },
            "/api/v1/exams/{id}/candidates/bulk": {
              "parameters": \#(idParameter),
              "post": \#(write("addCandidates", "Add a list of numbers, all or nothing; those already listed are skipped", body: "NumbersInput", status: "201", response: "CandidateItems"))
            },
            "/api/v1/exams/candidates/{id}": {
              "parameters": \#(idParameter),
              "put": \#(write("recordScore", "Record, correct or clear (null) a score out of 100; 409 when the version moved on", body: "ScoreInput", status: "200", response: "Candidate"))
            },
            "/api/v1/exams/candidates/{id}/annul": {
              "parameters": \#(idParameter),
              "post": \#(write("annulCandidate", "Annul a candidate entered by mistake, with a reason", body: "ReasonInput", status: "200", response: "Candidate"))
            },
            "/api/v1/exams/candidates/{id}/plan": {
              "parameters": \#(idParameter),
              "post": \#(write("createPlan", "The training plan of a candidate who failed a proficiency check (optionally enrolling them in a course)", body: "PlanInput", status: "201", response: "Plan"))
            },
            "/api/v1/exams/plans/{id}": {
              "parameters": \#(idParameter),
              "put": \#(write("updatePlan", "Save a training plan; 409 when the version moved on", body: "PlanUpdate", status: "200", response: "Plan"))
            },
            "/api/v1/exams/plans/{id}/close": {
              "parameters": \#(idParameter),
              "post": \#(write("closePlan", "Close a plan no longer followed, with a reason", body: "ReasonInput", status: "200", response: "Plan"))
            }
        """#

    private static let personSchema = #"""
        {"type": "object", "required": ["member_id", "cadre_id", "full_name", "card_no", "national_id", "birth_date", "unit_code", "unit_name"],
                "properties": {"member_id": {"type": ["integer", "null"]}, "cadre_id": {"type": ["integer", "null"]}, "full_name": {"type": "string"},
                  "card_no": {"type": ["string", "null"]}, "national_id": {"type": ["string", "null"], "description": "Masked for viewers"},
                  "birth_date": {"type": ["string", "null"]}, "unit_code": {"type": "string"}, "unit_name": {"type": "string"}}}
        """#

    static let trainingSchemas = #"""
        ,
              "CourseKind": {"type": "string", "enum": ["theory_advanced", "theory_intermediate", "theory_elementary", "leaders_update", "party_awareness", "new_members", "professional", "other"]},
              "TrainingResult": {"type": "string", "enum": ["excellent", "good", "pass", "not_completed", "withdrawn"]},
              "ExamKind": {"type": "string", "enum": ["recruitment", "promotion", "proficiency"]},
              "TrainingPerson": \#(personSchema),
              "Course": {"type": "object",
                "required": ["id", "code", "kind", "name", "organizer_code", "organizer_name", "organizer_is_agency", "place", "starts_on", "ends_on", "decision_no", "status", "version"],
                "properties": {"id": {"type": "integer"}, "code": {"type": "string"}, "kind": {"$ref": "#/components/schemas/CourseKind"}, "name": {"type": "string"},
                  "organizer_code": {"type": "string"}, "organizer_name": {"type": "string"}, "organizer_is_agency": {"type": "boolean"},
                  "place": {"type": ["string", "null"]}, "starts_on": {"type": "string"}, "ends_on": {"type": "string"}, "decision_no": {"type": ["string", "null"]},
                  "status": {"type": "string", "enum": ["planned", "ongoing", "finished", "cancelled"]}, "version": {"type": "integer"}}},
              "CourseSummary": {"type": "object", "required": ["course", "trainees"],
                "properties": {"course": {"$ref": "#/components/schemas/Course"}, "trainees": {"type": "integer"}}},
              "CoursePage": {"type": "object", "required": ["items", "page", "per_page", "total"],
                "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/CourseSummary"}}, "page": {"type": "integer"},
                  "per_page": {"type": "integer"}, "total": {"type": "integer"}}},
              "Enrollment": {"type": "object",
                "required": ["id", "course_id", "person", "sending_unit_code", "sending_unit_name", "result", "certificate_no", "certificate_on", "annulled_on", "annul_reason", "version"],
                "properties": {"id": {"type": "integer"}, "course_id": {"type": "integer"}, "person": {"$ref": "#/components/schemas/TrainingPerson"},
                  "sending_unit_code": {"type": "string"}, "sending_unit_name": {"type": "string"},
                  "result": {"oneOf": [{"$ref": "#/components/schemas/TrainingResult"}, {"type": "null"}]},
                  "certificate_no": {"type": ["string", "null"]}, "certificate_on": {"type": ["string", "null"]}, "annulled_on": {"type": ["string", "null"]},
                  "annul_reason": {"type": ["string", "null"]}, "version": {"type": "integer"}}},
              "CourseDetail": {"type": "object", "required": ["course", "organizes", "trainees", "annulled"],
                "properties": {"course": {"$ref": "#/components/schemas/Course"}, "organizes": {"type": "boolean"},
                  "trainees": {"type": "array", "items": {"$ref": "#/components/schemas/Enrollment"}},
                  "annulled": {"type": "array", "items": {"$ref": "#/components/schemas/Enrollment"}}}},
              "BulkEnrollment": {"type": "object", "required": ["added", "already_enrolled"],
                "properties": {"added": {"type": "array", "items": {"$ref": "#/components/schemas/Enrollment"}},
                  "already_enrolled": {"type": "array", "items": {"type": "string"}}}},
              "TrainingSummary": {"type": "object", "required": ["unit", "from", "to", "trained", "courses_count", "trainees_of_courses", "courses"],
                "properties": {"unit": {"type": "string"}, "from": {"type": "string"}, "to": {"type": "string"},
                  "trained": {"type": "integer", "description": "Trainees (not annulled) sent by units of the subtree to courses (not cancelled) starting in the period"},
                  "courses_count": {"type": "integer", "description": "Courses (not cancelled) organized in the subtree, starting in the period"},
                  "trainees_of_courses": {"type": "integer"}, "courses": {"type": "array", "items": {"$ref": "#/components/schemas/CourseSummary"}}}},
              "CourseInput": {"type": "object", "required": ["kind", "name", "organizer_code", "starts_on", "ends_on"],
                "properties": {"code": {"type": "string", "maxLength": 40, "description": "Empty: made automatically"}, "kind": {"type": "string", "description": "A CourseKind key or its Vietnamese label"},
                  "name": {"type": "string", "maxLength": 300}, "organizer_code": {"type": "string", "maxLength": 40}, "place": {"type": "string", "maxLength": 200},
                  "starts_on": {"type": "string", "format": "date"}, "ends_on": {"type": "string", "format": "date"}, "decision_no": {"type": "string", "maxLength": 200},
                  "status": {"type": "string", "enum": ["", "cancelled"]}}},
              "CourseUpdate": {"type": "object", "required": ["kind", "name", "organizer_code", "starts_on", "ends_on", "version"],
                "properties": {"code": {"type": "string", "maxLength": 40}, "kind": {"type": "string"}, "name": {"type": "string", "maxLength": 300},
                  "organizer_code": {"type": "string", "maxLength": 40}, "place": {"type": "string", "maxLength": 200}, "starts_on": {"type": "string", "format": "date"},
                  "ends_on": {"type": "string", "format": "date"}, "decision_no": {"type": "string", "maxLength": 200}, "status": {"type": "string", "enum": ["", "cancelled"]},
                  "version": {"type": "integer", "description": "The version the change is based on"}}},
              "TraineeInput": {"type": "object", "required": ["person"],
                "properties": {"person": {"type": "string", "maxLength": 40, "description": "Party card or national ID number"},
                  "sending_unit_code": {"type": "string", "maxLength": 40, "description": "Default: the unit holding the person's record"},
                  "result": {"type": "string"}, "certificate_no": {"type": "string", "maxLength": 200}, "certificate_on": {"type": "string", "format": "date"}}},
              "NumbersInput": {"type": "object", "required": ["numbers"],
                "properties": {"numbers": {"type": "array", "minItems": 1, "maxItems": 2000, "items": {"type": "string", "maxLength": 40}},
                  "sending_unit_code": {"type": "string", "maxLength": 40, "description": "Courses"}, "work_unit_code": {"type": "string", "maxLength": 40, "description": "Exams"}}},
              "EnrollmentUpdate": {"type": "object", "required": ["version"],
                "properties": {"version": {"type": "integer"}, "sending_unit_code": {"type": "string", "maxLength": 40}, "result": {"type": "string", "description": "Empty: no result yet"},
                  "certificate_no": {"type": "string", "maxLength": 200}, "certificate_on": {"type": "string", "format": "date"}}},
              "ReasonInput": {"type": "object", "required": ["reason"], "properties": {"reason": {"type": "string", "minLength": 1, "maxLength": 500}}},
              "AuditItems": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}}},
              "Exam": {"type": "object", "required": ["id", "code", "kind", "name", "held_on", "organizer_code", "organizer_name", "pass_mark", "version"],
                "properties": {"id": {"type": "integer"}, "code": {"type": "string"}, "kind": {"$ref": "#/components/schemas/ExamKind"}, "name": {"type": "string"},
                  "held_on": {"type": "string"}, "organizer_code": {"type": "string"}, "organizer_name": {"type": "string"},
                  "pass_mark": {"type": "number", "minimum": 0, "maximum": 100}, "version": {"type": "integer"}}},
              "ExamSummary": {"type": "object", "required": ["exam", "candidates", "passed", "failed"],
                "properties": {"exam": {"$ref": "#/components/schemas/Exam"}, "candidates": {"type": "integer"}, "passed": {"type": "integer"}, "failed": {"type": "integer"}}},
              "ExamPage": {"type": "object", "required": ["items", "page", "per_page", "total"],
                "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/ExamSummary"}}, "page": {"type": "integer"},
                  "per_page": {"type": "integer"}, "total": {"type": "integer"}}},
              "Candidate": {"type": "object",
                "required": ["id", "exam_id", "person", "work_unit_code", "work_unit_name", "score", "annulled_on", "annul_reason", "version"],
                "properties": {"id": {"type": "integer"}, "exam_id": {"type": "integer"}, "person": {"$ref": "#/components/schemas/TrainingPerson"},
                  "work_unit_code": {"type": "string"}, "work_unit_name": {"type": "string"}, "score": {"type": ["number", "null"], "minimum": 0, "maximum": 100},
                  "annulled_on": {"type": ["string", "null"]}, "annul_reason": {"type": ["string", "null"]}, "version": {"type": "integer"}}},
              "CandidateItems": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Candidate"}}}},
              "Plan": {"type": "object", "required": ["id", "candidate_id", "training", "deadline", "course_code", "completed_on", "closed_on", "close_reason", "version"],
                "properties": {"id": {"type": "integer"}, "candidate_id": {"type": "integer"}, "training": {"type": "string"}, "deadline": {"type": "string"},
                  "course_code": {"type": ["string", "null"]}, "completed_on": {"type": ["string", "null"]}, "closed_on": {"type": ["string", "null"]},
                  "close_reason": {"type": ["string", "null"]}, "version": {"type": "integer"}}},
              "PlanStatus": {"type": "object", "required": ["state", "date", "reasons", "reason_keys"],
                "properties": {"state": {"type": "string", "enum": ["closed", "resolved", "in_progress", "considered"]}, "date": {"type": ["string", "null"]},
                  "reasons": {"type": "array", "items": {"type": "string"}},
                  "reason_keys": {"type": "array", "items": {"type": "string", "enum": ["no_later_exam", "failed_again", "training_not_completed"]}}}},
              "CandidateRow": {"type": "object", "required": ["candidate", "outcome", "plan", "plan_status", "needs_plan"],
                "properties": {"candidate": {"$ref": "#/components/schemas/Candidate"}, "outcome": {"type": "string", "enum": ["pending", "passed", "failed"]},
                  "plan": {"oneOf": [{"$ref": "#/components/schemas/Plan"}, {"type": "null"}]},
                  "plan_status": {"oneOf": [{"$ref": "#/components/schemas/PlanStatus"}, {"type": "null"}]}, "needs_plan": {"type": "boolean"}}},
              "ExamDetail": {"type": "object", "required": ["exam", "organizes", "candidates", "annulled"],
                "properties": {"exam": {"$ref": "#/components/schemas/Exam"}, "organizes": {"type": "boolean"},
                  "candidates": {"type": "array", "items": {"$ref": "#/components/schemas/CandidateRow"}},
                  "annulled": {"type": "array", "items": {"$ref": "#/components/schemas/Candidate"}}}},
              "StaffReductionItem": {"type": "object", "required": ["candidate", "exam", "plan", "reasons", "reason_keys"],
                "properties": {"candidate": {"$ref": "#/components/schemas/Candidate"}, "exam": {"$ref": "#/components/schemas/Exam"},
                  "plan": {"$ref": "#/components/schemas/Plan"}, "reasons": {"type": "array", "items": {"type": "string"}},
                  "reason_keys": {"type": "array", "items": {"type": "string", "enum": ["no_later_exam", "failed_again", "training_not_completed"]}}}},
              "StaffReductionPage": {"type": "object", "required": ["items", "page", "per_page", "total"],
                "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/StaffReductionItem"}}, "page": {"type": "integer"},
                  "per_page": {"type": "integer"}, "total": {"type": "integer"}}},
              "PersonTraining": {"type": "object", "required": ["courses", "exams"],
                "properties": {"courses": {"type": "array", "items": {"type": "object", "required": ["course", "enrollment"],
                    "properties": {"course": {"$ref": "#/components/schemas/Course"}, "enrollment": {"$ref": "#/components/schemas/Enrollment"}}}},
                  "exams": {"type": "array", "items": {"type": "object", "required": ["exam", "candidate", "outcome", "plan"],
                    "properties": {"exam": {"$ref": "#/components/schemas/Exam"}, "candidate": {"$ref": "#/components/schemas/Candidate"},
                      "outcome": {"type": "string", "enum": ["pending", "passed", "failed"]}, "plan": {"oneOf": [{"$ref": "#/components/schemas/Plan"}, {"type": "null"}]}}}}}},
              "ExamInput": {"type": "object", "required": ["kind", "name", "held_on", "organizer_code"],
                "properties": {"code": {"type": "string", "maxLength": 40}, "kind": {"type": "string", "description": "An ExamKind key or its Vietnamese label"},
                  "name": {"type": "string", "maxLength": 300}, "held_on": {"type": "string", "format": "date"}, "organizer_code": {"type": "string", "maxLength": 40},
                  "pass_mark": {"type": "number", "minimum": 0, "maximum": 100, "description": "Default 50; at most two decimals"}}},
              "ExamUpdate": {"type": "object", "required": ["kind", "name", "held_on", "organizer_code", "version"],
                "properties": {"code": {"type": "string", "maxLength": 40}, "kind": {"type": "string"}, "name": {"type": "string", "maxLength": 300},
                  "held_on": {"type": "string", "format": "date"}, "organizer_code": {"type": "string", "maxLength": 40},
                  "pass_mark": {"type": "number", "minimum": 0, "maximum": 100}, "version": {"type": "integer"}}},
              "CandidateInput": {"type": "object", "required": ["person"],
                "properties": {"person": {"type": "string", "maxLength": 40}, "work_unit_code": {"type": "string", "maxLength": 40},
                  "score": {"type": "number", "minimum": 0, "maximum": 100}}},
              "ScoreInput": {"type": "object", "required": ["score", "version"],
                "properties": {"score": {"type": ["number", "null"], "minimum": 0, "maximum": 100, "description": "At most two decimals; null clears it"},
                  "version": {"type": "integer"}}},
              "PlanInput": {"type": "object", "required": ["training", "deadline"],
                "properties": {"training": {"type": "string", "minLength": 1, "maxLength": 500}, "deadline": {"type": "string", "format": "date"},
                  "course_code": {"type": "string", "maxLength": 40}, "completed_on": {"type": "string", "format": "date"}}},
              "PlanUpdate": {"type": "object", "required": ["training", "deadline", "version"],
                "properties": {"training": {"type": "string", "minLength": 1, "maxLength": 500}, "deadline": {"type": "string", "format": "date"},
                  "course_code": {"type": "string", "maxLength": 40}, "completed_on": {"type": "string", "format": "date"}, "version": {"type": "integer"}}}
        """#
}
