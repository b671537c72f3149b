import Foundation
import GRDB
import XiezhiCore

/// Accounts and login sessions. Passwords arrive already hashed (the server hashes them with bcrypt); session
/// tokens are stored only as their SHA-256, so a copy of the database does not hold usable tokens.
public struct AccountStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    /// What the audit log records about an account (never the password hash).
    struct AccountAudit: Encodable {
        var username: String
        var displayName: String
        var role: String
        var jurisdiction: String
        var certificateNumber: String?
        var active: Bool
    }

    /// Creates an account; refuses a taken username (`username_taken`).
    public func create(_ account: Account, passwordHash: String, by actor: String) throws {
        let key = signingKey
        try database.writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM account WHERE username = ?)", arguments: [account.username]) == true {
                throw DomainError(code: "username_taken", reason: "an account named '\(account.username)' already exists")
            }
            try db.execute(
                sql: """
                    INSERT INTO account (id, username, display_name, role, jurisdiction, certificate_number, password_hash, active, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [account.id, account.username, account.displayName, account.role.rawValue, account.jurisdiction.rawValue,
                            account.certificateNumber, passwordHash, account.active, Timestamp.format(account.createdAt)])
            try AuditLog.append(
                AuditRecord(actor: actor, action: "account.created", entityType: "account", entityID: account.id,
                            payload: AccountAudit(username: account.username, displayName: account.displayName, role: account.role.rawValue,
                                                  jurisdiction: account.jurisdiction.rawValue, certificateNumber: account.certificateNumber,
                                                  active: account.active)),
                at: account.createdAt, in: db, signingKey: key)
        }
    }

    /// Activates or deactivates an account; deactivation also revokes its sessions.
    public func setActive(accountID: String, active: Bool, by actor: String, at date: Date) throws {
        let key = signingKey
        try database.writer.write { db in
            try db.execute(sql: "UPDATE account SET active = ? WHERE id = ?", arguments: [active, accountID])
            guard db.changesCount == 1 else {
                throw DomainError(code: "account_not_found", reason: "no account with id \(accountID)")
            }
            if !active {
                try db.execute(sql: "UPDATE session SET revoked = 1 WHERE account_id = ?", arguments: [accountID])
            }
            struct Change: Encodable { var active: Bool }
            try AuditLog.append(
                AuditRecord(actor: actor, action: active ? "account.activated" : "account.deactivated", entityType: "account",
                            entityID: accountID, payload: Change(active: active)),
                at: date, in: db, signingKey: key)
        }
    }

    /// The account and its password hash, for login.
    public func credentials(username: String) throws -> (Account, String)? {
        try database.writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM account WHERE username = ?", arguments: [username]) else { return nil }
            return (try Self.account(from: row), row["password_hash"] as String)
        }
    }

    public func account(id: String) throws -> Account? {
        try database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM account WHERE id = ?", arguments: [id]).map(Self.account(from:))
        }
    }

    public func accounts(jurisdiction: JurisdictionCode?) throws -> [Account] {
        try database.writer.read { db in
            if let jurisdiction {
                return try Row.fetchAll(db, sql: "SELECT * FROM account WHERE jurisdiction = ? ORDER BY username", arguments: [jurisdiction.rawValue])
                    .map(Self.account(from:))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM account ORDER BY jurisdiction, username").map(Self.account(from:))
        }
    }

    // MARK: Sessions

    /// Starts a session and returns the bearer token (32 random bytes, base64url). Only its hash is stored.
    public func startSession(accountID: String, at date: Date, lifetime: TimeInterval) throws -> (token: String, expiresAt: Date) {
        let token = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64URLEncoded
        let expiresAt = date.addingTimeInterval(lifetime)
        try database.writer.write { db in
            try db.execute(
                sql: "INSERT INTO session (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [Self.tokenHash(token), accountID, Timestamp.format(date), Timestamp.format(expiresAt)])
        }
        return (token, expiresAt)
    }

    /// The active account behind a token, or nil when the token is unknown, revoked or expired, or the account
    /// is deactivated.
    public func accountForToken(_ token: String, at date: Date) throws -> Account? {
        try database.writer.read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT account.* FROM session JOIN account ON account.id = session.account_id
                    WHERE session.token_hash = ? AND session.revoked = 0 AND session.expires_at > ? AND account.active = 1
                    """,
                arguments: [Self.tokenHash(token), Timestamp.format(date)])
            else { return nil }
            return try Self.account(from: row)
        }
    }

    /// Revokes one session (logout).
    public func revokeSession(token: String) throws {
        try database.writer.write { db in
            try db.execute(sql: "UPDATE session SET revoked = 1 WHERE token_hash = ?", arguments: [Self.tokenHash(token)])
        }
    }

    static func tokenHash(_ token: String) -> String {
        SHA256Hex.of(token)
    }

    static func account(from row: Row) throws -> Account {
        let roleText: String = row["role"]
        let jurisdictionText: String = row["jurisdiction"]
        let createdText: String = row["created_at"]
        guard let role = Role(rawValue: roleText), let jurisdiction = JurisdictionCode(rawValue: jurisdictionText) else {
            throw StoreError(code: "corrupt_account", reason: "account row \(row["id"] as String) has role '\(roleText)' / jurisdiction '\(jurisdictionText)'")
        }
        return Account(
            id: row["id"], username: row["username"], displayName: row["display_name"], role: role, jurisdiction: jurisdiction,
            certificateNumber: row["certificate_number"], active: row["active"], createdAt: Timestamp.parse(createdText) ?? .distantPast)
    }
}

extension Data {
    /// Base64 with the URL-safe alphabet and no padding.
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
