import Foundation
import GRDB
import XiezhiCore

/// 重大案件联席会议 on this node: meetings it convened on its cases, and meetings partners convened that involve it.
/// A meeting is sent to every partner it names (``FederationKind/jointMeeting``); on each side it is attached to the
/// local case the referral links (``JointMeeting/referralId``), or kept against the convener's case reference.
public struct JointMeetingStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    /// A meeting as this node shows it: the meeting, the local case it is attached to (if any), and where it came
    /// from (`nil` when convened here, else the peer's name).
    public struct Record: Codable, Sendable, Hashable {
        public var meeting: JointMeeting
        public var caseId: String?
        public var originPeer: String?
    }

    /// Records a meeting on a case of the convener's, and sends it to the partners. The case must be on this node
    /// and the convener's; the referral is the one named, or else the referral this case went out as; the case
    /// reference is the decision number when there is one. Each partner must be reachable with joint meetings agreed.
    public func convene(_ draft: JointMeeting, by actor: String, at now: Date) async throws -> Record {
        let key = signingKey
        let meeting = try await database.writer.write { db -> JointMeeting in
            var meeting = draft
            guard let row = try Row.fetchOne(db, sql: "SELECT jurisdiction, violation_kind, decision_number FROM enforcement_case WHERE id = ?", arguments: [draft.caseId]) else {
                throw DomainError(code: "case_not_found", reason: "no case \(draft.caseId)")
            }
            guard row["jurisdiction"] as String == draft.convener.jurisdiction.rawValue else {
                throw DomainError(code: "wrong_jurisdiction", reason: "case \(draft.caseId) is not \(draft.convener.name)'s")
            }
            if let referral = draft.referralId {
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM referral WHERE id = ?)", arguments: [referral]) == true else {
                    throw DomainError(code: "referral_not_found", reason: "no referral \(referral)")
                }
            } else {
                meeting.referralId = try String.fetchOne(
                    db, sql: "SELECT id FROM referral WHERE case_id = ? AND direction = 'outgoing' ORDER BY referred_at DESC LIMIT 1", arguments: [draft.caseId])
            }
            if meeting.caseReference == nil { meeting.caseReference = (row["decision_number"] as String?) ?? "\(row["violation_kind"] as String) \(draft.caseId)" }
            for partner in meeting.partners { try FederationOutbox.requirePeer(for: .jointMeeting, agency: partner, in: db) }
            try Self.write(meeting, caseID: meeting.caseId, origin: nil, in: db)
            let peers = try FederationOutbox.peers(for: .jointMeeting, agencies: meeting.partners, in: db)
            try FederationOutbox.enqueue(.jointMeeting, body: meeting, to: peers, related: .init(type: "joint_meeting", id: meeting.meetingId), at: now, in: db)
            try AuditLog.append(
                AuditRecord(actor: actor, action: "case.joint_meeting", entityType: "case", entityID: meeting.caseId, payload: meeting),
                at: now, in: db, signingKey: key)
            return meeting
        }
        return Record(meeting: meeting, caseId: meeting.caseId, originPeer: nil)
    }

    // MARK: Receiving (inside the inbox transaction)

    /// A meeting a partner convened: attached to the case this node referred under the same referral, if any.
    static func receive(_ meeting: JointMeeting, from peer: PeerStore.Peer, at now: Date, in db: Database, key: NodeKey?) throws {
        guard peer.jurisdictions.contains(meeting.convener.jurisdiction) else {
            throw FederationRefusal(.jurisdictionNotAgreed, "peer \(peer.name) does not speak for the convener \(meeting.convener.jurisdiction)")
        }
        do { try meeting.validate() } catch let error as DomainError { throw FederationRefusal(.invalidBody, error.reason) }
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM joint_meeting WHERE id = ?)", arguments: [meeting.meetingId]) == true {
            throw FederationRefusal(.messageIdConflict, "joint meeting \(meeting.meetingId) already exists")
        }
        let caseID = try meeting.referralId.flatMap {
            try String.fetchOne(db, sql: "SELECT case_id FROM referral WHERE id = ? AND peer = ? AND direction = 'outgoing'", arguments: [$0, peer.name])
        }
        try write(meeting, caseID: caseID, origin: peer.name, in: db)
        try AuditLog.append(
            AuditRecord(actor: "peer:\(peer.name)", action: caseID == nil ? "federation.joint_meeting_received" : "case.joint_meeting",
                        entityType: caseID == nil ? "joint_meeting" : "case", entityID: caseID ?? meeting.meetingId, payload: meeting),
            at: now, in: db, signingKey: key)
    }

    // MARK: Reading

    /// The meetings on a case: attached to it, or to a referral it went out or came in as.
    public func meetings(caseID: String) async throws -> [Record] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT * FROM joint_meeting WHERE case_id = ? OR referral_id IN (SELECT id FROM referral WHERE case_id = ? AND direction = 'outgoing')
                    ORDER BY held_on DESC, recorded_at DESC
                    """, arguments: [caseID, caseID]
            ).map(Self.record)
        }
    }

    /// Every meeting, or those about one referral, newest first.
    public func list(referralID: String?) async throws -> [Record] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM joint_meeting WHERE ?1 IS NULL OR referral_id = ?1 ORDER BY held_on DESC, recorded_at DESC", arguments: [referralID]
            ).map(Self.record)
        }
    }

    /// The jurisdiction a case of this node belongs to, or nil when there is no such case.
    public func caseJurisdiction(_ caseID: String) async throws -> JurisdictionCode? {
        try await database.read { db in
            try String.fetchOne(db, sql: "SELECT jurisdiction FROM enforcement_case WHERE id = ?", arguments: [caseID]).flatMap(JurisdictionCode.init(rawValue:))
        }
    }

    public func meeting(id: String) async throws -> Record? {
        try await database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM joint_meeting WHERE id = ?", arguments: [id]).map(Self.record) }
    }

    /// Every meeting involving one of `jurisdictions` (an assessment's partner).
    static func meetings(involving jurisdictions: [JurisdictionCode], in db: Database) throws -> [JointMeeting] {
        try Row.fetchAll(db, sql: "SELECT * FROM joint_meeting ORDER BY held_on").map { try record($0).meeting }
            .filter { meeting in jurisdictions.contains { meeting.involves($0) } }
    }

    // MARK: Rows

    static func write(_ meeting: JointMeeting, caseID: String?, origin: String?, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO joint_meeting (id, convener, origin_peer, case_id, referral_id, held_on, data, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [meeting.meetingId, meeting.convener.jurisdiction.rawValue, origin, caseID, meeting.referralId, meeting.heldOn.description,
                        try CanonicalJSON.string(meeting), Timestamp.format(meeting.recordedAt)])
    }

    static func record(_ row: Row) throws -> Record {
        Record(meeting: try JointOperationStore.decode(JointMeeting.self, row["data"]), caseId: row["case_id"], originPeer: row["origin_peer"])
    }
}
