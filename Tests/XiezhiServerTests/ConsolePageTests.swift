import Foundation
import Hummingbird
import Testing
@testable import XiezhiServer

/// The console without a browser: every page the navigation links to is served, and the 跨区域协作 page calls only
/// routes the API declares — each `/api/v1/…` path in its script matches a route of the catalog — covering every
/// step of referrals, partners' requests and joint operations. (The browser test drives it in Chromium.)
@Suite struct ConsolePageTests {
    /// `/api/v1/…` paths written in a script, `${…}` segments kept as they are.
    static func apiPaths(in script: String) throws -> Set<String> {
        let pattern = try Regex(#"/api/v1(?:/(?:[A-Za-z0-9_\-]+|\$\{[^}]*\}))+"#)
        return Set(script.matches(of: pattern).map { String(script[$0.range]) })
    }

    /// Whether a script's path fits a declared route: same segments, a `${…}` in the script or `{…}` in the route
    /// standing for any one segment.
    static func path(_ written: String, fits route: String) -> Bool {
        let a = written.split(separator: "/"), b = route.split(separator: "/")
        return a.count == b.count && zip(a, b).allSatisfy { x, y in x == y || x.hasPrefix("${") || y.hasPrefix("{") }
    }

    @Test func navigationPagesAreServed() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            let app = try await client.call(.get, "/app.js")
            #expect(app.status == .ok)
            let links = Set(app.text.matches(of: try Regex(#"href="(/[a-z\-]+\.html)" data-page"#)).compactMap { $0.output[1].substring.map(String.init) })
            #expect(links.contains("/collab.html"), "the navigation links to 跨区域协作")
            #expect(links.count >= 9)
            for link in links {
                let page = try await client.call(.get, link)
                #expect(page.status == .ok, "\(link) answered \(page.status)")
                #expect(page.headers[.contentType]?.hasPrefix("text/html") == true, "\(link) is not HTML")
                #expect(page.text.contains("/app.js"), "\(link) does not load the shared helpers")
            }
        }
    }

    @Test func collaborationPageCallsDeclaredRoutes() async throws {
        let test = try TestNode()
        let catalog = buildRouter(node: test.node).1
        try await test.withClient { client in
            let page = try await client.call(.get, "/collab.html")
            #expect(page.status == .ok)
            #expect(page.text.contains("<title>跨区域协作"))
            for section in ["线索移交", "协助请求", "联合行动"] { #expect(page.text.contains(section)) }
            #expect(page.text.contains(#"<script src="/collab.js">"#))
            let script = try await client.call(.get, "/collab.js")
            #expect(script.status == .ok)
            let written = try Self.apiPaths(in: script.text)
            #expect(written.count >= 10)
            var used = Set<String>()
            for path in written {
                let routes = catalog.filter { Self.path(path, fits: $0.path) }
                #expect(!routes.isEmpty, "collab.js calls \(path), which the API does not declare")
                used.formUnion(routes.map(\.path))
            }
            let steps = [
                "/api/v1/federation/referrals", "/api/v1/federation/referrals/{id}/accept", "/api/v1/federation/referrals/{id}/reject",
                "/api/v1/federation/referrals/{id}/result", "/api/v1/federation/evidence/{sha256}", "/api/v1/federation/requests",
                "/api/v1/federation/requests/{id}/proof", "/api/v1/joint-operations", "/api/v1/joint-operations/{id}/transition",
                "/api/v1/joint-operations/{id}/results",
            ]
            for step in steps { #expect(used.contains(step), "collab.js does not call \(step)") }
        }
    }

    @Test func pathMatchingIsStrict() {
        #expect(Self.path("/api/v1/federation/referrals/${encodeURIComponent(id)}/accept", fits: "/api/v1/federation/referrals/{id}/accept"))
        #expect(!Self.path("/api/v1/federation/referrals/${id}/approve", fits: "/api/v1/federation/referrals/{id}/accept"))
        #expect(!Self.path("/api/v1/federation/referral", fits: "/api/v1/federation/referrals"))
        #expect(!Self.path("/api/v1/federation/referrals/${id}", fits: "/api/v1/federation/referrals/{id}/accept"))
    }
}
