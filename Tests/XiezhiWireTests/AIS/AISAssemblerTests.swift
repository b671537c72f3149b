import Foundation
import Testing
@testable import XiezhiWire

@Suite("AIS multi-sentence assembly")
struct AISAssemblerTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    static let everDiadem = [
        "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C",
        "!AIVDM,2,2,1,A,88888888880,2*25",
    ]

    @Test("a two-sentence type 5 assembles into 424 bits with where and when")
    func twoSentences() throws {
        var assembler = AISAssembler()
        let first = assembler.add(line: Self.everDiadem[0], receivedAt: Self.start)
        #expect(first.payload == nil)
        #expect(first.dropped.isEmpty)
        #expect(assembler.pendingCount == 1)
        let second = assembler.add(line: Self.everDiadem[1], receivedAt: Self.start.addingTimeInterval(0.1))
        let assembled = try #require(second.payload)
        #expect(assembled.payload.bitCount == 424)
        #expect(assembled.fragmentCount == 2)
        #expect(assembled.channel == .a)
        #expect(assembled.talker == "AI")
        #expect(assembled.receivedAt == Self.start.addingTimeInterval(0.1))
        #expect(assembler.pendingCount == 0)
        #expect(assembler.statistics.messages == 1)
        #expect(assembler.statistics.sentences == 2)
        guard case .staticVoyageData(let ship) = try assembled.message() else {
            Issue.record("not a type 5")
            return
        }
        #expect(ship.shipName == "EVER DIADEM")
    }

    @Test("tag blocks: c: and s: of the message are kept; fragments are grouped per source station")
    func tagBlocksAndSources() throws {
        var assembler = AISAssembler()
        let tagged = Self.everDiadem.enumerated().map { index, line in
            "\\s:rx1,c:\(1_700_000_100 + index)*\(Self.tagSum("s:rx1,c:\(1_700_000_100 + index)"))\\" + line
        }
        let otherStation = "\\s:rx2*\(Self.tagSum("s:rx2"))\\" + Self.everDiadem[0]
        #expect(assembler.add(line: tagged[0], receivedAt: Self.start).payload == nil)
        #expect(assembler.add(line: otherStation, receivedAt: Self.start).payload == nil)
        #expect(assembler.pendingCount == 2)
        let assembled = try #require(assembler.add(line: tagged[1], receivedAt: Self.start).payload)
        #expect(assembled.source == "rx1")
        #expect(assembled.receiveTime == Date(timeIntervalSince1970: 1_700_000_100))
        #expect(assembler.pendingCount == 1)
    }

    @Test("a later fragment without a tag block joins the only matching pending message")
    func untaggedContinuation() throws {
        var assembler = AISAssembler()
        let first = "\\s:rx1*\(Self.tagSum("s:rx1"))\\" + Self.everDiadem[0]
        #expect(assembler.add(line: first, receivedAt: Self.start).payload == nil)
        let assembled = try #require(assembler.add(line: Self.everDiadem[1], receivedAt: Self.start).payload)
        #expect(assembled.source == "rx1")
        #expect(assembled.payload.bitCount == 424)
    }

    @Test("interleaved messages on channels A and B (gpsd's multiplexing sample)")
    func interleavedChannels() throws {
        var assembler = AISAssembler()
        let lines = [
            "!AIVDM,2,1,6,B,542M92h00001@<7;?G0PD4i@R0<tqA8tj37>220o0h:2240Ht50000000000,0*3B",
            "!AIVDM,2,1,2,A,542M92h00001@<7;?G0PD4i@R0<tqA8tj37>220o0h:2240Ht500000000000000,0*3C",
            "!AIVDM,2,2,2,A,0000002,2*24",
            "!AIVDM,2,2,6,B,00000000000,2*21",
        ]
        let outputs = lines.map { assembler.add(line: $0, receivedAt: Self.start) }
        #expect(outputs.compactMap(\.payload).map(\.channel) == [.a, .b])
        #expect(outputs.allSatisfy { $0.dropped.isEmpty })
    }

    @Test("an orphan second part is dropped and counted")
    func orphan() {
        var assembler = AISAssembler()
        let output = assembler.add(line: Self.everDiadem[1], receivedAt: Self.start)
        #expect(output.payload == nil)
        #expect(output.dropped.map(\.code) == [.orphanFragment])
        #expect(assembler.statistics.orphanFragments == 1)
        #expect(assembler.pendingCount == 0)
    }

    @Test("a part that does not continue its message drops both")
    func outOfOrder() {
        var assembler = AISAssembler()
        let three = nmeaLine("AIVDM,3,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0")
        _ = assembler.add(line: three, receivedAt: Self.start)
        let output = assembler.add(line: nmeaLine("AIVDM,3,3,1,A,88888888880,2"), receivedAt: Self.start)
        #expect(output.dropped.map(\.code) == [.fragmentOutOfOrder])
        #expect(assembler.pendingCount == 0)
        // A count that differs from the pending message's is out of order too.
        _ = assembler.add(line: three, receivedAt: Self.start)
        #expect(assembler.add(line: Self.everDiadem[1], receivedAt: Self.start).dropped.map(\.code) == [.fragmentOutOfOrder])
        #expect(assembler.statistics.outOfOrderFragments == 2)
    }

    @Test("a new first part replaces an incomplete message, reporting it")
    func superseded() throws {
        var assembler = AISAssembler()
        _ = assembler.add(line: Self.everDiadem[0], receivedAt: Self.start)
        let restart = assembler.add(line: Self.everDiadem[0], receivedAt: Self.start)
        #expect(restart.dropped.map(\.code) == [.fragmentOutOfOrder])
        #expect(try #require(assembler.add(line: Self.everDiadem[1], receivedAt: Self.start).payload).payload.bitCount == 424)
    }

    @Test("timeout: the next part arriving too late finds nothing; the drop is reported")
    func timeout() {
        var assembler = AISAssembler(configuration: .init(fragmentTimeout: 2))
        _ = assembler.add(line: Self.everDiadem[0], receivedAt: Self.start)
        #expect(assembler.expire(now: Self.start.addingTimeInterval(2)).isEmpty)
        let late = assembler.add(line: Self.everDiadem[1], receivedAt: Self.start.addingTimeInterval(2.5))
        #expect(late.payload == nil)
        #expect(late.dropped.map(\.code) == [.fragmentTimeout, .orphanFragment])
        #expect(assembler.statistics.timedOut == 1)
    }

    @Test("expire(now:) drops stale messages without a new sentence")
    func expire() {
        var assembler = AISAssembler(configuration: .init(fragmentTimeout: 5))
        _ = assembler.add(line: Self.everDiadem[0], receivedAt: Self.start)
        #expect(assembler.expire(now: Self.start.addingTimeInterval(6)).map(\.code) == [.fragmentTimeout])
        #expect(assembler.pendingCount == 0)
    }

    @Test("the number of pending messages is bounded")
    func bounded() {
        var assembler = AISAssembler(configuration: .init(maximumPendingMessages: 2))
        var dropped: [AISError.Code] = []
        for (index, id) in [1, 2, 3].enumerated() {
            let line = nmeaLine("AIVDM,2,1,\(id),A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0")
            dropped += assembler.add(line: line, receivedAt: Self.start.addingTimeInterval(Double(index))).dropped.map(\.code)
        }
        #expect(dropped == [.tooManyPendingMessages])
        #expect(assembler.pendingCount == 2)
        #expect(assembler.statistics.evicted == 1)
    }

    @Test("unparsable lines are reported and counted, not thrown")
    func unparsable() {
        var assembler = AISAssembler()
        let output = assembler.add(line: "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*00", receivedAt: Self.start)
        #expect(output.dropped.map(\.code) == [.badChecksum])
        #expect(assembler.statistics.unparsable == 1)
    }

    static func tagSum(_ content: String) -> String {
        NMEASentence.hex(content.utf8.reduce(UInt8(0), ^))
    }
}
