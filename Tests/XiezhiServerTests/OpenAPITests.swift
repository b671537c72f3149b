import Foundation
import Testing
import XiezhiCore
@testable import XiezhiServer

/// `/openapi.json` is a file kept beside the code; this test holds it to the router's catalog: the same
/// operations, the same access per operation, no more and no less.
@Suite struct OpenAPITests {
    struct Operation: Hashable, CustomStringConvertible {
        var method: String
        var path: String
        var access: String
        var description: String { "\(method) \(path) [\(access)]" }
    }

    static func accessText(_ access: RouteAccess) -> String {
        switch access {
        case .anonymous: "anonymous"
        case .authenticated: "authenticated"
        case .roles(let roles): roles.map(\.rawValue).sorted().joined(separator: ",")
        }
    }

    func documented() throws -> Set<Operation> {
        let document = try #require(try JSONSerialization.jsonObject(with: try OpenAPIDocument.data()) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var operations = Set<Operation>()
        for (path, methods) in paths {
            for (method, value) in methods {
                let operation = try #require(value as? [String: Any])
                let access: String
                if let security = operation["security"] as? [Any], security.isEmpty {
                    access = "anonymous"
                } else if let roles = operation["x-roles"] as? [String] {
                    access = roles.sorted().joined(separator: ",")
                } else {
                    access = (operation["x-roles"] as? String) ?? "undeclared"
                }
                operations.insert(Operation(method: method.uppercased(), path: path, access: access))
                #expect(operation["responses"] != nil, "\(method) \(path) documents no responses")
            }
        }
        return operations
    }

    @Test func documentMatchesTheRouter() throws {
        let test = try TestNode()
        let routed = Set(buildRouter(node: test.node).1.map { Operation(method: $0.method.rawValue, path: $0.path, access: Self.accessText($0.access)) })
        let documented = try documented()
        let undocumented = routed.subtracting(documented)
        let phantom = documented.subtracting(routed)
        #expect(undocumented.isEmpty, "routes missing from or differing in openapi.json: \(undocumented.sorted { $0.description < $1.description })")
        #expect(phantom.isEmpty, "operations in openapi.json that the router does not serve this way: \(phantom.sorted { $0.description < $1.description })")
    }

    @Test func documentIsServed() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            let reply = try await client.call(.get, "/openapi.json")
            #expect(reply.status == .ok)
            #expect((reply.json["paths"] as? [String: Any])?["/api/v1/cases"] != nil)
        }
    }
}
