import Foundation
import GRDB
import Logging
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// The delivery service against a second node over loopback: messages reach the partner, wait while it is down, and
/// are applied exactly once when it returns. Every wait has a deadline; both nodes are stopped on every path.
@Suite struct FederationDeliveryTests {
    @Test func messagesReachAPartnerThroughItsOutageExactlyOnce() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xiezhi-delivery-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var logger = Logger(label: "xiezhi.test")
        logger.logLevel = .critical
        let jinshan = try await FederationBench.Running.start(try FederationBench.open(root.appendingPathComponent("js"), port: 0, logger: logger))
        var pinghu: FederationBench.Running?
        do {
            let first = try await FederationBench.Running.start(try FederationBench.open(root.appendingPathComponent("ph"), port: 0, logger: logger))
            pinghu = first
            let port = first.port
            try FederationBench.pair(jinshan: jinshan, pinghu: first)
            let outbox = FederationOutbox(database: jinshan.node.database)
            func enqueue(_ range: Range<Int>) throws {
                try jinshan.node.database.writer.write { db in
                    let peers = try FederationOutbox.peers(for: .penaltyRecord, in: db)
                    for index in range {
                        try FederationOutbox.enqueue(.penaltyRecord, body: FederationBench.body(index), to: peers, related: nil, at: Date(), in: db)
                    }
                }
            }
            try enqueue(0..<20)
            try await eventually("20 delivered") { try outbox.counts()["delivered"] == 20 }

            await first.stop()
            pinghu = nil
            try enqueue(20..<30)
            try await eventually("a failed attempt recorded") {
                try outbox.list(status: "queued", limit: 50, offset: 0).items.contains { $0.attempts > 0 && $0.lastError != nil }
            }
            let second = try await FederationBench.Running.start(try FederationBench.open(root.appendingPathComponent("ph"), port: port, logger: logger))
            pinghu = second
            try await eventually("30 delivered") { try outbox.counts()["delivered"] == 30 }
            let (records, inbox, deliveries) = try await second.node.database.writer.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM penalty_record") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM federation_inbox") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT SUM(deliveries) FROM federation_inbox") ?? 0)
            }
            #expect(records == 30)
            #expect(inbox == 30)
            #expect(deliveries >= 30)
            #expect(try outbox.counts() == ["delivered": 30])
        } catch {
            await pinghu?.stop()
            await jinshan.stop()
            throw error
        }
        await pinghu?.stop()
        await jinshan.stop()
    }
}
