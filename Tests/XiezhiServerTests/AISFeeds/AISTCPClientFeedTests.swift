import Foundation
import NIOCore
import Testing
import XiezhiWire
@testable import XiezhiServer

/// The client feed against a real NMEA server on loopback.
@Suite("AIS TCP client feed")
struct AISTCPClientFeedTests {
    static let tagged = AISFeedFixtures.tagged("s:rx7,c:1700000000", AISFeedFixtures.positionReport(mmsi: 413_000_007))

    @Test("real NMEA with every kind of bad input: the good messages arrive, the bad are counted; reconnects after the server closes")
    func mixedFeedAndReconnect() async throws {
        let received = AISReceived()
        let metrics = AISTestMetrics()
        let logs = AISRecordedLogs()
        // A blob without line breaks: 1000 × [NUL, 0xFF, 'Z', 'Z'] — 2000 printable bytes, far over the 512-byte limit.
        let blob = [UInt8](repeating: 0, count: 1000).flatMap { _ in [0x00, 0xFF, 0x5A, 0x5A] as [UInt8] }
        try await AISFeedHarness.withNMEAServer({ connection, out in
            if connection == 0 {
                try await out.write(text: AISFeedFixtures.type1 + "\r\n")
                // A two-part type 5, its first sentence split across two writes.
                let first = AISFeedFixtures.type5[0]
                try await out.write(text: String(first.prefix(30)))
                try await Task.sleep(for: .milliseconds(20))
                try await out.write(text: String(first.dropFirst(30)) + "\r\n" + AISFeedFixtures.type5[1] + "\r\n")
                try await out.write(text: "garbage that is not NMEA\n")
                try await out.write(text: AISFeedFixtures.corrupted(AISFeedFixtures.positionReport(mmsi: 413_000_099)) + "\n")
                try await out.write(text: AISFeedFixtures.type5[1] + "\n")  // an orphan second fragment
                try await out.write(bytes: blob)
                try await out.write(bytes: [0x0A, 0x00, 0x00] + Array((Self.tagged + "\r\n").utf8))
                try await out.write(text: AISFeedFixtures.positionUnavailable(mmsi: 413_000_008) + "\r\n")
                // The server closes: the client reconnects.
            } else {
                try await out.write(text: AISFeedFixtures.positionReport(mmsi: 413_000_009 + connection) + "\n")
                try await Task.sleep(for: .seconds(3600))
            }
        }) { port in
            let feed = AISTCPClientFeed(
                host: "127.0.0.1", port: port, options: AISFeedHarness.fastOptions(), logger: logs.logger, metricsFactory: metrics
            ) { message in await received.append(message) }
            try await AISFeedHarness.withRunning([feed], logger: logs.logger) {
                try await AISFeedHarness.eventually("the message after the reconnect") { await received.mmsis.contains(413_000_010) }
                let messages = await received.messages
                #expect(messages.map(\.message.header.mmsi) == [
                    AISFeedFixtures.type1MMSI, AISFeedFixtures.type5MMSI, 413_000_007, 413_000_008, 413_000_010,
                ])
                #expect(messages[1].sentences == AISFeedFixtures.type5)
                #expect(messages[2].source == "rx7")
                #expect(messages[2].receiveTime == Date(timeIntervalSince1970: 1_700_000_000))
                #expect(messages[2].sentences == [Self.tagged])
                #expect(messages.allSatisfy { $0.feed == "tcp-client:127.0.0.1:\(port)" })
                let statistics = feed.statistics
                #expect(statistics.badChecksums == 1)
                #expect(statistics.unparsableLines == 1)
                #expect(statistics.orphanFragments == 1)
                #expect(statistics.oversizedLines == 1)
                // 512 printable bytes fit; the 513th comes after 257 × 2 binary bytes; then 2 NULs before the tagged line.
                #expect(statistics.binaryBytes == 257 * 2 + 2)
                #expect(statistics.positionsUnavailable == 1)
                #expect(statistics.messagesByType == [1: 4, 5: 1])
                #expect(statistics.connections == 2)
                #expect(statistics.reconnects == 1)
                #expect(statistics.connected == 1)
                let feedName = ["feed": feed.name]
                #expect(metrics.value("xiezhi_ais_bad_checksum_total", feedName) == 1)
                #expect(metrics.value("xiezhi_ais_orphan_fragments_total", feedName) == 1)
                #expect(metrics.value("xiezhi_ais_messages_total", feedName.merging(["type": "5"]) { $1 }) == 1)
                #expect(metrics.value("xiezhi_ais_reconnects_total", feedName) == 1)
                #expect(metrics.value("xiezhi_ais_connected", feedName) == 1)
                #expect(logs.count("ais feed connected", level: .info) == 2)
                #expect(logs.count("ais feed disconnected; reconnecting", level: .warning) == 1)
            }
            #expect(feed.statistics.connected == 0)
            #expect(metrics.value("xiezhi_ais_connected", ["feed": feed.name]) == 0)
            #expect(logs.count("ais feed stopped") == 1)
        }
    }

    @Test("a server that goes silent: the stall is counted, the connection closed and the feed reconnects")
    func stall() async throws {
        let received = AISReceived()
        let logs = AISRecordedLogs()
        try await AISFeedHarness.withNMEAServer({ connection, out in
            try await out.write(text: AISFeedFixtures.positionReport(mmsi: 413_100_000 + connection) + "\r\n")
            try await Task.sleep(for: .seconds(3600))  // then nothing
        }) { port in
            let options = AISFeedHarness.fastOptions { $0.stallTimeout = .milliseconds(300) }
            let feed = AISTCPClientFeed(host: "127.0.0.1", port: port, options: options, logger: logs.logger) { await received.append($0) }
            try await AISFeedHarness.withRunning([feed], logger: logs.logger) {
                try await AISFeedHarness.eventually("two stalls") { feed.statistics.stalls >= 2 }
                try await AISFeedHarness.eventually("the message of the third connection") { await received.mmsis.contains(413_100_002) }
                #expect(Array(await received.mmsis.prefix(3)) == [413_100_000, 413_100_001, 413_100_002])
                #expect(feed.statistics.reconnects >= 2)
                #expect(logs.count("ais feed stalled; reconnecting", level: .warning) >= 2)
            }
        }
    }

    @Test("an unreachable feed is retried with backoff and logged once, not once per attempt")
    func unreachable() async throws {
        let logs = AISRecordedLogs()
        let port = try await AISFeedHarness.closedPort()
        let feed = AISTCPClientFeed(host: "127.0.0.1", port: port, options: AISFeedHarness.fastOptions(), logger: logs.logger) { _ in }
        try await AISFeedHarness.withRunning([feed], logger: logs.logger) {
            try await AISFeedHarness.eventually("five failed attempts") { feed.statistics.connectFailures >= 5 }
        }
        #expect(feed.statistics.reconnects >= 4)
        #expect(feed.statistics.connections == 0)
        #expect(logs.count("ais feed unreachable; retrying with backoff", level: .warning) == 1)
        #expect(logs.count("ais feed still unreachable", level: .debug) >= 4)
    }

    @Test("a slow sink: the feed stops reading instead of dropping; every line arrives, in order")
    func slowSinkLosesNothing() async throws {
        let count = 3000
        let received = AISReceived()
        let logs = AISRecordedLogs()
        let served = AISGate()
        try await AISFeedHarness.withNMEAServer({ _, out in
            for batch in stride(from: 0, to: count, by: 100) {
                let text = (batch..<(batch + 100)).map { AISFeedFixtures.positionReport(mmsi: 200_000_000 + $0) + "\r\n" }.joined()
                try await out.write(text: text)
            }
            served.open()
            try await Task.sleep(for: .seconds(3600))
        }) { port in
            let options = AISFeedHarness.fastOptions {
                $0.maximumBufferedReads = 1
                $0.resumeReadingBelow = 1
            }
            let feed = AISTCPClientFeed(host: "127.0.0.1", port: port, options: options, logger: logs.logger) { message in
                if message.message.header.mmsi % 10 == 0 { try? await Task.sleep(for: .milliseconds(1)) }
                await received.append(message)
            }
            try await AISFeedHarness.withRunning([feed], logger: logs.logger) {
                try await AISFeedHarness.eventually("all lines", seconds: 180) { await received.count >= count }
            }
            #expect(served.isOpen)
            #expect(await received.mmsis == (0..<count).map { 200_000_000 + $0 })
            let statistics = feed.statistics
            #expect(statistics.sentences == count)
            #expect(statistics.messages == count)
            #expect(statistics.connections == 1)
            #expect(statistics.badChecksums + statistics.unparsableLines + statistics.orphanFragments + statistics.oversizedLines == 0)
        }
    }
}
