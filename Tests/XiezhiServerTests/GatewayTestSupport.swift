import Foundation
import Synchronization
import Testing
@testable import XiezhiServer

/// Starts the node's JT/T 808 gateway on a free port, runs `body` with the port, then shuts the gateway down
/// gracefully (every wait has a deadline).
func withJT808Gateway(_ node: Node, _ body: @Sendable (Int) async throws -> Void) async throws {
    let port = Mutex<Int?>(nil)
    let gateway = JT808Gateway(node: node, host: "127.0.0.1", port: 0, onBound: { bound in port.withLock { $0 = bound } })
    try await AISFeedHarness.withRunning([gateway], logger: node.logger) {
        try await AISFeedHarness.eventually("the JT/T 808 gateway binds") { port.withLock { $0 } != nil }
        try await body(try #require(port.withLock { $0 }))
    }
}
