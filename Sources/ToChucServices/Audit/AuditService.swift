import SQLKit
import ToChucDomain
import ToChucStorage

/// Reading the audit log: whole subtree for heads and administrators, and each record's history.
public struct AuditService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    /// Entries about records of the principal's subtree, newest first.
    public func list(_ principal: Principal, page: Int = 1, perPage: Int = 50) async throws -> Page<AuditEntry> {
        guard principal.role.canReadAudit else { throw DomainError.forbidden(Catalogue.forbidden) }
        let page = max(1, page)
        let perPage = min(max(1, perPage), 200)
        let range = principal.pathRange
        return try await db.read { sql in
            let filter: SQLQueryString = "unit_path >= \(bind: range.lower) AND unit_path < \(bind: range.upper)"
            let total = try await sql.raw("SELECT COUNT(*) AS n FROM audit_log WHERE \(filter)").first()?.decode(column: "n", as: Int.self) ?? 0
            let rows = try await sql.raw(
                "SELECT * FROM audit_log WHERE \(filter) ORDER BY id DESC LIMIT \(literal: perPage) OFFSET \(literal: (page - 1) * perPage)"
            ).all()
            return Page(items: try rows.map(AuditLog.entry), page: page, perPage: perPage, total: total)
        }
    }

    public func verify() async throws -> AuditLog.Verification { try await AuditLog.verify(db) }
}

extension AppServices {
    /// Runs one request's work: its reads and writes wait for a connection behind requests begun earlier only
    /// (`RequestOrder`), so a page is finished before pages begun after it are started.
    public func serving<R: Sendable>(_ body: () async throws -> R) async throws -> R {
        try await RequestOrder.$began.withValue(.now) { try await body() }
    }
}

/// Every service over one database: what the interfaces (web, API, CLI) are given.
public struct AppServices: Sendable {
    public let db: Database
    public let accounts: AccountService
    public let units: UnitService
    public let audit: AuditService
    public let interchange: InterchangeService
    public let restructuring: RestructuringService
    public let members: MemberService
    public let demo: DemoService
    public let dataCheck: DataCheckService
    public let badges: BadgeService
    public let admission: AdmissionService
    public let agencies: AgencyService
    public let cadres: CadreService
    public let decisions: DecisionService
    public let planning: PlanningService
    public let training: TrainingService
    public let staffing: StaffingService
    public let vetting: VettingService
    public let reports: ReportService
    public let rules: RuleService
    public let dashboard: DashboardService
    public let evaluations: EvaluationService
    public let votes: VoteService
    public let meetings: MeetingService
    public let congresses: CongressService
    public let elections: ElectionService
    public let documents: DocumentService
    public let proposals: ProposalService
    public let tasks: TaskService
    public let attachments: AttachmentService

    /// `secrets` seals second-factor secrets: the server passes its key file's; commands that never read one back
    /// (and tests) take an ephemeral key.
    public init(db: Database, secrets: SecretBox = .ephemeral()) {
        self.db = db
        self.accounts = AccountService(db: db, secrets: secrets)
        self.units = UnitService(db: db)
        self.audit = AuditService(db: db)
        self.interchange = InterchangeService(db: db)
        self.restructuring = RestructuringService(db: db)
        self.members = MemberService(db: db)
        self.demo = DemoService(db: db)
        self.dataCheck = DataCheckService(db: db)
        self.badges = BadgeService(db: db)
        self.admission = AdmissionService(db: db)
        self.agencies = AgencyService(db: db)
        self.cadres = CadreService(db: db)
        self.decisions = DecisionService(db: db)
        self.planning = PlanningService(db: db)
        self.training = TrainingService(db: db)
        self.staffing = StaffingService(db: db)
        self.vetting = VettingService(db: db)
        self.reports = ReportService(db: db)
        self.rules = RuleService(db: db)
        self.dashboard = DashboardService(db: db)
        self.evaluations = EvaluationService(db: db)
        self.votes = VoteService(db: db)
        self.meetings = MeetingService(db: db)
        self.congresses = CongressService(db: db)
        self.elections = ElectionService(db: db)
        self.documents = DocumentService(db: db)
        self.proposals = ProposalService(db: db)
        self.tasks = TaskService(db: db)
        self.attachments = AttachmentService(db: db)
    }

    /// First start: an empty database gets a root unit (when it has none) and an administrator in the first root.
    /// Returns the administrator's password when one was generated (printed once), else nil.
    public func bootstrap(adminPassword: String?) async throws -> (created: Bool, password: String?) {
        guard try await accounts.userCount() == 0 else { return (false, nil) }
        let system = Principal.commandLine(osUser: "system")
        let root = try await db.read { sql in
            try await sql.raw("SELECT code FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1").first()?.decode(column: "code", as: String.self)
        }
        var rootCode = root ?? ""
        if root == nil {
            rootCode = "TW"
            _ = try await units.create(
                system,
                UnitDraft(
                    code: rootCode, name: Catalogue.unitKind(.central).vi, kind: UnitKind.central.rawValue, parentCode: "",
                    sector: Sector.other.rawValue, hasCommittee: true, foundedOn: "", dissolvedOn: ""))
        }
        let password = adminPassword ?? Secrets.randomPassword()
        try await accounts.createUser(
            by: system, username: "admin", displayName: Catalogue.systemAdministrator.vi, password: password, role: .admin, unitCode: rootCode)
        return (true, adminPassword == nil ? password : nil)
    }
}
