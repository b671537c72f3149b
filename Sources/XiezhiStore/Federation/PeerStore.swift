import Foundation
import GRDB
import XiezhiCore

/// Partner nodes (协作伙伴) and the agreement with each: where to reach it, its public key, the jurisdictions it
/// speaks for, and which message kinds and fields may flow.
public struct PeerStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    public struct Peer: Codable, Sendable, Hashable {
        public var name: String
        /// The partner's base URL (`http://host:port`); messages go to `<url>/federation/v1/inbox`.
        public var url: String
        /// Base64 of its Ed25519 public key.
        public var publicKey: String
        /// The jurisdictions it speaks for (its own, and any it is the agreed contact for, e.g. 310100 for 沪 plates).
        public var jurisdictions: [JurisdictionCode]
        public var agreement: PeerAgreement
        public var createdAt: Date
        public var updatedAt: Date

        public init(name: String, url: String, publicKey: String, jurisdictions: [JurisdictionCode], agreement: PeerAgreement, at date: Date) {
            self.name = name
            self.url = url
            self.publicKey = publicKey
            self.jurisdictions = jurisdictions
            self.agreement = agreement
            self.createdAt = date
            self.updatedAt = date
        }
    }

    /// Adds a partner, or replaces its address, key and agreement (audited as `federation.peer_saved`).
    public func save(_ peer: Peer, by actor: String) throws {
        guard !peer.name.isEmpty, peer.name.count <= 64 else {
            throw DomainError(code: "invalid_peer_name", reason: "a peer name is 1–64 characters")
        }
        guard let url = URL(string: peer.url), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw DomainError(code: "invalid_peer_url", reason: "'\(peer.url)' is not an http(s) URL")
        }
        guard FederationSigning.isPublicKey(peer.publicKey) else {
            throw DomainError(code: "invalid_public_key", reason: "the public key must be base64 of 32 Ed25519 key bytes (`xiezhi node key` on the partner)")
        }
        guard (1...30).contains(peer.agreement.referralAcceptWorkingDays) else {
            throw DomainError(code: "invalid_referral_days", reason: "the referral acceptance deadline is 1–30 working days")
        }
        guard !peer.jurisdictions.isEmpty else {
            throw DomainError(code: "missing_jurisdiction", reason: "name at least one jurisdiction the partner speaks for")
        }
        let unknown = peer.agreement.kinds.filter { FederationKind(rawValue: $0) == nil }
        guard unknown.isEmpty else {
            throw DomainError(code: "invalid_kind", reason: "unknown message kind(s) \(unknown.sorted().joined(separator: ", ")); known: \(FederationKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let key = signingKey
        try database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO federation_peer (name, url, public_key, jurisdictions, kinds, fields, referral_accept_days, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET url = excluded.url, public_key = excluded.public_key, jurisdictions = excluded.jurisdictions,
                        kinds = excluded.kinds, fields = excluded.fields, referral_accept_days = excluded.referral_accept_days, updated_at = excluded.updated_at
                    """,
                arguments: [peer.name, peer.url, peer.publicKey, peer.jurisdictions.map(\.rawValue).joined(separator: ","),
                            peer.agreement.kinds.sorted().joined(separator: ","), peer.agreement.fields.sorted().joined(separator: ","),
                            peer.agreement.referralAcceptWorkingDays, Timestamp.format(peer.createdAt), Timestamp.format(peer.updatedAt)])
            try AuditLog.append(
                AuditRecord(actor: actor, action: "federation.peer_saved", entityType: "federation_peer", entityID: peer.name, payload: peer),
                at: peer.updatedAt, in: db, signingKey: key)
        }
    }

    public func all() throws -> [Peer] {
        try database.writer.read { db in try Self.all(in: db) }
    }

    public static func all(in db: Database) throws -> [Peer] {
        try Row.fetchAll(db, sql: "SELECT * FROM federation_peer ORDER BY name").map(peer)
    }

    public static func peer(publicKey: String, in db: Database) throws -> Peer? {
        try Row.fetchOne(db, sql: "SELECT * FROM federation_peer WHERE public_key = ?", arguments: [publicKey]).map(peer)
    }

    public static func peer(name: String, in db: Database) throws -> Peer? {
        try Row.fetchOne(db, sql: "SELECT * FROM federation_peer WHERE name = ?", arguments: [name]).map(peer)
    }

    static func peer(_ row: Row) -> Peer {
        func list(_ column: String) -> [String] { (row[column] as String).split(separator: ",").map(String.init) }
        var peer = Peer(
            name: row["name"], url: row["url"], publicKey: row["public_key"], jurisdictions: list("jurisdictions").compactMap(JurisdictionCode.init(rawValue:)),
            agreement: PeerAgreement(kinds: Set(list("kinds")), fields: Set(list("fields")), referralAcceptWorkingDays: row["referral_accept_days"]), at: Timestamp.parse(row["created_at"] as String) ?? .distantPast)
        peer.updatedAt = Timestamp.parse(row["updated_at"] as String) ?? peer.createdAt
        return peer
    }
}
