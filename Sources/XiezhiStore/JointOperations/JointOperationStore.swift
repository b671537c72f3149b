import Foundation
import GRDB
import XiezhiCore

/// 联合执法行动 on this node: operations it leads and operations partners lead with it. The lead's plan travels whole
/// to every partner on each change (``FederationKind/jointOperation``); each agency's units, officers and results
/// travel to every other agency on the operation (``FederationKind/jointOperationReport``). Every change is written
/// with its messages and its audit entry in one transaction.
public struct JointOperationStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    static let related = "joint_operation"

    /// Plans an operation this node leads, commits the lead's `units`, and sends both to every partner. Each partner
    /// must be reachable: a peer that speaks for its jurisdiction and whose agreement takes joint operations.
    public func plan(_ plan: JointOperationPlan, units unitIDs: [String], by actor: String, at now: Date) async throws -> JointOperation {
        let key = signingKey
        try await database.writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM joint_operation WHERE id = ?)", arguments: [plan.operationId]) == true {
                throw DomainError(code: "already_exists", reason: "joint operation \(plan.operationId) already exists")
            }
            for partner in plan.partners {
                try FederationOutbox.requirePeer(for: .jointOperation, agency: partner, in: db)
                try FederationOutbox.requirePeer(for: .jointOperationReport, agency: partner, in: db)
            }
            try Self.write(plan, origin: nil, at: now, in: db)
            try Self.send(plan, in: db, at: now)
            try AuditLog.append(
                AuditRecord(actor: actor, action: "joint_operation.planned", entityType: "joint_operation", entityID: plan.operationId, payload: plan),
                at: now, in: db, signingKey: key)
            if !unitIDs.isEmpty {
                try Self.contribute(
                    operationID: plan.operationId, agency: plan.lead, unitIDs: unitIDs, results: nil, by: actor, at: now, in: db, key: key)
            }
        }
        return try await operation(id: plan.operationId)!
    }

    /// The lead's start, conclusion or cancellation (with a reason), sent to every partner.
    public func apply(_ action: JointOperationAction, id: String, note: String?, agency: JurisdictionCode, by actor: String, at now: Date) async throws -> JointOperation {
        let key = signingKey
        try await database.writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT plan, origin_peer FROM joint_operation WHERE id = ?", arguments: [id]) else {
                throw DomainError(code: "operation_not_found", reason: "no joint operation \(id)")
            }
            let plan = try Self.decode(JointOperationPlan.self, row["plan"])
            guard row["origin_peer"] as String? == nil, plan.lead.jurisdiction == agency else {
                throw DomainError(code: "wrong_jurisdiction", reason: "only the lead agency (\(plan.lead.name)) starts, concludes or cancels the operation")
            }
            let next = try plan.applying(action, note: note, at: now)
            try Self.write(next, origin: nil, at: now, in: db)
            try Self.send(next, in: db, at: now)
            try AuditLog.append(
                AuditRecord(actor: actor, action: "joint_operation.\(next.state.rawValue)", entityType: "joint_operation", entityID: id,
                            payload: ["revision": "\(next.revision)", "note": next.events.last?.note ?? ""]),
                at: now, in: db, signingKey: key)
        }
        return try await operation(id: id)!
    }

    /// Records this node's agency's part: the units it commits (their members become the officers) and/or its
    /// results, and sends the whole contribution to every other agency on the operation.
    public func contribute(
        operationID: String, agency: JurisdictionCode, unitIDs: [String]?, results: OperationResults?, by actor: String, at now: Date
    ) async throws -> JointOperation {
        let key = signingKey
        try await database.writer.write { db in
            guard let text = try String.fetchOne(db, sql: "SELECT plan FROM joint_operation WHERE id = ?", arguments: [operationID]) else {
                throw DomainError(code: "operation_not_found", reason: "no joint operation \(operationID)")
            }
            let plan = try Self.decode(JointOperationPlan.self, text)
            guard let own = plan.agencies.first(where: { $0.jurisdiction == agency }) else {
                throw DomainError(code: "wrong_jurisdiction", reason: "agency \(agency) does not take part in this operation")
            }
            try Self.contribute(operationID: operationID, agency: own, unitIDs: unitIDs, results: results, by: actor, at: now, in: db, key: key)
        }
        return try await operation(id: operationID)!
    }

    static func contribute(
        operationID: String, agency: OperationAgency, unitIDs: [String]?, results: OperationResults?, by actor: String, at now: Date, in db: Database, key: NodeKey?
    ) throws {
        guard let planText = try String.fetchOne(db, sql: "SELECT plan FROM joint_operation WHERE id = ?", arguments: [operationID]) else {
            throw DomainError(code: "operation_not_found", reason: "no joint operation \(operationID)")
        }
        let plan = try decode(JointOperationPlan.self, planText)
        var contribution = try String.fetchOne(
            db, sql: "SELECT data FROM joint_operation_contribution WHERE operation_id = ? AND agency = ?", arguments: [operationID, agency.jurisdiction.rawValue]
        ).map { try decode(AgencyContribution.self, $0) }
            ?? AgencyContribution(operationId: operationID, agency: agency, units: [], officers: [], results: nil, reportedAt: now)
        if let unitIDs {
            guard plan.state.acceptsForces else {
                throw DomainError(code: "operation_transition_not_allowed", reason: "units are committed while the operation is planned or under way, not \(plan.state.chineseName)")
            }
            var units: [EnforcementUnit] = []
            for id in unitIDs.reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
                guard let unit = try UnitStore.unit(id: id, in: db) else { throw DomainError(code: "unit_not_found", reason: "no unit \(id)") }
                guard unit.jurisdiction == agency.jurisdiction else {
                    throw DomainError(code: "wrong_jurisdiction", reason: "unit \(unit.name) belongs to \(unit.jurisdiction), not \(agency.name)")
                }
                units.append(unit)
            }
            contribution.units = units.map(OperationUnit.init)
            let members = units.flatMap(\.members).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            contribution.officers = try members.map { id in
                OperationOfficer(id: id, name: try String.fetchOne(db, sql: "SELECT display_name FROM account WHERE id = ?", arguments: [id]) ?? id)
            }
        }
        if let results {
            guard plan.state.acceptsResults else {
                throw DomainError(code: "operation_transition_not_allowed", reason: "results are recorded once the operation is under way, not while \(plan.state.chineseName)")
            }
            try results.validate()
            for id in results.caseIds {
                guard let jurisdiction = try String.fetchOne(db, sql: "SELECT jurisdiction FROM enforcement_case WHERE id = ?", arguments: [id]) else {
                    throw DomainError(code: "case_not_found", reason: "no case \(id) on this node")
                }
                guard jurisdiction == agency.jurisdiction.rawValue else {
                    throw DomainError(code: "wrong_jurisdiction", reason: "case \(id) belongs to \(jurisdiction), not \(agency.name)")
                }
            }
            contribution.results = results
        }
        contribution.reportedAt = now
        try writeContribution(contribution, in: db)
        let peers = try FederationOutbox.peers(for: .jointOperationReport, agencies: plan.agencies.filter { $0.jurisdiction != agency.jurisdiction }, in: db)
        try FederationOutbox.enqueue(.jointOperationReport, body: contribution, to: peers, related: .init(type: related, id: operationID), at: now, in: db)
        try AuditLog.append(
            AuditRecord(actor: actor, action: "joint_operation.contribution_recorded", entityType: "joint_operation", entityID: operationID, payload: contribution),
            at: now, in: db, signingKey: key)
    }

    // MARK: Receiving (inside the inbox transaction)

    /// A plan from the lead's node: kept when its revision is newer than the one held.
    static func receive(_ plan: JointOperationPlan, from peer: PeerStore.Peer, at now: Date, in db: Database, key: NodeKey?) throws {
        guard peer.jurisdictions.contains(plan.lead.jurisdiction) else {
            throw FederationRefusal(.jurisdictionNotAgreed, "peer \(peer.name) does not speak for the lead agency \(plan.lead.jurisdiction)")
        }
        do { try plan.validate() } catch let error as DomainError { throw FederationRefusal(.invalidBody, error.reason) }
        if let row = try Row.fetchOne(db, sql: "SELECT revision, lead FROM joint_operation WHERE id = ?", arguments: [plan.operationId]) {
            guard row["lead"] as String == plan.lead.jurisdiction.rawValue else {
                throw FederationRefusal(.messageIdConflict, "joint operation \(plan.operationId) is led by \(row["lead"] as String) here")
            }
            guard plan.revision > row["revision"] as Int else { return }
        }
        try write(plan, origin: peer.name, at: now, in: db)
        try AuditLog.append(
            AuditRecord(actor: "peer:\(peer.name)", action: "joint_operation.received", entityType: "joint_operation", entityID: plan.operationId,
                        payload: ["revision": "\(plan.revision)", "state": plan.state.rawValue]),
            at: now, in: db, signingKey: key)
    }

    /// An agency's contribution from its node: kept when newer than the one held.
    static func receive(_ contribution: AgencyContribution, from peer: PeerStore.Peer, at now: Date, in db: Database, key: NodeKey?) throws {
        guard peer.jurisdictions.contains(contribution.agency.jurisdiction) else {
            throw FederationRefusal(.jurisdictionNotAgreed, "peer \(peer.name) does not speak for \(contribution.agency.jurisdiction)")
        }
        if let results = contribution.results {
            do { try results.validate() } catch let error as DomainError { throw FederationRefusal(.invalidBody, error.reason) }
        }
        if let text = try String.fetchOne(db, sql: "SELECT plan FROM joint_operation WHERE id = ?", arguments: [contribution.operationId]) {
            let plan = try decode(JointOperationPlan.self, text)
            guard plan.involves(contribution.agency.jurisdiction) else {
                throw FederationRefusal(.invalidBody, "\(contribution.agency.jurisdiction) does not take part in joint operation \(contribution.operationId)")
            }
        }
        let held = try String.fetchOne(
            db, sql: "SELECT reported_at FROM joint_operation_contribution WHERE operation_id = ? AND agency = ?",
            arguments: [contribution.operationId, contribution.agency.jurisdiction.rawValue]).flatMap(Timestamp.parse)
        if let held, held >= contribution.reportedAt { return }
        try writeContribution(contribution, in: db)
        try AuditLog.append(
            AuditRecord(actor: "peer:\(peer.name)", action: "joint_operation.contribution_received", entityType: "joint_operation",
                        entityID: contribution.operationId, payload: contribution),
            at: now, in: db, signingKey: key)
    }

    // MARK: Reading

    public func operation(id: String) async throws -> JointOperation? {
        try await database.read { db in try Self.operation(id: id, in: db) }
    }

    /// Operations starting in `[from, to)` (both optional), optionally in one state, by start time, newest first.
    public func list(from: Date?, to: Date?, state: JointOperationState?) async throws -> [JointOperation] {
        try await database.read { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let from { clauses.append("starts_at >= ?"); arguments += [Timestamp.format(from)] }
            if let to { clauses.append("starts_at < ?"); arguments += [Timestamp.format(to)] }
            if let state { clauses.append("state = ?"); arguments += [state.rawValue] }
            let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
            return try String.fetchAll(db, sql: "SELECT id FROM joint_operation \(filter) ORDER BY starts_at DESC", arguments: arguments)
                .compactMap { try Self.operation(id: $0, in: db) }
        }
    }

    static func operation(id: String, in db: Database) throws -> JointOperation? {
        guard let text = try String.fetchOne(db, sql: "SELECT plan FROM joint_operation WHERE id = ?", arguments: [id]) else { return nil }
        let contributions = try String.fetchAll(db, sql: "SELECT data FROM joint_operation_contribution WHERE operation_id = ?", arguments: [id])
            .map { try decode(AgencyContribution.self, $0) }
        return JointOperation(plan: try decode(JointOperationPlan.self, text), contributions: contributions)
    }

    /// Every operation involving one of `jurisdictions` (an assessment's partner).
    static func operations(involving jurisdictions: [JurisdictionCode], in db: Database) throws -> [JointOperation] {
        try String.fetchAll(db, sql: "SELECT id FROM joint_operation ORDER BY starts_at").compactMap { try operation(id: $0, in: db) }
            .filter { operation in jurisdictions.contains { operation.plan.involves($0) } }
    }

    // MARK: Rows

    static func write(_ plan: JointOperationPlan, origin: String?, at now: Date, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO joint_operation (id, lead, origin_peer, revision, state, starts_at, plan, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET revision = excluded.revision, state = excluded.state, starts_at = excluded.starts_at,
                    plan = excluded.plan, updated_at = excluded.updated_at
                """,
            arguments: [plan.operationId, plan.lead.jurisdiction.rawValue, origin, plan.revision, plan.state.rawValue, Timestamp.format(plan.startsAt),
                        try CanonicalJSON.string(plan), Timestamp.format(now)])
    }

    static func writeContribution(_ contribution: AgencyContribution, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO joint_operation_contribution (operation_id, agency, reported_at, data) VALUES (?, ?, ?, ?)
                ON CONFLICT(operation_id, agency) DO UPDATE SET reported_at = excluded.reported_at, data = excluded.data
                """,
            arguments: [contribution.operationId, contribution.agency.jurisdiction.rawValue, Timestamp.format(contribution.reportedAt),
                        try CanonicalJSON.string(contribution)])
    }

    /// The plan to every partner that takes joint operations.
    static func send(_ plan: JointOperationPlan, in db: Database, at now: Date) throws {
        let peers = try FederationOutbox.peers(for: .jointOperation, agencies: plan.partners, in: db)
        try FederationOutbox.enqueue(.jointOperation, body: plan, to: peers, related: .init(type: related, id: plan.operationId), at: now, in: db)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
        try CanonicalJSON.decoder.decode(type, from: Data(text.utf8))
    }
}
