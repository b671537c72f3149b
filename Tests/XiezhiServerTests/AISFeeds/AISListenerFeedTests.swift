import Foundation
import NIOCore
import NIOPosix
import Synchronization
import Testing
import XiezhiWire
@testable import XiezhiServer

/// Receivers pushing to the node: the TCP listener and the UDP listener, on loopback.
@Suite("AIS listener feeds")
struct AISListenerFeedTests {
    /// The bound port of a listener started with port 0.
    final class BoundPort: Sendable {
        private let port = Mutex<Int?>(nil)
        func set(_ value: Int) { port.withLock { $0 = value } }
        func wait() async throws -> Int {
            try await AISFeedHarness.eventually("the listener to bind") { self.port.withLock { $0 } != nil }
            return port.withLock { $0 }!
        }
    }

    @Test("two receivers push at once: each connection assembles its own fragments; both are delivered")
    func twoConcurrentReceivers() async throws {
        let received = AISReceived()
        let logs = AISRecordedLogs()
        let bound = BoundPort()
        let feed = AISTCPListenerFeed(
            host: "127.0.0.1", port: 0, options: AISFeedHarness.fastOptions(), logger: logs.logger, onBound: { bound.set($0) }
        ) { await received.append($0) }
        try await AISFeedHarness.withRunning([feed], logger: logs.logger) {
            let port = try await bound.wait()
            let first = try await AISPushingClient.connect(port: port)
            let second = try await AISPushingClient.connect(port: port)
            try await first.channel.executeThenClose { _, a in
                try await second.channel.executeThenClose { _, b in
                    // Both receivers interleave the same two-part message (same channel and sequential id): a shared
                    // assembler would drop both as out of order.
                    try await a.write(text: AISFeedFixtures.type5[0] + "\r\n")
                    try await b.write(text: AISFeedFixtures.type5[0] + "\r\n")
                    try await a.write(text: AISFeedFixtures.type5[1] + "\r\n")
                    try await b.write(text: AISFeedFixtures.type5[1] + "\r\n")
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for (offset, writer) in [(0, a), (1000, b)] {
                            group.addTask {
                                for index in 0..<200 {
                                    try await writer.write(text: AISFeedFixtures.positionReport(mmsi: 300_000_000 + offset + index) + "\n")
                                }
                            }
                        }
                        try await group.waitForAll()
                    }
                    try await AISFeedHarness.eventually("every message") { await received.count == 402 }
                    #expect(feed.statistics.connected == 2)
                }
            }
            try await AISFeedHarness.eventually("both receivers to be gone") { feed.statistics.connected == 0 }
            let messages = await received.messages
            #expect(messages.filter { $0.message.header.messageType == 5 }.count == 2)
            #expect(Set(messages.compactMap(\.peer)).count == 2)
            for (offset, peerCount) in [(0, 200), (1000, 200)] {
                let mmsis = messages.map(\.message.header.mmsi).filter { (300_000_000 + offset..<300_000_000 + offset + 200).contains($0) }
                #expect(mmsis == (0..<peerCount).map { 300_000_000 + offset + $0 }, "each connection's messages arrive in order")
            }
            let statistics = feed.statistics
            #expect(statistics.connections == 2)
            #expect(statistics.outOfOrderFragments == 0)
            #expect(statistics.messagesByType == [1: 400, 5: 2])
            #expect(feed.name == "tcp-listen:127.0.0.1:0")
        }
        #expect(logs.count("ais feed stopped") == 1)
    }

    @Test("beyond maximumConnections a receiver is refused and counted; graceful shutdown closes the open ones")
    func refusesBeyondTheLimit() async throws {
        let received = AISReceived()
        let logs = AISRecordedLogs()
        let bound = BoundPort()
        let feed = AISTCPListenerFeed(
            host: "127.0.0.1", port: 0, options: AISFeedHarness.fastOptions { $0.maximumConnections = 1 }, logger: logs.logger,
            onBound: { bound.set($0) }
        ) { await received.append($0) }
        let first = try await withRunningReturningClient(feed, bound: bound, logs: logs, received: received)
        // The service stopped with the first receiver still connected: its connection was closed by the node.
        let ended = try await first.channel.executeThenClose { inbound, _ in
            for try await _ in inbound {}
            return true
        }
        #expect(ended)
        #expect(feed.statistics.connected == 0)
    }

    private func withRunningReturningClient(
        _ feed: AISTCPListenerFeed, bound: BoundPort, logs: AISRecordedLogs, received: AISReceived
    ) async throws -> AISPushingClient {
        let holder = Mutex<AISPushingClient?>(nil)
        try await AISFeedHarness.withRunning([feed], logger: logs.logger) {
            let port = try await bound.wait()
            let first = try await AISPushingClient.connect(port: port)
            holder.withLock { $0 = first }
            try await first.channel.channel.writeAndFlush(ByteBuffer(string: AISFeedFixtures.type1 + "\n"))
            try await AISFeedHarness.eventually("the first receiver's message") { await received.count == 1 }
            let second = try await AISPushingClient.connect(port: port)
            try await AISFeedHarness.eventually("the refusal") { feed.statistics.refusedConnections == 1 }
            let closed = try await second.channel.executeThenClose { inbound, _ in
                for try await _ in inbound {}
                return true
            }
            #expect(closed, "the refused receiver's connection is closed by the node")
            #expect(feed.statistics.connections == 1)
            #expect(logs.count("ais receiver refused: too many connections", level: .info) == 1)
        }
        return try #require(holder.withLock { $0 })
    }

    /// A UDP socket that sends datagrams to 127.0.0.1:`port`.
    static func withUDPSender(port: Int, _ body: (NIOAsyncChannelOutboundWriter<AddressedEnvelope<ByteBuffer>>, SocketAddress) async throws -> Void) async throws {
        let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>(wrappingChannelSynchronously: channel)
            }
        }
        let target = try SocketAddress(ipAddress: "127.0.0.1", port: port)
        try await channel.executeThenClose { _, outbound in try await body(outbound, target) }
    }

    @Test("UDP: a datagram of several lines (a two-part message among them), one without a final line break, and junk")
    func udpDatagrams() async throws {
        let received = AISReceived()
        let logs = AISRecordedLogs()
        let bound = BoundPort()
        let metrics = AISTestMetrics()
        let feed = AISUDPListenerFeed(
            host: "127.0.0.1", port: 0, options: AISFeedHarness.fastOptions(), logger: logs.logger, metricsFactory: metrics, onBound: { bound.set($0) }
        ) { await received.append($0) }
        try await AISFeedHarness.withRunning([feed], logger: logs.logger) {
            let port = try await bound.wait()
            try await Self.withUDPSender(port: port) { out, target in
                let several = ([AISFeedFixtures.type1] + AISFeedFixtures.type5).map { $0 + "\r\n" }.joined()
                try await out.write(AddressedEnvelope(remoteAddress: target, data: ByteBuffer(string: several)))
                try await out.write(AddressedEnvelope(remoteAddress: target, data: ByteBuffer(string: AISFeedFixtures.positionReport(mmsi: 413_200_000))))
                try await out.write(AddressedEnvelope(remoteAddress: target, data: ByteBuffer(bytes: [0x00, 0xFF, 0x41, 0x0A] + Array(AISFeedFixtures.corrupted(AISFeedFixtures.type1).utf8))))
                try await out.write(AddressedEnvelope(remoteAddress: target, data: ByteBuffer(string: AISFeedFixtures.positionReport(mmsi: 413_200_001) + "\n")))
                try await AISFeedHarness.eventually("four messages") { await received.count == 4 }
            }
            let messages = await received.messages
            #expect(messages.map(\.message.header.mmsi) == [AISFeedFixtures.type1MMSI, AISFeedFixtures.type5MMSI, 413_200_000, 413_200_001])
            #expect(messages[1].sentences == AISFeedFixtures.type5)
            #expect(messages.allSatisfy { $0.feed == "udp-listen:127.0.0.1:0" && $0.peer?.hasPrefix("127.0.0.1:") == true })
            let statistics = feed.statistics
            #expect(statistics.datagrams == 4)
            #expect(statistics.binaryBytes == 2)
            #expect(statistics.unparsableLines == 1)  // "A"
            #expect(statistics.badChecksums == 1)
            #expect(statistics.droppedDatagrams == 0)
            #expect(statistics.connected == 1)
            #expect(metrics.value("xiezhi_ais_datagrams_total", ["feed": feed.name]) == 4)
        }
        #expect(feed.statistics.connected == 0)
    }

    @Test("UDP with a stuck sink: datagrams beyond the queue are dropped and counted, the rest delivered")
    func udpOverload() async throws {
        let received = AISReceived()
        let logs = AISRecordedLogs()
        let bound = BoundPort()
        let gate = AISGate()
        let sent = 20
        let feed = AISUDPListenerFeed(
            host: "127.0.0.1", port: 0, options: AISFeedHarness.fastOptions { $0.maximumQueuedDatagrams = 4 }, logger: logs.logger,
            onBound: { bound.set($0) }
        ) { message in
            await gate.wait()
            await received.append(message)
        }
        try await AISFeedHarness.withRunning([feed], logger: logs.logger) {
            let port = try await bound.wait()
            try await Self.withUDPSender(port: port) { out, target in
                for index in 0..<sent {
                    let line = AISFeedFixtures.positionReport(mmsi: 413_300_000 + index) + "\r\n"
                    try await out.write(AddressedEnvelope(remoteAddress: target, data: ByteBuffer(string: line)))
                }
                try await AISFeedHarness.eventually("every datagram read") { feed.statistics.datagrams == sent }
            }
            #expect(feed.statistics.droppedDatagrams > 0)
            gate.open()
            try await AISFeedHarness.eventually("the queue drained") { await received.count + feed.statistics.droppedDatagrams == sent }
            #expect(await received.count <= 4 + 1 + 1, "at most the queue, the one in the sink and one in between")
            let mmsis = await received.mmsis
            #expect(mmsis == mmsis.sorted(), "what is delivered stays in order")
            #expect(logs.count("ais datagram dropped: the sink is behind", level: .warning) == 1)
        }
    }

    @Test("UDP: a silent feed is logged and counted once per quiet period")
    func udpSilence() async throws {
        let logs = AISRecordedLogs()
        let bound = BoundPort()
        let received = AISReceived()
        let feed = AISUDPListenerFeed(
            host: "127.0.0.1", port: 0, options: AISFeedHarness.fastOptions { $0.stallTimeout = .milliseconds(200) }, logger: logs.logger,
            onBound: { bound.set($0) }
        ) { await received.append($0) }
        try await AISFeedHarness.withRunning([feed], logger: logs.logger) {
            let port = try await bound.wait()
            try await AISFeedHarness.eventually("the first silence") { feed.statistics.stalls == 1 }
            try await Self.withUDPSender(port: port) { out, target in
                try await out.write(AddressedEnvelope(remoteAddress: target, data: ByteBuffer(string: AISFeedFixtures.type1 + "\n")))
                try await AISFeedHarness.eventually("the message") { await received.count == 1 }
            }
            try await AISFeedHarness.eventually("the second silence") { feed.statistics.stalls == 2 }
            #expect(logs.count("ais feed silent", level: .warning) == 2)
            #expect(logs.count("ais feed receiving again", level: .info) == 1)
        }
    }
}
