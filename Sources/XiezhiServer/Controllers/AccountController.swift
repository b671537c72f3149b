import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// Accounts of the caller's agency. Administrators create and (de)activate; heads and auditors read.
struct AccountController: APIController {
    let node: Node

    struct NewAccount: Decodable {
        var username: String
        var displayName: String?
        var role: String
        var jurisdiction: String?
        var certificateNumber: String?
        var password: String
    }

    struct ActiveChange: Decodable {
        var active: Bool
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/accounts", access: .roles([.admin, .agencyHead, .auditor]), summary: "Accounts of my agency") { _, context in
            let account = try context.requireAccount()
            return try node.accounts.accounts(jurisdiction: account.jurisdiction).map(AccountView.init)
        }
        api.on(.post, "/api/v1/accounts", access: .roles([.admin]), summary: "Create an account in my agency") { request, context in
            let admin = try context.requireAccount()
            let body = try await request.decode(as: NewAccount.self, context: context)
            guard let role = Role(rawValue: body.role) else {
                throw Problem.badRequest("invalid_role", "unknown role '\(body.role)'; one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let jurisdiction = try body.jurisdiction.map(JurisdictionCode.parse) ?? admin.jurisdiction
            guard jurisdiction == admin.jurisdiction else {
                throw Problem.forbidden("wrong_jurisdiction", "an administrator creates accounts only for the own agency (\(admin.jurisdiction))")
            }
            let created = try node.createAccount(
                username: body.username, displayName: body.displayName ?? body.username, role: role, jurisdiction: jurisdiction,
                certificateNumber: body.certificateNumber, password: body.password, by: admin.id)
            return EditedResponse(status: .created, response: AccountView(created))
        }
        api.on(.put, "/api/v1/accounts/{id}/active", access: .roles([.admin]), summary: "Activate or deactivate an account") { request, context in
            let admin = try context.requireAccount()
            let id = try context.parameters.require("id")
            let body = try await request.decode(as: ActiveChange.self, context: context)
            guard let target = try node.accounts.account(id: id), target.jurisdiction == admin.jurisdiction else {
                throw Problem.notFound("no account \(id) in agency \(admin.jurisdiction)")
            }
            guard target.id != admin.id else {
                throw Problem(status: .unprocessableContent, code: "cannot_deactivate_self", detail: "an administrator cannot change the own account's state")
            }
            try node.accounts.setActive(accountID: id, active: body.active, by: admin.id, at: node.now())
            return AccountView(try node.accounts.account(id: id)!)
        }
    }
}
