import Foundation
import Hummingbird
import Testing
import XiezhiCore
@testable import XiezhiServer

/// Every declared route × every role (and no login): the route's declared access decides 401 / 403 / through.
/// A route can only be added through `APIRouter`, which demands a policy; the OpenAPI test checks the document
/// against the same catalog, so an undeclared or undocumented route fails one of the two.
@Suite struct RoutePolicyTests {
    /// Fills `{param}` segments with a value that exists nowhere (the handler then answers 404, never 401/403).
    static func concrete(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") ? "no-such-thing" : String(segment)
        }.joined(separator: "/")
    }

    @Test func everyRouteHasAPolicyAndEnforcesIt() async throws {
        let test = try TestNode()
        let catalog = buildRouter(node: test.node).1
        #expect(catalog.count >= 30)
        try await test.withClient { client in
            for route in catalog {
                // The live feed streams until the client leaves; `once` bounds it to one snapshot for the walk.
                let uri = Self.concrete(route.path) + (route.path == "/api/v1/events" ? "?once=true" : "")
                // Without a token.
                let anonymous = try await client.call(route.method, uri)
                if route.access == .anonymous {
                    #expect(anonymous.status != .unauthorized && anonymous.status != .forbidden, "\(route.method) \(route.path) is anonymous but answered \(anonymous.status)")
                } else {
                    #expect(anonymous.status == .unauthorized, "\(route.method) \(route.path) without a token answered \(anonymous.status)")
                    #expect(anonymous.problemCode == "unauthenticated")
                }
                // With each role's token.
                for role in Role.allCases {
                    // A fresh session per call: `DELETE /api/v1/session` revokes the token it is called with.
                    let reply = try await client.call(route.method, uri, token: try test.freshToken(role))
                    if route.access.allows(role) {
                        #expect(reply.status != .unauthorized && reply.status != .forbidden,
                                "\(route.method) \(route.path) allows \(role.rawValue) but answered \(reply.status): \(reply.text)")
                    } else {
                        #expect(reply.status == .forbidden, "\(route.method) \(route.path) refuses \(role.rawValue) but answered \(reply.status)")
                        #expect(reply.problemCode == "role_not_allowed")
                    }
                }
            }
        }
    }

    /// Besides these, the federation inbox and identity take no session: a partner's message is authenticated by its
    /// signature (``FederationReceiver``).
    @Test func onlyLoginHealthMetricsOpenAPIAndFederationAreAnonymous() throws {
        let test = try TestNode()
        let anonymous = buildRouter(node: test.node).1.filter { $0.access == .anonymous }.map { "\($0.method) \($0.path)" }.sorted()
        #expect(anonymous == [
            "GET /api/v1/health", "GET /federation/v1/node", "GET /metrics", "GET /openapi.json", "POST /api/v1/session", "POST /federation/v1/inbox",
        ])
    }

    @Test func undeclaredPathIsNotFoundAsProblem() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            let reply = try await client.call(.get, "/api/v1/nothing-here", token: test.token(.admin))
            #expect(reply.status == .notFound)
            #expect(reply.problemCode == "not_found")
            #expect(reply.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func expiredAndRevokedTokensAreRefused() async throws {
        let test = try TestNode()
        let account = test.account(.caseHandler)
        let expired = try test.node.accounts.startSession(accountID: account.id, at: Date().addingTimeInterval(-7200), lifetime: 3600).token
        let revoked = try test.node.accounts.startSession(accountID: account.id, at: Date(), lifetime: 3600).token
        try test.node.accounts.revokeSession(token: revoked)
        try await test.withClient { client in
            for token in [expired, revoked, "garbage"] {
                let reply = try await client.call(.get, "/api/v1/me", token: token)
                #expect(reply.status == .unauthorized)
            }
            #expect(try await client.call(.get, "/api/v1/me", token: test.token(.caseHandler)).status == .ok)
        }
    }
}
