import Hummingbird
import XiezhiCore

/// Who may call a route. Every `/api` route is registered through ``APIRouter`` with one of these; there is no
/// other way to add an API route, so a route without a declared policy cannot exist.
public enum RouteAccess: Sendable, Hashable {
    /// No authentication (login, health, the OpenAPI document, console assets).
    case anonymous
    /// Any authenticated account.
    case authenticated
    /// Authenticated accounts holding one of these roles; others get 403.
    case roles(Set<Role>)

    /// Whether an account with `role` passes (jurisdiction is checked by the handler against the resource).
    public func allows(_ role: Role?) -> Bool {
        switch self {
        case .anonymous: true
        case .authenticated: role != nil
        case .roles(let roles): role.map(roles.contains) ?? false
        }
    }
}

/// One declared route: method, path (OpenAPI style `{id}`), access, and a one-line summary.
public struct APIRoute: Sendable, Hashable {
    public var method: HTTPRequest.Method
    public var path: String
    public var access: RouteAccess
    public var summary: String
}

/// Registers routes on a Hummingbird router and records each in the catalog with its access policy; the
/// policy is enforced here, before the handler runs.
public final class APIRouter {
    public let router: Router<XiezhiRequestContext>
    public private(set) var catalog: [APIRoute] = []

    init(router: Router<XiezhiRequestContext>) {
        self.router = router
    }

    /// Adds a route. `handler` runs only when `access` allows the request's account.
    public func on<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: String, access: RouteAccess, summary: String,
        handler: @escaping @Sendable (Request, XiezhiRequestContext) async throws -> Output
    ) {
        precondition(!catalog.contains { $0.method == method && $0.path == path }, "route \(method) \(path) declared twice")
        catalog.append(APIRoute(method: method, path: path, access: access, summary: summary))
        router.on(RouterPath(path), method: method) { request, context in
            try Self.enforce(access, context: context, method: method, path: path)
            return try await handler(request, context)
        }
    }

    static func enforce(_ access: RouteAccess, context: XiezhiRequestContext, method: HTTPRequest.Method, path: String) throws {
        switch access {
        case .anonymous:
            return
        case .authenticated:
            _ = try context.requireAccount()
        case .roles(let roles):
            let account = try context.requireAccount()
            guard roles.contains(account.role) else {
                let allowed = roles.map(\.rawValue).sorted().joined(separator: ", ")
                throw Problem.forbidden("role_not_allowed", "role '\(account.role.rawValue)' may not call \(method) \(path); allowed: \(allowed)")
            }
        }
    }
}

extension Set where Element == Role {
    /// Everyone except the administrator: case data is for the agency's enforcement staff and auditors.
    static let caseReaders: Set<Role> = [.officer, .caseHandler, .legalReviewer, .commander, .agencyHead, .partnerLiaison, .auditor]
    /// Roles that act in cases (the workflow then checks each action's role).
    static let caseActors: Set<Role> = [.officer, .caseHandler, .legalReviewer, .agencyHead]
    static let all = Set(Role.allCases)
}
