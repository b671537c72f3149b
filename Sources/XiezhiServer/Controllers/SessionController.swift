import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// Login and logout. `POST /api/v1/session` `{"username","password"}` → `{"token", "expires_at", "account"}`.
struct SessionController: APIController {
    let node: Node

    struct Login: Decodable {
        var username: String
        var password: String
    }

    struct SessionCreated: ResponseEncodable {
        var token: String
        var expiresAt: Date
        var account: AccountView
    }

    func register(on api: APIRouter) {
        api.on(.post, "/api/v1/session", access: .anonymous, summary: "Log in; returns a bearer token") { request, context in
            let login = try await request.decode(as: Login.self, context: context)
            guard let account = try node.authenticate(username: login.username, password: login.password) else {
                context.logger.notice("login refused", metadata: ["login.username": "\(login.username)"])
                throw Problem.unauthorized("wrong username or password, or the account is deactivated")
            }
            let session = try node.accounts.startSession(accountID: account.id, at: node.now(), lifetime: node.configuration.sessionLifetime)
            return SessionCreated(token: session.token, expiresAt: session.expiresAt, account: AccountView(account))
        }
        api.on(.delete, "/api/v1/session", access: .authenticated, summary: "Log out (revoke this token)") { request, _ in
            if let token = AuthenticationMiddleware.token(from: request) { try node.accounts.revokeSession(token: token) }
            return Response(status: .noContent)
        }
        api.on(.get, "/api/v1/me", access: .authenticated, summary: "The logged-in account") { _, context in
            AccountView(try context.requireAccount())
        }
    }
}

/// An account as the API shows it (never the password hash).
struct AccountView: Codable, ResponseEncodable {
    var id: String
    var username: String
    var displayName: String
    var role: Role
    var roleName: String
    var jurisdiction: JurisdictionCode
    var certificateNumber: String?
    var active: Bool
    var createdAt: Date

    init(_ account: Account) {
        id = account.id
        username = account.username
        displayName = account.displayName
        role = account.role
        roleName = account.role.chineseName
        jurisdiction = account.jurisdiction
        certificateNumber = account.certificateNumber
        active = account.active
        createdAt = account.createdAt
    }
}

