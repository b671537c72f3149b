import Foundation
import GRDB
import Logging
import ServiceLifecycle
import XiezhiCore
import XiezhiStore

/// `xiezhi bench federation`: two real nodes in this process, each with its HTTP server and delivery service on
/// loopback, the sender's outbox written as a decision would write it, the receiver's inbox applying each penalty
/// record (insert + audit entry). Measures delivered-and-acknowledged messages per second, the delivery latency
/// (outbox commit → the sender recording the partner's acknowledgement), and the time to drain a backlog after the
/// partner comes back.
public enum FederationBench {
    public struct Figures: Sendable {
        public var throughputCount: Int
        public var throughputSeconds: Double
        public var latencyCount: Int
        public var latencyP50: Double
        public var latencyP99: Double
        public var latencyMax: Double
        public var backlogCount: Int
        /// From the partner's restart to the last message acknowledged.
        public var backlogDrainSeconds: Double
        /// The part of that spent before the first delivery (the sender's backoff finding the partner back).
        public var backlogDiscoverySeconds: Double
    }

    /// A node running its application (HTTP + services) in a service group.
    final class Running: Sendable {
        let node: Node
        let port: Int
        let group: ServiceGroup
        let task: Task<Void, any Error>

        init(node: Node, port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
            self.node = node
            self.port = port
            self.group = group
            self.task = task
        }

        static func start(_ node: Node) async throws -> Running {
            let (ports, continuation) = AsyncStream<Int>.makeStream()
            let app = buildApplication(node: node) { port in continuation.yield(port) }
            let group = ServiceGroup(configuration: .init(services: [app], logger: node.logger))
            let task = Task {
                // A node that cannot start (e.g. its port is taken) ends the wait for its port instead of hanging it.
                defer { continuation.finish() }
                try await group.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw DomainError(code: "bench_failed", reason: "the node did not start") }
            return Running(node: node, port: port, group: group, task: task)
        }

        func stop() async {
            await group.triggerGracefulShutdown()
            _ = try? await task.value
        }
    }

    static func open(_ directory: URL, port: Int, logger: Logger) throws -> Node {
        var configuration = NodeConfiguration(dataDirectory: directory, httpPort: port, passwordHashCost: 4)
        configuration.federation.backoffMaximum = 1
        return try Node.open(configuration: configuration, logger: logger)
    }

