import Foundation
import GRDB
import XiezhiCore

/// Enforcement cases and the penalty records they produce.
///
/// A case is stored as its domain JSON plus indexed columns. Every change runs the pure ``CaseWorkflow`` inside
/// one write transaction that also appends the event to the audit log and, for a decision, records the
/// penalty for the 一事不再罚 check — so the case, its audit entry and its penalty record commit together or not
/// at all.
public struct CaseStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    /// Opens a case from a clue.
    public func open(_ intake: ClueIntake, id: String, by actor: CaseActor, at date: Date) throws -> EnforcementCase {
        let key = signingKey
        return try database.writer.write { db in try Self.open(intake, id: id, by: actor, at: date, in: db, key: key) }
    }

    /// Opens a case inside the caller's transaction (an ingest that opens cases with the records behind them).
    public static func open(_ intake: ClueIntake, id: String, by actor: CaseActor, at date: Date, in db: Database, key: NodeKey?) throws -> EnforcementCase {
        let (opened, event) = try CaseWorkflow.open(intake, id: id, by: actor, at: date)
        try insert(opened, at: date, in: db)
        try audit(event, in: db, key: key)
        return opened
    }

    /// An open (not terminal) case of the agency on the same subject and violation kind whose act lies within
    /// `window` of `time` — the case a second weighing of the same trip belongs to.
    public static func openCase(
        jurisdiction: JurisdictionCode, subject: String, violationKind: String, near time: Date, window: TimeInterval, in db: Database
    ) throws -> EnforcementCase? {
        let rows = try String.fetchAll(
            db.cachedStatement(sql: """
                SELECT data FROM enforcement_case WHERE jurisdiction = ? AND subject = ? AND violation_kind = ? AND occurred_at BETWEEN ? AND ?
                ORDER BY occurred_at
                """),
            arguments: [jurisdiction.rawValue, subject, violationKind, Timestamp.format(time.addingTimeInterval(-window)),
                        Timestamp.format(time.addingTimeInterval(window))])
        return try rows.map(decode).first { !$0.stage.isTerminal }
    }

    /// Applies an action. `prepare` runs inside the transaction with the current case, before the workflow, to
    /// finish the action (e.g. assign a document number from ``nextNumber(series:jurisdiction:year:in:)``);
    /// `followUp` runs after it, in the same transaction, with the case before and after (e.g. to queue requests
    /// to partner agencies).
    /// `agencyName` names the deciding agency on penalty records.
    public func apply(
        caseID: String, by actor: CaseActor, at date: Date, rules: ProcedureRules, agencyName: String,
        prepare: @Sendable (EnforcementCase, Database) throws -> CaseAction,
        followUp: @Sendable (_ before: EnforcementCase, _ after: EnforcementCase, Database) throws -> Void = { _, _, _ in }
    ) throws -> EnforcementCase {
        let key = signingKey
        return try database.writer.write { db in
            guard let current = try Self.fetch(id: caseID, in: db) else {
                throw DomainError(code: "case_not_found", reason: "no case \(caseID)")
            }
            // Another agency's case is "not found" to its staff, not "forbidden": its existence is not theirs to know.
            guard current.jurisdiction == actor.jurisdiction else {
                throw DomainError(code: "case_not_found", reason: "no case \(caseID)")
            }
            let action = try prepare(current, db)
            let priors = try Self.priorPenalties(subject: current.subject, excludingCase: current.id, in: db)
            let (next, event) = try CaseWorkflow.apply(action, to: current, by: actor, at: date, rules: rules, priorPenalties: priors)
            if let number = next.decision?.number ?? next.noPenalty?.number, number != (current.decision?.number ?? current.noPenalty?.number) {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM enforcement_case WHERE decision_number = ? AND id != ?)", arguments: [number, caseID]) == true {
                    throw DomainError(code: "duplicate", reason: "decision number \(number) is already used by another case")
                }
            }
            try Self.update(next, at: date, in: db)
            try Self.recordPenalty(from: current, to: next, agency: agencyName, at: date, in: db)
            try Self.audit(event, in: db, key: key)
            try followUp(current, next, db)
            return next
        }
    }

    public func fetch(id: String) throws -> EnforcementCase? {
        try database.writer.read { db in try Self.fetch(id: id, in: db) }
    }

    /// Cases of one agency matching the filters, most recently changed first.
    public func list(jurisdiction: JurisdictionCode, stages: [CaseStage], violationKind: String?, subjectContains: String?) throws -> [EnforcementCase] {
        try database.writer.read { db in
            var clauses = ["jurisdiction = ?"]
            var arguments: StatementArguments = [jurisdiction.rawValue]
            if !stages.isEmpty {
                clauses.append("stage IN (\(stages.map { _ in "?" }.joined(separator: ",")))")
                for stage in stages { arguments += [stage.rawValue] }
            }
            if let violationKind { clauses.append("violation_kind = ?"); arguments += [violationKind] }
            if let subjectContains, !subjectContains.isEmpty {
                clauses.append("subject LIKE ? ESCAPE '\\'")
                arguments += ["%" + SubjectStore.escapeLike(subjectContains) + "%"]
            }
            let rows = try String.fetchAll(
                db, sql: "SELECT data FROM enforcement_case WHERE \(clauses.joined(separator: " AND ")) ORDER BY updated_at DESC, id",
                arguments: arguments)
            return try rows.map(Self.decode)
        }
    }

    /// Counts of cases by jurisdiction and stage (for metrics).
    public func countsByStage() throws -> [(jurisdiction: String, stage: String, count: Int)] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT jurisdiction, stage, COUNT(*) AS n FROM enforcement_case GROUP BY jurisdiction, stage")
                .map { ($0["jurisdiction"], $0["stage"], $0["n"]) }
        }
    }

    // MARK: Penalty records

    /// The penalties known for a subject (own and partners'), for the 一事不再罚 check and for display.
    public func priorPenalties(subject: String) throws -> [PriorPenalty] {
        try database.writer.read { db in try Self.priorPenalties(subject: subject, excludingCase: nil, in: db) }
    }

    /// Penalties whose act was done by this driver (`person:<ID>`) or under this carrier (`organisation:<USCC>`),
    /// oldest act first: what 一超四罚 counts beyond the vehicle.
    public func penalties(driver: String? = nil, carrier: String? = nil) throws -> [PriorPenalty] {
        try database.writer.read { db in
            if let driver {
                return try Row.fetchAll(db, sql: "SELECT * FROM penalty_record WHERE driver = ? ORDER BY act_at", arguments: [driver]).map(Self.penalty(from:))
            }
            guard let carrier else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM penalty_record WHERE carrier = ? ORDER BY act_at", arguments: [carrier]).map(Self.penalty(from:))
        }
    }

    /// Records a penalty decided by a partner agency (处罚互认), so that this node refuses a second fine for the same
    /// act. Until federation lands, a partner liaison enters them; federation will call this on receipt.
    public func recordPartnerPenalty(_ penalty: PriorPenalty, amount: Money?, by actor: String, at date: Date) throws {
        let key = signingKey
        try database.writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM penalty_record WHERE decision_number = ?)", arguments: [penalty.decisionNumber]) == true {
                throw DomainError(code: "duplicate", reason: "decision \(penalty.decisionNumber) is already recorded")
            }
            try Self.insertPenalty(penalty, amount: amount, caseID: nil, at: date, in: db)
            try AuditLog.append(
                AuditRecord(actor: actor, action: "penalty.partner_recorded", entityType: "penalty", entityID: penalty.decisionNumber, payload: penalty),
                at: date, in: db, signingKey: key)
        }
    }

    /// All penalty records, newest decision first.
    public func penaltyRecords(limit: Int, offset: Int) throws -> (items: [PriorPenalty], total: Int) {
        try database.writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM penalty_record") ?? 0
            let items = try Row.fetchAll(db, sql: "SELECT * FROM penalty_record ORDER BY decided_at DESC LIMIT ? OFFSET ?", arguments: [limit, offset])
                .map(Self.penalty(from:))
            return (items, total)
        }
    }

    // MARK: Document numbers

    /// The next number in a per-agency, per-year series (立案登记号, 决定书文号), inside the caller's transaction.
    public static func nextNumber(series: String, jurisdiction: JurisdictionCode, year: Int, in db: Database) throws -> Int {
        try db.cachedStatement(sql: """
                INSERT INTO document_counter (jurisdiction, series, year, next) VALUES (?, ?, ?, 2)
                ON CONFLICT(jurisdiction, series, year) DO UPDATE SET next = next + 1
                """).execute(
            arguments: [jurisdiction.rawValue, series, year])
        let next = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT next FROM document_counter WHERE jurisdiction = ? AND series = ? AND year = ?"),
            arguments: [jurisdiction.rawValue, series, year]) ?? 2
        return next - 1
    }

    // MARK: Rows

    static func fetch(id: String, in db: Database) throws -> EnforcementCase? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT data FROM enforcement_case WHERE id = ?"), arguments: [id]).map(decode)
    }

    static func decode(_ text: String) throws -> EnforcementCase {
        do {
            return try CanonicalJSON.decoder.decode(EnforcementCase.self, from: Data(text.utf8))
        } catch {
            throw StoreError(code: "corrupt_case", reason: "a stored case does not decode: \(error)")
        }
    }

    static func insert(_ value: EnforcementCase, at date: Date, in db: Database) throws {
        try db.cachedStatement(sql: """
                INSERT INTO enforcement_case (id, jurisdiction, stage, subject, violation_kind, occurred_at, created_at, updated_at, decision_number, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(
            arguments: [value.id, value.jurisdiction.rawValue, value.stage.rawValue, value.subject, value.violationKind,
                        Timestamp.format(value.occurredAt), Timestamp.format(date), Timestamp.format(date),
                        value.decision?.number ?? value.noPenalty?.number, try CanonicalJSON.storedString(value)])
    }

    static func update(_ value: EnforcementCase, at date: Date, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE enforcement_case SET stage = ?, updated_at = ?, decision_number = ?, data = ? WHERE id = ?").execute(
            arguments: [value.stage.rawValue, Timestamp.format(date), value.decision?.number ?? value.noPenalty?.number,
                        try CanonicalJSON.storedString(value), value.id])
    }

    static func audit(_ event: CaseEvent, in db: Database, key: NodeKey?) throws {
        try AuditLog.append(
            AuditRecord(actor: event.actor.accountId, action: "case.\(event.kind.rawValue)", entityType: "case", entityID: event.caseId, payload: event),
            at: event.at, in: db, signingKey: key)
    }

    /// A decision or a no-penalty decision that appeared with this change becomes a penalty record.
    static func recordPenalty(from before: EnforcementCase, to after: EnforcementCase, agency: String, at date: Date, in db: Database) throws {
        if let decision = after.decision, before.decision == nil {
            let penalty = PriorPenalty(
                subject: after.subject, violationKind: after.violationKind, actAt: after.occurredAt, decisionNumber: decision.number,
                agency: agency, jurisdiction: after.jurisdiction, decidedAt: date, source: .local, driver: after.driver, carrier: after.carrier)
            let amount = decision.fineTotal == .zero ? nil : decision.fineTotal
            try insertPenalty(penalty, amount: amount, caseID: after.id, at: date, in: db)
            try share(penalty, amount: amount, caseID: after.id, at: date, in: db)
        }
        if let waiver = after.noPenalty, before.noPenalty == nil, waiver.ground == .firstViolation {
            let penalty = PriorPenalty(
                subject: after.subject, violationKind: after.violationKind, actAt: after.occurredAt, decisionNumber: waiver.number,
                agency: agency, jurisdiction: after.jurisdiction, decidedAt: date, source: .local, firstViolationWaiver: true,
                driver: after.driver, carrier: after.carrier)
            try insertPenalty(penalty, amount: nil, caseID: after.id, at: date, in: db)
            try share(penalty, amount: nil, caseID: after.id, at: date, in: db)
        }
    }

    /// 处罚互认: a new own penalty record goes to every partner whose agreement takes penalty records, through the
    /// outbox in the decision's transaction.
    static func share(_ penalty: PriorPenalty, amount: Money?, caseID: String, at date: Date, in db: Database) throws {
        let peers = try FederationOutbox.peers(for: .penaltyRecord, in: db)
        guard !peers.isEmpty else { return }
        try FederationOutbox.enqueue(
            .penaltyRecord, body: PenaltyRecordBody(penalty, amountFen: amount?.fen), to: peers, related: .init(type: "case", id: caseID), at: date, in: db)
    }

    static func insertPenalty(_ penalty: PriorPenalty, amount: Money?, caseID: String?, at date: Date, in db: Database) throws {
        try db.cachedStatement(sql: """
                INSERT INTO penalty_record (decision_number, subject, violation_kind, act_at, agency, jurisdiction, decided_at, source,
                    first_violation_waiver, amount_fen, case_id, recorded_at, driver, carrier)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(
            arguments: [penalty.decisionNumber, penalty.subject, penalty.violationKind, Timestamp.format(penalty.actAt), penalty.agency,
                        penalty.jurisdiction.rawValue, Timestamp.format(penalty.decidedAt), penalty.source.rawValue,
                        penalty.firstViolationWaiver, amount?.fen, caseID, Timestamp.format(date), penalty.driver, penalty.carrier])
    }

    static func priorPenalties(subject: String, excludingCase: String?, in db: Database) throws -> [PriorPenalty] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM penalty_record WHERE subject = ? AND (case_id IS NULL OR case_id != ?) ORDER BY act_at",
            arguments: [subject, excludingCase ?? ""]
        ).map(penalty(from:))
    }

    static func penalty(from row: Row) -> PriorPenalty {
        func date(_ column: String) -> Date { Timestamp.parse(row[column] as String) ?? .distantPast }
        return PriorPenalty(
            subject: row["subject"], violationKind: row["violation_kind"], actAt: date("act_at"), decisionNumber: row["decision_number"],
            agency: row["agency"], jurisdiction: JurisdictionCode(rawValue: row["jurisdiction"] as String) ?? JurisdictionCode(rawValue: "000000")!,
            decidedAt: date("decided_at"), source: PriorPenalty.Source(rawValue: row["source"] as String) ?? .partner,
            firstViolationWaiver: row["first_violation_waiver"], driver: row["driver"], carrier: row["carrier"])
    }
}
