import Foundation
import Testing
@testable import XiezhiWire

/// The encoder against the decoder (random messages of types 1–3, 5, 18 and 24 encode to sentences that decode to the
/// same fields) and against gpsd 3.22 (`gpsdecode -j -s` reads our sentences field for field as we do).
@Suite struct AISEncoderTests {
    /// SplitMix64, for reproducible random messages.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func text(_ maximum: Int) -> String {
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -")
            let count = int(1...maximum)
            var text = String((0..<count).map { _ in alphabet[int(0...alphabet.count - 1)] })
            while text.last == " " { text.removeLast() }
            return text.isEmpty ? "X" : text
        }
    }

    static func messages(seed: UInt64, count: Int) -> [AISMessage] {
        var random = Random(state: seed)
        var messages: [AISMessage] = []
        for index in 0..<count {
            let mmsi = random.int(412_000_000...414_999_999)
            let longitude = random.int(-108_000_000...108_000_000), latitude = random.int(-54_000_000...54_000_000)
            switch index % 6 {
            case 0, 1:
                let type = random.int(1...3)
                messages.append(.positionReport(AISPositionReport(
                    header: AISHeader(messageType: type, repeatIndicator: random.int(0...3), mmsi: mmsi), navigationStatus: random.int(0...15),
                    rateOfTurn: random.int(-128...127), speedOverGround: random.int(0...1023), positionAccuracy: random.int(0...1) == 1,
                    longitude: longitude, latitude: latitude, courseOverGround: random.int(0...3600), trueHeading: random.int(0...359),
                    timestampSecond: random.int(0...63), maneuver: random.int(0...2), raim: random.int(0...1) == 1, radioStatus: random.int(0...0x7FFFF))))
            case 2:
                messages.append(.staticVoyageData(AISStaticVoyageData(
                    header: AISHeader(messageType: 5, repeatIndicator: 0, mmsi: mmsi), aisVersion: random.int(0...2), imo: random.int(0...9_999_999),
                    callSign: random.text(7), shipName: random.text(20), shipType: random.int(20...99),
                    dimensions: AISDimensions(toBow: random.int(1...400), toStern: random.int(1...100), toPort: random.int(1...30), toStarboard: random.int(1...30)),
                    epfd: random.int(0...8), etaMonth: random.int(1...12), etaDay: random.int(1...28), etaHour: random.int(0...23),
                    etaMinute: random.int(0...59), draught: random.int(0...255), destination: random.text(20), dte: random.int(0...1) == 1)))
            case 3:
                messages.append(.classBPositionReport(AISClassBPositionReport(
                    header: AISHeader(messageType: 18, repeatIndicator: 0, mmsi: mmsi), speedOverGround: random.int(0...1023), longitude: longitude,
                    latitude: latitude, courseOverGround: random.int(0...3600), trueHeading: random.int(0...511), timestampSecond: random.int(0...63),
                    carrierSense: random.int(0...1) == 1, display: random.int(0...1) == 1, dsc: random.int(0...1) == 1, band: random.int(0...1) == 1,
                    message22: random.int(0...1) == 1, assigned: random.int(0...1) == 1, raim: random.int(0...1) == 1, radioStatus: random.int(0...0xFFFFF))))
            case 4:
                messages.append(.staticDataReport(AISStaticDataReport(
                    header: AISHeader(messageType: 24, repeatIndicator: 0, mmsi: mmsi), part: .a(shipName: random.text(20)))))
            default:
                messages.append(.staticDataReport(AISStaticDataReport(
                    header: AISHeader(messageType: 24, repeatIndicator: 0, mmsi: mmsi),
                    part: .b(.init(shipType: random.int(20...99), vendorID: random.text(3).padding(toLength: 3, withPad: "X", startingAt: 0), model: 0, serial: 0,
                                   callSign: random.text(7),
                                   dimensions: AISDimensions(toBow: random.int(1...400), toStern: random.int(1...100), toPort: random.int(1...30), toStarboard: random.int(1...30)),
                                   mothershipMMSI: nil)))))
            }
        }
        return messages
    }

    static func lines(_ messages: [AISMessage]) throws -> [String] {
        try messages.enumerated().flatMap { index, message in
            try AISEncoder.sentences(message, channel: index % 2 == 0 ? .a : .b, sequentialID: index % 10)
        }
    }

    @Test func encodedSentencesDecodeToTheSameMessage() throws {
        let messages = Self.messages(seed: 7, count: 600)
        var assembler = AISAssembler()
        var decoded: [AISMessage] = []
        for line in try Self.lines(messages) {
            let sentence = try NMEASentence(parsing: line)
            #expect(line.utf8.count <= 82, "sentence too long: \(line)")
            #expect(sentence.line == line, "checksum or layout differs: \(line)")
            if let payload = assembler.add(line: line, receivedAt: Date()).payload { decoded.append(try payload.message()) }
        }
        #expect(decoded.count == messages.count)
        for (original, back) in zip(messages, decoded) {
            #expect(original == back)
        }
    }

    @Test func typeFiveTakesTwoSentencesWithTheFillBitsOnTheLast() throws {
        let message = Self.messages(seed: 3, count: 3)[2]
        let lines = try AISEncoder.sentences(message, sequentialID: 4)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("!AIVDM,2,1,4,A,") && lines[0].contains(",0*"))
        #expect(lines[1].hasPrefix("!AIVDM,2,2,4,A,") && lines[1].contains(",2*"))
        #expect(throws: AISError.self) { try AISEncoder.payload(.utcInquiry(try AISUTCInquiryFixture.make())) }
    }

    @Test func gpsdecodeReadsWhatWeEncode() throws {
        let version = try AISGPSDCorpusTests.run(["gpsdecode", "-V"])
        try #require(version.status == 0 && (version.stdout + version.stderr).contains("revision 3.22"),
                     "gpsdecode 3.22 (Debian gpsd-clients) is needed; run scripts/setup")
        let lines = try Self.lines(Self.messages(seed: 11, count: 1200))
        let gpsd = try AISGPSDCorpusTests.run(["gpsdecode", "-j", "-s"], input: lines.joined(separator: "\n") + "\n")
        try #require(gpsd.status == 0, "gpsdecode failed: \(gpsd.stderr)")
        let expected = gpsd.stdout.split(whereSeparator: \.isNewline).map(String.init)
        let ours = AISGPSDComparison.decode(lines)
        #expect(expected.count == 1200 && ours.count == 1200)
        var comparison = AISGPSDComparison()
        for (mine, theirs) in zip(ours, expected) { comparison.compare(ours: mine.json, gpsd: theirs, line: mine.line) }
        for mismatch in comparison.mismatches.prefix(10) { Issue.record("gpsdecode reads our sentence differently:\n\(mismatch)") }
        #expect(comparison.mismatches.isEmpty && comparison.fieldsCompared > 10 * 1200)
    }
}

/// A type 10 message, which the encoder does not write.
enum AISUTCInquiryFixture {
    static func make() throws -> AISUTCInquiry {
        var payload = AISPayload()
        payload.append(10, width: 6)
        payload.append(0, width: 2)
        payload.append(413_000_000, width: 30)
        payload.append(0, width: 2)
        payload.append(413_000_001, width: 30)
        payload.append(0, width: 2)
        guard case .utcInquiry(let inquiry) = try AISMessage(payload: payload) else { throw AISError(.unknownMessageType, "not a type 10") }
        return inquiry
    }
}
