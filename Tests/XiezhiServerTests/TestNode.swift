import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// An in-memory node with one account per role in Pinghu (330482) and Jinshan (310116), and a session token
/// for each; plus helpers to call the router.
struct TestNode {
    static let pinghu = JurisdictionCode(rawValue: "330482")!
    static let jinshan = JurisdictionCode(rawValue: "310116")!

    let node: Node
    let clock: DemoClock
    /// `tokens[jurisdiction][role]`
    let tokens: [JurisdictionCode: [Role: String]]
    let accounts: [JurisdictionCode: [Role: Account]]

    init() throws {
        let clock = DemoClock()
        node = try Node.inMemory(now: { clock.now() })
        self.clock = clock
        var tokens: [JurisdictionCode: [Role: String]] = [:]
        var accounts: [JurisdictionCode: [Role: Account]] = [:]
        for jurisdiction in [Self.pinghu, Self.jinshan] {
            for role in Role.allCases {
                let account = try node.createAccount(
                    username: "\(jurisdiction.rawValue)-\(role.rawValue)", displayName: "\(role.chineseName)\(jurisdiction.rawValue.suffix(2))", role: role,
                    jurisdiction: jurisdiction, certificateNumber: [.officer, .caseHandler, .agencyHead, .legalReviewer].contains(role) ? "ZF\(jurisdiction.rawValue)\(role.rawValue.count)" : nil,
                    password: "password-\(role.rawValue)", by: "test")
                accounts[jurisdiction, default: [:]][role] = account
                tokens[jurisdiction, default: [:]][role] = try node.accounts.startSession(accountID: account.id, at: Date(), lifetime: 3600).token
            }
        }
        self.tokens = tokens
        self.accounts = accounts
    }

    func token(_ role: Role, _ jurisdiction: JurisdictionCode = pinghu) -> String { tokens[jurisdiction]![role]! }

    /// A new session for the role's account.
    func freshToken(_ role: Role, _ jurisdiction: JurisdictionCode = pinghu) throws -> String {
        try node.accounts.startSession(accountID: account(role, jurisdiction).id, at: Date(), lifetime: 3600).token
    }
    func account(_ role: Role, _ jurisdiction: JurisdictionCode = pinghu) -> Account { accounts[jurisdiction]![role]! }

    var application: some ApplicationProtocol { buildApplication(node: node) }

    /// Runs `body` with a router test client.
    func withClient<Value: Sendable>(_ body: @Sendable (Client) async throws -> Value) async throws -> Value {
        try await application.test(.router) { client in try await body(Client(client: client)) }
    }

    func auditCount() throws -> Int {
        try node.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0 }
    }
}

/// A thin client: JSON in, status + parsed JSON out.
struct Client: Sendable {
    let client: any TestClientProtocol

    struct Reply: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: Data

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }

        var jsonArray: [[String: Any]] {
            (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? []
        }

        var text: String { String(decoding: body, as: UTF8.self) }
        var problemCode: String? { json["code"] as? String }
    }

    func call(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: Any? = nil, raw: String? = nil) async throws -> Reply {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            headers[.contentType] = "application/json"
        } else if let raw {
            body = ByteBuffer(string: raw)
            headers[.contentType] = "application/json"
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            Reply(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
        }
    }
}