    public static func run(count: Int, latencyCount: Int, rate: Double, backlog: Int, progress: @Sendable (String) -> Void) async throws -> Figures {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xiezhi-bench-federation-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var logger = Logger(label: "xiezhi.bench")
        logger.logLevel = .error
        let jinshan = try await Running.start(try open(root.appendingPathComponent("jinshan"), port: 0, logger: logger))
        var pinghu = try await Running.start(try open(root.appendingPathComponent("pinghu"), port: 0, logger: logger))
        let receiverPort = pinghu.port
        do {
            try pair(jinshan: jinshan, pinghu: pinghu)
            let outbox = FederationOutbox(database: jinshan.node.database)
            var serial = 0
            func enqueue(_ n: Int) async throws {
                let start = serial
                serial += n
                try await jinshan.node.database.writer.write { db in
                    let peers = try FederationOutbox.peers(for: .penaltyRecord, in: db)
                    for index in start..<(start + n) {
                        try FederationOutbox.enqueue(.penaltyRecord, body: body(index), to: peers, related: nil, at: Date(), in: db)
                    }
                }
            }

            // 1. Throughput: a burst of `count` messages, each applied by the partner.
            progress("throughput: \(count) messages")
            let clock = ContinuousClock()
            let burst = try await clock.measure {
                try await enqueue(count)
                try await waitDelivered(outbox, total: serial)
            }

            // 2. Latency: messages committed one by one at `rate` per second.
            progress("latency: \(latencyCount) messages at \(Int(rate))/s")
            let before = serial
            for _ in 0..<latencyCount {
                try await enqueue(1)
                try await Task.sleep(for: .milliseconds(Int64(1000 / rate)))
            }
            try await waitDelivered(outbox, total: serial)
            let latencies = try await jinshan.node.database.read { db in
                try Row.fetchAll(db, sql: "SELECT created_at, delivered_at FROM federation_outbox ORDER BY created_at, rowid LIMIT -1 OFFSET ?", arguments: [before])
                    .compactMap { row -> Double? in
                        guard let created = Timestamp.parse(row["created_at"] as String), let delivered = (row["delivered_at"] as String?).flatMap(Timestamp.parse) else { return nil }
                        return delivered.timeIntervalSince(created)
                    }.sorted()
            }
            func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)] }

            // 3. Backlog: the partner stops, `backlog` messages pile up, the partner returns.
            progress("backlog: partner stopped, \(backlog) messages queued")
            await pinghu.stop()
            try await enqueue(backlog)
            try await Task.sleep(for: .seconds(3))  // the sender finds the partner down and backs off
            pinghu = try await Running.start(try open(root.appendingPathComponent("pinghu"), port: receiverPort, logger: logger))
            let restarted = Date()
            progress("backlog: partner back, draining")
            try await waitDelivered(outbox, total: serial)
            let drained = Date()
            let firstDelivery = try await jinshan.node.database.read { db in
                try String.fetchOne(db, sql: "SELECT MIN(delivered_at) FROM federation_outbox WHERE delivered_at >= ?", arguments: [Timestamp.format(restarted)])
            }.flatMap(Timestamp.parse) ?? drained
            let received = try await pinghu.node.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM penalty_record") ?? 0 }
            guard received == serial else {
                throw DomainError(code: "bench_failed", reason: "the partner holds \(received) penalty records for \(serial) messages")
            }
            await pinghu.stop()
            await jinshan.stop()
            return Figures(
                throughputCount: count, throughputSeconds: burst.seconds, latencyCount: latencies.count, latencyP50: percentile(0.5),
                latencyP99: percentile(0.99), latencyMax: latencies.last ?? 0, backlogCount: backlog,
                backlogDrainSeconds: drained.timeIntervalSince(restarted), backlogDiscoverySeconds: firstDelivery.timeIntervalSince(restarted))
        } catch {
            await pinghu.stop()
            await jinshan.stop()
            throw error
        }
    }

    /// Registers Jinshan and Pinghu as each other's peers (penalty records with plates).
    static func pair(jinshan: Running, pinghu: Running) throws {
        for (here, there, name, code) in [(jinshan, pinghu, "pinghu", "330482"), (pinghu, jinshan, "jinshan", "310116")] {
            try PeerStore(database: here.node.database, signingKey: nil).save(
                PeerStore.Peer(name: name, url: "http://127.0.0.1:\(there.port)", publicKey: there.node.key.publicKeyBase64,
                               jurisdictions: [JurisdictionCode(rawValue: code)!], agreement: .standard(personal: ["subject"]), at: Date()),
                by: "bench")
        }
    }

    static func body(_ index: Int) -> PenaltyRecordBody {
        let plate = String(format: "沪D%05d", index % 100_000)
        return PenaltyRecordBody(
            PriorPenalty(subject: "vehicle:\(plate):yellow", violationKind: "overload", actAt: Date().addingTimeInterval(-3600),
                         decisionNumber: "金交执罚决字〔2026〕第B\(index)号", agency: "上海市金山区交通行政执法大队",
                         jurisdiction: JurisdictionCode(rawValue: "310116")!, decidedAt: Date(), source: .local),
            amountFen: 1_550_000)
    }

    /// Waits until every message is delivered (fails on a refused one, gives up after 10 minutes).
    static func waitDelivered(_ outbox: FederationOutbox, total: Int) async throws {
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline {
            let counts = try outbox.counts()
            if let failed = counts["failed"], failed > 0 {
                let reason = try outbox.list(status: "failed", limit: 1, offset: 0).items.first?.lastError ?? ""
                throw DomainError(code: "bench_failed", reason: "\(failed) messages refused: \(reason)")
            }
            if counts["delivered", default: 0] >= total { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw DomainError(code: "bench_failed", reason: "not delivered within 10 minutes")
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
