import Testing
@testable import XiezhiWire

@Suite("AIS six-bit payloads")
struct AISPayloadTests {
    @Test("de-armouring: every character of the alphabet maps to its six-bit value")
    func alphabet() throws {
        let armoured = (0..<64).map { value in Character(Unicode.Scalar(UInt8(value < 40 ? value + 48 : value + 56))) }
        let payload = try AISPayload(armoured: String(armoured))
        #expect(payload.bitCount == 384)
        for value in 0..<64 {
            #expect(payload.unsigned(at: value * 6, width: 6) == UInt64(value))
        }
        #expect(payload.armoured.text == String(armoured))
        #expect(payload.armoured.fillBits == 0)
    }

    @Test("fill bits are removed and the tail is zero")
    func fillBits() throws {
        let payload = try AISPayload(armoured: "w", fillBits: 2)  // 111111 minus two bits
        #expect(payload.bitCount == 4)
        #expect(payload.bytes == [0xF0])
        #expect(payload.armoured.text == "t")  // 111100 re-armoured
        #expect(payload.armoured.fillBits == 2)
        #expect(aisError { () throws(AISError) in try AISPayload(armoured: "w", fillBits: 6) }?.code == .invalidFillBits)
        #expect(aisError { () throws(AISError) in try AISPayload(armoured: "0x", fillBits: 0) }?.code == .invalidArmouring)
    }

    @Test("signed and unsigned fields, reads past the end are zero")
    func fields() {
        let payload = AISPayload(bytes: [0b1000_0001, 0b1111_1111], bitCount: 12)
        #expect(payload.unsigned(at: 0, width: 8) == 0x81)
        #expect(payload.signed(at: 0, width: 8) == -127)
        #expect(payload.signed(at: 8, width: 4) == -1)
        #expect(payload.unsigned(at: 8, width: 8) == 0xF0)  // the last 4 bits are past the end
        #expect(payload.unsigned(at: 100, width: 30) == 0)
        #expect(payload.bytes == [0x81, 0xF0])
    }

    @Test("six-bit text stops at @ and drops trailing spaces, as gpsd does", arguments: [
        ("AB@CD", "AB"), ("AB  ", "AB"), (" A B ", " A B"), ("\"Q\\", "\"Q\\"), ("@AB", ""),
    ])
    func text(source: String, expected: String) {
        var payload = AISPayload()
        for character in source {
            payload.append(UInt64(AISPayload.sixBitAlphabet.firstIndex(of: character)!), width: 6)
        }
        #expect(payload.text(at: 0, characters: source.count) == expected)
    }

    @Test("binary blobs are zero-padded and printed as gpsd's lower-case hex")
    func blob() throws {
        let payload = AISPayload(bytes: [0xAB, 0xCD, 0xEF], bitCount: 24)
        let blob = payload.blob(from: 4, count: 13)
        #expect(blob.bitCount == 13)
        #expect(blob.hex == "bcd8")
        #expect(payload.blob(from: 30).bitCount == 0)
        #expect(payload.blob(from: 30).hex == "")
    }
}
