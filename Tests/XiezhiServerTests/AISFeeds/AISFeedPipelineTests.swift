import Foundation
import Logging
import NIOCore
import Testing
import XiezhiWire
@testable import XiezhiServer

@Suite("AIS feed pipeline: lines to messages, every drop counted")
struct AISFeedPipelineTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    struct Harness {
        let metrics = AISTestMetrics()
        let logs = AISRecordedLogs()
        let counters: AISFeedCounters
        var pipeline: AISFeedPipeline

        init(options: AISFeedOptions = AISFeedOptions()) {
            counters = AISFeedCounters(feed: "test", factory: metrics)
            pipeline = AISFeedPipeline(counters: counters, options: options, peer: "192.0.2.1:4001", logger: logs.logger)
        }

        mutating func receive(_ lines: [String], at time: Date = AISFeedPipelineTests.start) -> [AISFeedMessage] {
            pipeline.receive(ByteBuffer(string: lines.map { $0 + "\r\n" }.joined()), at: time)
        }

        func metric(_ label: String, _ extra: [String: String] = [:]) -> Double? {
            metrics.value(label, extra.merging(["feed": "test"]) { $1 })
        }
    }

    @Test("interleaved multi-sentence messages each carry their own lines, in order")
    func interleaved() {
        var harness = Harness()
        let lines = [
            "!AIVDM,2,1,6,B,542M92h00001@<7;?G0PD4i@R0<tqA8tj37>220o0h:2240Ht50000000000,0*3B",
            "!AIVDM,2,1,2,A,542M92h00001@<7;?G0PD4i@R0<tqA8tj37>220o0h:2240Ht500000000000000,0*3C",
            AISFeedFixtures.type1,
            "!AIVDM,2,2,2,A,0000002,2*24",
            "!AIVDM,2,2,6,B,00000000000,2*21",
        ]
        let messages = harness.receive(lines)
        #expect(messages.map(\.sentences) == [[lines[2]], [lines[1], lines[3]], [lines[0], lines[4]]])
        #expect(messages.map(\.channel) == [.a, .a, .b])
        #expect(messages.map(\.message.header.messageType) == [1, 5, 5])
        #expect(messages.allSatisfy { $0.feed == "test" && $0.peer == "192.0.2.1:4001" && $0.receivedAt == Self.start })
        #expect(harness.counters.statistics.messagesByType == [1: 1, 5: 2])
        #expect(harness.counters.statistics.sentences == 5)
        #expect(harness.metric("xiezhi_ais_messages_total", ["type": "5"]) == 2)
        #expect(harness.metric("xiezhi_ais_sentences_total") == 5)
    }

    @Test("tag blocks give the receive time and source; an untagged continuation joins its message; VDO is own ship")
    func tagBlocks() throws {
        var harness = Harness()
        let first = AISFeedFixtures.tagged("s:rx1,c:1700000100", AISFeedFixtures.type5[0])
        let vdo = NMEASentence(formatter: "VDO", channel: nil, payload: try NMEASentence(parsing: AISFeedFixtures.type1).payload).line
        let messages = harness.receive([first, AISFeedFixtures.type5[1], vdo], at: Self.start.addingTimeInterval(3))
        try #require(messages.count == 2)
        #expect(messages[0].source == "rx1")
        #expect(messages[0].receiveTime == Date(timeIntervalSince1970: 1_700_000_100))
        #expect(messages[0].receivedAt == Self.start.addingTimeInterval(3))
        #expect(messages[0].sentences == [first, AISFeedFixtures.type5[1]])
        #expect(!messages[0].isOwnShip)
        guard case .staticVoyageData(let ship) = messages[0].message else {
            Issue.record("not a type 5")
            return
        }
        #expect(ship.shipName == "EVER DIADEM")
        #expect(messages[1].isOwnShip)
        #expect(messages[1].source == nil && messages[1].receiveTime == nil)
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        var name: String
        var line: String
        var metric: String
        var reason: String?
        var log = "ais feed input dropped"
        var testDescription: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "bad checksum", line: AISFeedFixtures.corrupted(AISFeedFixtures.type1), metric: "xiezhi_ais_bad_checksum_total"),
        BadInput(
            name: "bad tag block checksum", line: "\\s:rx1*00\\" + AISFeedFixtures.type1, metric: "xiezhi_ais_bad_checksum_total"
        ),
        BadInput(name: "garbage", line: "hello, world", metric: "xiezhi_ais_unparsable_lines_total", reason: "malformed_sentence"),
        BadInput(
            name: "another NMEA sentence", line: AISFeedFixtures.sentence("GPGGA,1,2,3"), metric: "xiezhi_ais_unparsable_lines_total",
            reason: "unsupported_sentence"
        ),
        BadInput(
            name: "no checksum", line: String(AISFeedFixtures.type1.dropLast(3)), metric: "xiezhi_ais_unparsable_lines_total",
            reason: "missing_checksum"
        ),
        BadInput(
            name: "bad channel", line: AISFeedFixtures.sentence("AIVDM,1,1,,C,169w3P0tAs`d3wpAod@3JjhOP000,0"),
            metric: "xiezhi_ais_unparsable_lines_total", reason: "invalid_channel"
        ),
        BadInput(name: "orphan second fragment", line: AISFeedFixtures.type5[1], metric: "xiezhi_ais_orphan_fragments_total"),
        BadInput(
            name: "payload too short for its type", line: AISFeedFixtures.sentence("AIVDM,1,1,,A,169w3P0tAs,0"),
            metric: "xiezhi_ais_undecodable_messages_total", reason: "payload_too_short"
        ),
        BadInput(
            name: "unknown message type", line: AISFeedFixtures.sentence("AIVDM,1,1,,A,o69w3P0tAs`d3wpAod@3JjhOP000,0"),
            metric: "xiezhi_ais_undecodable_messages_total", reason: "unknown_message_type"
        ),
        BadInput(
            name: "line over the limit", line: "!" + String(repeating: "A", count: 600),
            metric: "xiezhi_ais_oversized_lines_total", log: "ais feed sent a line longer than the limit; discarded"
        ),
    ]

    @Test(arguments: badInputs)
    func badInputIsCounted(_ input: BadInput) {
        var harness = Harness()
        let messages = harness.receive([input.line, AISFeedFixtures.type1])
        #expect(messages.map(\.message.header.mmsi) == [AISFeedFixtures.type1MMSI], "the next good line still decodes")
        #expect(harness.metric(input.metric, input.reason.map { ["reason": $0] } ?? [:]) == 1)
        let statistics = harness.counters.statistics
        let drops = statistics.badChecksums + statistics.unparsableLines + statistics.orphanFragments + statistics.undecodableMessages
            + statistics.oversizedLines
        #expect(drops == 1)
        #expect(harness.logs.count(input.log, level: .notice) == 1)
    }

    @Test("latitude 91° / longitude 181° is delivered and counted as position not available")
    func positionNotAvailable() {
        var harness = Harness()
        let messages = harness.receive([AISFeedFixtures.positionUnavailable(mmsi: 413_000_001), AISFeedFixtures.positionReport(mmsi: 413_000_002)])
        #expect(messages.map(\.message.header.mmsi) == [413_000_001, 413_000_002])
        guard case .positionReport(let report) = messages.first?.message else {
            Issue.record("not a position report")
            return
        }
        #expect(report.latitudeDegrees == nil && report.longitudeDegrees == nil)
        #expect(harness.counters.statistics.positionsUnavailable == 1)
        #expect(harness.metric("xiezhi_ais_position_unavailable_total") == 1)
    }

    @Test("a truncated two-part message times out at the tick; its late second part is an orphan")
    func truncatedMessageTimesOut() {
        var harness = Harness()
        #expect(harness.receive([AISFeedFixtures.type5[0]]).isEmpty)
        harness.pipeline.expire(now: Self.start.addingTimeInterval(4))
        #expect(harness.pipeline.pendingMessages == 1)
        harness.pipeline.expire(now: Self.start.addingTimeInterval(6))
        #expect(harness.pipeline.pendingMessages == 0)
        #expect(harness.receive([AISFeedFixtures.type5[1]], at: Self.start.addingTimeInterval(6)).isEmpty)
        #expect(harness.counters.statistics.timedOutFragments == 1)
        #expect(harness.counters.statistics.orphanFragments == 1)
        #expect(harness.metric("xiezhi_ais_timed_out_fragments_total") == 1)
        // A complete message afterwards still has exactly its own lines.
        let messages = harness.receive(AISFeedFixtures.type5, at: Self.start.addingTimeInterval(7))
        #expect(messages.map(\.sentences) == [AISFeedFixtures.type5])
    }

    @Test("the end of the input: a last line without a line break is decoded; a pending fragment counts as timed out")
    func finish() {
        var harness = Harness()
        let bytes = ByteBuffer(string: AISFeedFixtures.type5[0] + "\n" + AISFeedFixtures.type1)
        #expect(harness.pipeline.receive(bytes, at: Self.start).isEmpty)
        let last = harness.pipeline.finish(at: Self.start)
        #expect(last.map(\.message.header.mmsi) == [AISFeedFixtures.type1MMSI])
        #expect(harness.counters.statistics.timedOutFragments == 1)
    }

    @Test("a datagram's last line needs no line break")
    func datagram() {
        var harness = Harness()
        let bytes = ByteBuffer(string: AISFeedFixtures.type5.joined(separator: "\r\n") + "\r\n" + AISFeedFixtures.type1)
        let messages = harness.pipeline.receiveDatagram(bytes, at: Self.start)
        #expect(messages.map(\.message.header.messageType) == [5, 1])
    }

    @Test("binary junk and oversized lines are counted; storms are logged once per kind, the rest at debug")
    func junkIsCountedAndThrottled() {
        var harness = Harness(options: AISFeedOptions(maximumLineLength: 100))
        var junk = [UInt8](repeating: 0, count: 10) + Array(String(repeating: "Z", count: 300).utf8) + [0x0A]
        junk += Array((AISFeedFixtures.type1 + "\n").utf8)
        for _ in 0..<3 {
            #expect(harness.pipeline.receive(ByteBuffer(bytes: junk), at: Self.start).count == 1)
        }
        for _ in 0..<5 { _ = harness.receive(["garbage"]) }
        let statistics = harness.counters.statistics
        #expect(statistics.binaryBytes == 30)
        #expect(statistics.oversizedLines == 3)
        #expect(statistics.unparsableLines == 5)
        #expect(statistics.messages == 3)
        #expect(harness.metric("xiezhi_ais_binary_bytes_total") == 30)
        #expect(harness.metric("xiezhi_ais_oversized_lines_total") == 3)
        #expect(harness.logs.count("ais feed input dropped", level: .notice) == 1)
        #expect(harness.logs.count("ais feed input dropped", level: .debug) == 4)
        #expect(harness.logs.count("ais feed sent non-printable bytes; skipped", level: .notice) == 1)
        #expect(harness.logs.count("ais feed sent a line longer than the limit; discarded", level: .notice) == 1)
        #expect(harness.logs.all.allSatisfy { $0.metadata["ais.feed"] == "test" && $0.metadata["ais.peer"] == "192.0.2.1:4001" })
    }
}
