import Foundation
import Testing
@testable import XiezhiWire

/// A line with a correct checksum for `body` (the text between `!` and `*`).
func nmeaLine(_ body: String, tagBlock: String? = nil) -> String {
    let sum = body.utf8.reduce(UInt8(0), ^)
    var line = "!\(body)*\(NMEASentence.hex(sum))"
    if let tagBlock {
        line = "\\\(tagBlock)*\(NMEASentence.hex(tagBlock.utf8.reduce(UInt8(0), ^)))\\" + line
    }
    return line
}

/// The `AISError` a throwing expression throws, or nil.
func aisError<T>(_ body: () throws(AISError) -> T) -> AISError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

@Suite("NMEA sentences")
struct NMEASentenceTests {
    @Test("a single-sentence VDM: every field")
    func singleSentence() throws {
        let sentence = try NMEASentence(parsing: "!AIVDM,1,1,,A,169w3P0tAs`d3wpAod@3JjhOP000,0*14\r\n")
        #expect(sentence.talker == "AI")
        #expect(sentence.formatter == "VDM")
        #expect(!sentence.isOwnShip)
        #expect(sentence.fragmentCount == 1)
        #expect(sentence.fragmentNumber == 1)
        #expect(sentence.sequentialID == nil)
        #expect(sentence.channel == .a)
        #expect(sentence.payload == "169w3P0tAs`d3wpAod@3JjhOP000")
        #expect(sentence.fillBits == 0)
        #expect(sentence.checksum == 0x14)
        #expect(sentence.tagBlock == nil)
        #expect(sentence.line == "!AIVDM,1,1,,A,169w3P0tAs`d3wpAod@3JjhOP000,0*14")
    }

    @Test("fragment fields, channel digits and own-ship sentences")
    func fragments() throws {
        let second = try NMEASentence(parsing: "!AIVDM,2,2,1,A,88888888880,2*25")
        #expect(second.fragmentCount == 2)
        #expect(second.fragmentNumber == 2)
        #expect(second.sequentialID == 1)
        #expect(second.fillBits == 2)
        #expect(try NMEASentence(parsing: nmeaLine("AIVDM,1,1,,2,15RTgt0PAso;90TKcjM8h6g208CQ,0")).channel == .b)
        #expect(try NMEASentence(parsing: nmeaLine("AIVDM,1,1,,1,15RTgt0PAso;90TKcjM8h6g208CQ,0")).channel == .a)
        let own = try NMEASentence(parsing: nmeaLine("BSVDO,1,1,,,15RTgt0PAso;90TKcjM8h6g208CQ,0"))
        #expect(own.isOwnShip)
        #expect(own.talker == "BS")
        #expect(own.channel == nil)
    }

    @Test("a tag block keeps the receive time c: and the source s:")
    func tagBlock() throws {
        let line = nmeaLine("AIVDM,1,1,,B,15RTgt0PAso;90TKcjM8h6g208CQ,0", tagBlock: "s:jiaxing-01,c:1700000123,g:1-2-42")
        let sentence = try NMEASentence(parsing: line)
        let tag = try #require(sentence.tagBlock)
        #expect(tag.source == "jiaxing-01")
        #expect(tag.receiveTime == Date(timeIntervalSince1970: 1_700_000_123))
        #expect(tag.value(for: "g") == "1-2-42")
        #expect(tag.fields.map(\.key) == ["s", "c", "g"])
        #expect(sentence.line == line)
        #expect(sentence.channel == .b)
    }

    @Test("tag block times in milliseconds and one-digit tag checksums (pyais writes them)")
    func tagBlockVariants() throws {
        let millisContent = "c:1700000123456"
        let millis = try NMEATagBlock(parsing: Substring("\(millisContent)*\(NMEASentence.hex(millisContent.utf8.reduce(0, ^)))"))
        #expect(millis.receiveTime == Date(timeIntervalSince1970: 1_700_000_123.456))
        let content = "c:1700000000,s:rx1"
        let sum = content.utf8.reduce(UInt8(0), ^)
        let short = try NMEATagBlock(parsing: Substring("\(content)*\(String(sum, radix: 16))"))
        #expect(short.source == "rx1")
    }

    @Test("USCG receiver metadata after the checksum is ignored")
    func uscgTrailer() throws {
        let sentence = try NMEASentence(parsing: "!AIVDM,1,1,,B,:6TMCD1GOS60,0*5B,s36310,d-081,T59.01777335")
        #expect(sentence.payload == ":6TMCD1GOS60")
    }

    @Test("malformed lines are specific errors with the offset, never crashes", arguments: [
        ("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B", AISError.Code.badChecksum, 45),
        ("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0", .missingChecksum, 44),
        ("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4", .missingChecksum, 45),
        ("$AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A", .malformedSentence, 0),
        ("", .malformedSentence, 0),
        ("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4Ax", .malformedSentence, 47),
        ("\\c:1700000000*00\\!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A", .badTagBlockChecksum, 14),
        ("\\c:1700000000!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A", .malformedTagBlock, 0),
    ])
    func malformedLines(line: String, code: AISError.Code, offset: Int) {
        let error = aisError { () throws(AISError) in try NMEASentence(parsing: line) }
        #expect(error?.code == code)
        #expect(error?.offset == offset)
    }

    @Test("field errors name the field's position", arguments: [
        ("AIVDQ,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0", AISError.Code.unsupportedSentence, 3),
        ("AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ", .malformedSentence, 1),
        ("AIVDM,0,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0", .invalidFragmentField, 7),
        ("AIVDM,2,3,1,A,15RTgt0PAso;90TKcjM8h6g208CQ,0", .invalidFragmentField, 9),
        ("AIVDM,2,1,X,A,15RTgt0PAso;90TKcjM8h6g208CQ,0", .invalidFragmentField, 11),
        ("AIVDM,1,1,,C,15RTgt0PAso;90TKcjM8h6g208CQ,0", .invalidChannel, 12),
        ("AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g2x8CQ,0", .invalidArmouring, 38),
        ("AIVDM,1,1,,A,,0", .invalidArmouring, 14),
        ("AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,6", .invalidFillBits, 43),
        ("AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,", .invalidFillBits, 43),
        ("AIVDM,2,1,3,A,15RTgt0PAso;90TKcjM8h6g208CQ,2", .invalidFillBits, 44),
    ])
    func fieldErrors(body: String, code: AISError.Code, offset: Int) {
        let error = aisError { () throws(AISError) in try NMEASentence(parsing: nmeaLine(body)) }
        #expect(error?.code == code, "\(body)")
        #expect(error?.offset == offset, "\(body)")
    }

    @Test("an over-long line is refused before it is scanned")
    func tooLong() {
        let line = nmeaLine("AIVDM,1,1,,A," + String(repeating: "0", count: 600) + ",0")
        #expect(aisError { () throws(AISError) in try NMEASentence(parsing: line) }?.code == .sentenceTooLong)
    }
}
