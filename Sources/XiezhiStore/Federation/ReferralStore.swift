import Foundation
import GRDB
import XiezhiCore

/// 移交违法线索: clues this node refers to partners and clues partners refer to it. A referral has the same id, status,
/// deadline and timeline on both nodes: each step is taken on one side, recorded there with its time, and sent to
/// the other side through the outbox, which records the same event with the same time.
public struct ReferralStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    public struct Referral: Codable, Sendable, Hashable {
        public var id: String
        /// `outgoing` (this node referred it) or `incoming`.
        public var direction: String
        public var peer: String
        public var caseId: String?
        public var subject: String
        public var violationKind: String
        public var summary: String
        public var place: String?
        public var occurredAt: Date?
        public var referredAt: Date
        /// Accept or reject by then (the agreement's working days after the referral).
        public var acceptBy: Date
        public var status: ReferralStatus
        public var statusName: String
        /// Still waiting for acceptance after ``acceptBy``.
        public var overdue: Bool
        public var reason: String?
        public var result: String?
        public var events: [Event]
        public var evidence: [Evidence]
    }

    /// One step of the shared timeline: `referred` (by the referring agency), `accepted` / `rejected` / `concluded`
    /// (by the receiving agency).
    public struct Event: Codable, Sendable, Hashable {
        public var at: Date
        public var kind: String
        public var note: String?
    }

    public struct Evidence: Codable, Sendable, Hashable {
        public var name: String
        public var sha256: String
        public var mediaType: String
        public var size: Int
    }

    /// An evidence file to refer.
    public struct NewFile: Sendable {
        public var name: String
        public var mediaType: String
        public var content: Data

        public init(name: String, mediaType: String, content: Data) {
            self.name = name
            self.mediaType = mediaType
            self.content = content
        }
    }

    /// Refers a clue to `peerName` with its evidence, in one transaction with the message that carries it. The partner
    /// has the agreement's working days (in `calendar`) to accept or reject it.
    public func refer(
        to peerName: String, subject: String, violationKind: String, summary: String, place: String?, occurredAt: Date?, caseID: String?,
        files: [NewFile], by actor: String, at now: Date, calendar: WorkCalendar
    ) throws -> Referral {
        guard !summary.isEmpty else { throw DomainError(code: "missing_summary", reason: "say what the clue is ('summary')") }
        let names = files.map(\.name)
        guard Set(names).count == names.count, !names.contains("") else {
            throw DomainError(code: "invalid_evidence", reason: "evidence files need distinct, non-empty names")
        }
        let key = signingKey
        let id = UUID().uuidString.lowercased()
        try database.writer.write { db in
            guard let peer = try PeerStore.peer(name: peerName, in: db) else {
                throw DomainError(code: "peer_not_found", reason: "no partner named \(peerName)")
            }
            guard peer.agreement.kinds.contains(FederationKind.referral.rawValue) else {
                throw DomainError(code: "kind_not_agreed", reason: "the agreement with \(peerName) does not include referrals")
            }
            let acceptBy = calendar.endOfWorkingDays(peer.agreement.referralAcceptWorkingDays, after: now)
            try db.execute(
                sql: """
                    INSERT INTO referral (id, direction, peer, case_id, subject, violation_kind, summary, place, occurred_at, referred_at, accept_by, status, updated_at)
                    VALUES (?, 'outgoing', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'referred', ?)
                    """,
                arguments: [id, peerName, caseID, subject, violationKind, summary, place, occurredAt.map(Timestamp.format), Timestamp.format(now),
                            Timestamp.format(acceptBy), Timestamp.format(now)])
            var carried: [EvidenceFileBody] = []
            for file in files {
                let hash = SHA256Hex.of(file.content)
                try Self.storeFile(referral: id, name: file.name, sha256: hash, mediaType: file.mediaType, content: file.content, in: db)
                carried.append(EvidenceFileBody(name: file.name, mediaType: file.mediaType, sha256: hash, contentBase64: file.content.base64EncodedString()))
            }
            try Self.event(id, kind: "referred", at: now, note: nil, in: db)
            let body = ReferralBody(
                referralId: id, subject: subject, violationKind: violationKind, summary: summary, referredAt: now, acceptBy: acceptBy,
                evidence: carried, caseId: caseID, place: place, occurredAt: occurredAt)
            try FederationOutbox.enqueue(.referral, body: body, to: [peer], related: .init(type: "referral", id: id), at: now, in: db)
            struct Sent: Encodable { var peer: String; var subject: String; var evidence: [String] }
            try AuditLog.append(
                AuditRecord(actor: actor, action: "federation.referral_sent", entityType: "referral", entityID: id,
                            payload: Sent(peer: peerName, subject: subject, evidence: carried.map { "\($0.name) \($0.sha256)" })),
                at: now, in: db, signingKey: key)
        }
        return try referral(id: id, now: now)!
    }

    /// Accepts or rejects (with a reason) a referral a partner sent; the answer goes back to it.
    public func respond(id: String, accept: Bool, reason: String?, by actor: String, at now: Date) throws -> Referral {
        if !accept, (reason ?? "").isEmpty {
            throw DomainError(code: "missing_reason", reason: "a rejection says why ('reason'), e.g. the place is not in this agency's area")
        }
        let decision: ReferralStatus = accept ? .accepted : .rejected
        try step(id: id, to: decision, note: reason, by: actor, at: now) { peer, db in
            try FederationOutbox.enqueue(
                .referralResponse, body: ReferralResponseBody(referralId: id, decision: decision.rawValue, at: now, reason: reason), to: [peer],
                related: .init(type: "referral", id: id), at: now, in: db)
        }
        return try referral(id: id, now: now)!
    }

    /// Feeds back how an accepted referral was handled (结果反馈).
    public func reportResult(id: String, result: String, caseNumber: String?, by actor: String, at now: Date) throws -> Referral {
        guard !result.isEmpty else { throw DomainError(code: "missing_result", reason: "say how the clue was handled ('result')") }
        // The referring node writes the same text from the message (result and case number), so both timelines match.
        let note = caseNumber.map { "\(result)（\($0)）" } ?? result
        try step(id: id, to: .concluded, note: note, by: actor, at: now) { peer, db in
            try db.execute(sql: "UPDATE referral SET result = ? WHERE id = ?", arguments: [note, id])
            try FederationOutbox.enqueue(
                .referralResult, body: ReferralResultBody(referralId: id, at: now, result: result, caseNumber: caseNumber), to: [peer],
                related: .init(type: "referral", id: id), at: now, in: db)
        }
        return try referral(id: id, now: now)!
    }

    /// A step the receiving side takes on an incoming referral, with its message to the referring node.
    private func step(
        id: String, to status: ReferralStatus, note: String?, by actor: String, at now: Date,
        send: @escaping @Sendable (PeerStore.Peer, Database) throws -> Void
    ) throws {
        let key = signingKey
        try database.writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT direction, peer, status FROM referral WHERE id = ?", arguments: [id]),
                  row["direction"] as String == "incoming"
            else { throw DomainError(code: "referral_not_found", reason: "no referral \(id) from a partner") }
            let current = ReferralStatus(rawValue: row["status"]) ?? .referred
            _ = try current.after(status)
            guard let peer = try PeerStore.peer(name: row["peer"], in: db) else {
                throw DomainError(code: "peer_not_found", reason: "the referring partner \(row["peer"] as String) is no longer registered")
            }
            try Self.transition(id, to: status, note: note, at: now, in: db)
            try send(peer, db)
            try AuditLog.append(
                AuditRecord(actor: actor, action: "federation.referral_\(status.rawValue)", entityType: "referral", entityID: id, payload: ["note": note ?? ""]),
                at: now, in: db, signingKey: key)
        }
    }

    // MARK: Receiving (inside the inbox transaction)

    /// A referral from `peer`: every evidence file is checked against its SHA-256 before anything is stored.
    static func receive(_ body: ReferralBody, from peer: PeerStore.Peer, at now: Date, in db: Database, key: NodeKey?) throws {
        var files: [(EvidenceFileBody, Data)] = []
        for file in body.evidence {
            guard let content = Data(base64Encoded: file.contentBase64) else {
                throw FederationRefusal(.invalidBody, "evidence '\(file.name)' is not base64")
            }
            let hash = SHA256Hex.of(content)
            guard hash == file.sha256.lowercased() else {
                throw FederationRefusal(.invalidBody, "evidence '\(file.name)': SHA-256 of the bytes is \(hash), the message says \(file.sha256)")
            }
            files.append((file, content))
        }
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM referral WHERE id = ?)", arguments: [body.referralId]) == true {
            throw FederationRefusal(.messageIdConflict, "referral \(body.referralId) already exists")
        }
        try db.execute(
            sql: """
                INSERT INTO referral (id, direction, peer, case_id, subject, violation_kind, summary, place, occurred_at, referred_at, accept_by, status, updated_at)
                VALUES (?, 'incoming', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'referred', ?)
                """,
            arguments: [body.referralId, peer.name, body.caseId, body.subject, body.violationKind, body.summary, body.place,
                        body.occurredAt.map(Timestamp.format), Timestamp.format(body.referredAt), Timestamp.format(body.acceptBy), Timestamp.format(now)])
        for (file, content) in files {
            try storeFile(referral: body.referralId, name: file.name, sha256: file.sha256.lowercased(), mediaType: file.mediaType, content: content, in: db)
        }
        try event(body.referralId, kind: "referred", at: body.referredAt, note: nil, in: db)
        struct Received: Encodable { var peer: String; var subject: String; var evidence: [String] }
        try AuditLog.append(
            AuditRecord(actor: "peer:\(peer.name)", action: "federation.referral_received", entityType: "referral", entityID: body.referralId,
                        payload: Received(peer: peer.name, subject: body.subject, evidence: body.evidence.map { "\($0.name) \($0.sha256)" })),
            at: now, in: db, signingKey: key)
    }

    /// The partner's answer or result on a referral this node sent it.
    static func receiveStep(referralID: String, status: ReferralStatus, at: Date, note: String?, result: String?, from peer: PeerStore.Peer, in db: Database, key: NodeKey?) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT status FROM referral WHERE id = ? AND direction = 'outgoing' AND peer = ?", arguments: [referralID, peer.name]) else {
            throw FederationRefusal(.unknownRequest, "no referral \(referralID) was sent to \(peer.name)")
        }
        do {
            _ = try (ReferralStatus(rawValue: row["status"]) ?? .referred).after(status)
        } catch let error as DomainError {
            throw FederationRefusal(.invalidBody, error.reason)
        }
        try transition(referralID, to: status, note: note, at: at, in: db)
        if let result { try db.execute(sql: "UPDATE referral SET result = ? WHERE id = ?", arguments: [result, referralID]) }
        try AuditLog.append(
            AuditRecord(actor: "peer:\(peer.name)", action: "federation.referral_\(status.rawValue)", entityType: "referral", entityID: referralID,
                        payload: ["note": note ?? ""]),
            at: at, in: db, signingKey: key)
    }

    // MARK: Rows

    static func transition(_ id: String, to status: ReferralStatus, note: String?, at: Date, in db: Database) throws {
        let reason = status == .rejected ? note : nil
        try db.execute(
            sql: "UPDATE referral SET status = ?, reason = COALESCE(?, reason), updated_at = ? WHERE id = ?",
            arguments: [status.rawValue, reason, Timestamp.format(at), id])
        try event(id, kind: status.rawValue, at: at, note: note, in: db)
    }

    static func event(_ id: String, kind: String, at: Date, note: String?, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO referral_event (referral_id, at, kind, agency, note) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, Timestamp.format(at), kind, kind == "referred" ? "referrer" : "receiver", note])
    }

    static func storeFile(referral: String, name: String, sha256: String, mediaType: String, content: Data, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO evidence_file (sha256, media_type, size, content) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING",
            arguments: [sha256, mediaType, content.count, content])
        try db.execute(sql: "INSERT INTO referral_evidence (referral_id, name, sha256) VALUES (?, ?, ?)", arguments: [referral, name, sha256])
    }

    public func referral(id: String, now: Date) throws -> Referral? {
        try database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM referral WHERE id = ?", arguments: [id]).map { try Self.referral($0, now: now, in: db) }
        }
    }

    /// All referrals, newest first; `overdueOnly` keeps those past their acceptance deadline.
    public func list(now: Date, overdueOnly: Bool) throws -> [Referral] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM referral ORDER BY referred_at DESC").map { try Self.referral($0, now: now, in: db) }
                .filter { !overdueOnly || $0.overdue }
        }
    }

    /// An evidence file's bytes.
    public func evidenceFile(sha256: String) throws -> (mediaType: String, content: Data)? {
        try database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT media_type, content FROM evidence_file WHERE sha256 = ?", arguments: [sha256]).map { ($0["media_type"], $0["content"]) }
        }
    }

    static func referral(_ row: Row, now: Date, in db: Database) throws -> Referral {
        let id: String = row["id"]
        let status = ReferralStatus(rawValue: row["status"]) ?? .referred
        let acceptBy = Timestamp.parse(row["accept_by"] as String) ?? .distantPast
        let events = try Row.fetchAll(db, sql: "SELECT * FROM referral_event WHERE referral_id = ? ORDER BY at, rowid", arguments: [id]).map {
            Event(at: Timestamp.parse($0["at"] as String) ?? .distantPast, kind: $0["kind"], note: $0["note"])
        }
        let evidence = try Row.fetchAll(
            db, sql: """
                SELECT e.name, e.sha256, f.media_type, f.size FROM referral_evidence e JOIN evidence_file f ON f.sha256 = e.sha256
                WHERE e.referral_id = ? ORDER BY e.name
                """, arguments: [id]
        ).map { Evidence(name: $0["name"], sha256: $0["sha256"], mediaType: $0["media_type"], size: $0["size"]) }
        return Referral(
            id: id, direction: row["direction"], peer: row["peer"], caseId: row["case_id"], subject: row["subject"], violationKind: row["violation_kind"],
            summary: row["summary"], place: row["place"], occurredAt: (row["occurred_at"] as String?).flatMap(Timestamp.parse),
            referredAt: Timestamp.parse(row["referred_at"] as String) ?? .distantPast, acceptBy: acceptBy, status: status, statusName: status.chineseName,
            overdue: status.isOverdue(acceptBy: acceptBy, now: now), reason: row["reason"], result: row["result"], events: events, evidence: evidence)
    }
}
