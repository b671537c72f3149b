import Foundation
import Hummingbird
import XiezhiStore

/// Resolves the caller's account from `Authorization: Bearer TOKEN`, or for GET requests from the console's
/// `xiezhi_session` cookie (so printable documents open in a new tab). Cookies are not accepted for
/// state-changing methods, which keeps cross-site request forgery out without CSRF tokens.
///
/// Only `/api` paths are authenticated (console pages and assets are public files).
/// A present but invalid or expired token is refused with 401 right here, so a stale console notices at once.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = XiezhiRequestContext
    let accounts: AccountStore
    let now: @Sendable () -> Date

    static let cookieName = "xiezhi_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if request.uri.path.hasPrefix("/api/"), let token = Self.token(from: request) {
            guard let account = try accounts.accountForToken(token, at: now()) else {
                throw Problem.unauthorized("the session token is unknown, revoked or expired; log in again")
            }
            context.account = account
            context.logger[metadataKey: "account.id"] = .string(account.id)
        }
        return try await next(request, context)
    }

    static func token(from request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]).trimmingCharacters(in: .whitespaces) }
            return nil
        }
        if request.method == .get || request.method == .head, let cookie = request.cookies[cookieName]?.value, !cookie.isEmpty {
            return cookie
        }
        return nil
    }
}
