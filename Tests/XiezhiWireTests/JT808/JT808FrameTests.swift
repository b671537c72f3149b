import NIOCore
import Testing
@testable import XiezhiWire

@Suite("JT/T 808 frames and headers: encoding and specific errors")
struct JT808FrameTests {
    /// A valid frame's unescaped content with the check code recomputed after `edit`.
    private func content(_ hexWithoutCheckCode: String) -> ByteBuffer {
        var bytes = hexBytes(hexWithoutCheckCode)
        bytes.append(JT808Escaping.checksum(bytes))
        return ByteBuffer(bytes: bytes)
    }

    @Test("a 2013 header is 12 bytes, 16 with a package item; 2019 17 and 21")
    func headerLengths() throws {
        for version in JT808Version.allCases {
            for subpackage in [nil, JT808Subpackage(total: 3, index: 2)] {
                let header = JT808Header(
                    messageID: 0x0200, terminalPhone: "13912344329", serialNumber: 7, version: version,
                    subpackage: subpackage
                )
                var bytes = ByteBuffer()
                try header.encode(into: &bytes)
                let expected = (version == .v2019 ? 17 : 12) + (subpackage == nil ? 0 : 4)
                #expect(bytes.readableBytes == expected)
                #expect(header.encodedLength == expected)
                let decoded = try JT808Header.decode(from: &bytes)
                #expect(decoded.subpackage == subpackage)
                #expect(decoded.terminalKey == "13912344329")
                #expect(decoded.terminalPhone.count == (version == .v2019 ? 20 : 12))
            }
        }
    }

    @Test("the body-properties word carries length, encryption, subpackage, version flag and reserved bit")
    func bodyProperties() {
        var header = JT808Header(
            messageID: 1, bodyLength: 0x3FF, encryption: JT808Encryption(rawValue: 7), protocolVersion: 1, terminalPhone: "1",
            serialNumber: 0, subpackage: JT808Subpackage(total: 1, index: 1), reservedBit: true
        )
        #expect(header.bodyProperties == 0xFFFF)
        header.reservedBit = false
        header.encryption = .none
        header.subpackage = nil
        header.protocolVersion = nil
        header.bodyLength = 5
        #expect(header.bodyProperties == 0x0005)
    }

    @Test("the 2019 encoder sets the version flag and protocol version (unlike SmallChi #26)")
    func versionFlagIsSet() throws {
        let frame = try JT808Frame(
            message: .platformGeneralResponse(JT808GeneralResponse(responseSerialNumber: 1, responseMessageID: 2, result: .success)),
            terminalPhone: "12345678910", serialNumber: 1, version: .v2019, protocolVersion: 3
        )
        let wire = try frame.encoded()
        #expect(hexString(wire).hasPrefix("7E8001400503000000000123456789100001"))
    }

    @Test("phones that are not digits or too long are refused when encoding")
    func badPhones() {
        for (phone, version) in [("13A", JT808Version.v2013), ("1234567890123", .v2013), ("123456789012345678901", .v2019)] {
            let header = JT808Header(messageID: 2, terminalPhone: phone, serialNumber: 0, version: version)
            let error = jt808Error { try JT808Frame(header: header, body: ByteBuffer()).encoded() }
            #expect(error?.code == .invalidValue)
        }
        let padded = JT808Header(messageID: 2, terminalPhone: "0000013800138000", serialNumber: 0, version: .v2013)
        #expect(jt808Error { try JT808Frame(header: padded, body: ByteBuffer()).encoded() } == nil)
    }

    @Test("a body over 1023 bytes cannot be framed")
    func bodyTooLong() {
        let header = JT808Header(messageID: 0x0900, terminalPhone: "1", serialNumber: 0, version: .v2013)
        let frame = JT808Frame(header: header, body: ByteBuffer(repeating: 0, count: 1024))
        let error = jt808Error { try frame.encoded() }
        #expect(error?.code == .bodyTooLong)
        #expect(error?.messageID == 0x0900)
        let largest = JT808Frame(header: header, body: ByteBuffer(repeating: 0, count: 1023))
        #expect(jt808Error { try largest.encoded() } == nil)
    }

    @Test("a wrong check code is bad_checksum, at the check code, with the message ID")
    func badChecksum() {
        let error = jt808Error { try JT808Frame(escaped: hexBuffer("7E00020000012345678900000A807E")) }
        #expect(error?.code == .badChecksum)
        #expect(error?.offset == 12)
        #expect(error?.messageID == 0x0002)
    }

    @Test("a body shorter than declared is truncated_body")
    func truncatedBody() {
        // 0x0001 declaring 5 body bytes, carrying 4.
        let error = jt808Error { try JT808Frame(content: content("0001" + "0005" + "012345678901" + "0001" + "00010002")) }
        #expect(error?.code == .truncatedBody)
        #expect(error?.messageID == 0x0001)
        #expect(error?.offset == 16)
    }

    @Test("a body longer than declared is body_length_mismatch")
    func longerBody() {
        let error = jt808Error { try JT808Frame(content: content("0002000001234567890100010000")) }
        #expect(error?.code == .bodyLengthMismatch)
        #expect(error?.messageID == 0x0002)
    }

    @Test("fewer than 13 bytes, or a 2019 header cut short, is frame_too_short")
    func tooShort() {
        #expect(jt808Error { try JT808Frame(content: content("0002000001234567890100")) }?.code == .frameTooShort)
        let cut = jt808Error { try JT808Frame(content: content("00024000010000000000012345678901")) }
        #expect(cut?.code == .frameTooShort)
        #expect(cut?.messageID == 0x0002)
    }

    @Test("a phone with a non-decimal nibble is invalid_bcd")
    func invalidPhone() {
        let error = jt808Error { try JT808Frame(content: content("000200000123456789AB0001")) }
        #expect(error?.code == .invalidBCD)
        #expect(error?.offset == 4)
    }

    @Test("subpackaged and encrypted bodies are refused by the message decoder, not the framer")
    func subpackagedAndEncrypted() throws {
        let part = JT808Frame(
            header: JT808Header(
                messageID: 0x0801, terminalPhone: "1", serialNumber: 9, version: .v2013,
                subpackage: JT808Subpackage(total: 2, index: 1)
            ),
            body: ByteBuffer(bytes: [1, 2, 3])
        )
        let decodedPart = try JT808Frame(escaped: part.encoded())
        #expect(decodedPart.header.subpackage == JT808Subpackage(total: 2, index: 1))
        #expect(decodedPart.body == ByteBuffer(bytes: [1, 2, 3]))
        #expect(jt808Error { try JT808Message(frame: decodedPart) }?.code == .subpackagedBody)

        let secret = JT808Frame(
            header: JT808Header(messageID: 0x0200, terminalPhone: "1", serialNumber: 9, version: .v2013, encryption: .rsa),
            body: ByteBuffer(bytes: [1, 2, 3])
        )
        let decodedSecret = try JT808Frame(escaped: secret.encoded())
        #expect(decodedSecret.header.encryption == .rsa)
        #expect(jt808Error { try JT808Message(frame: decodedSecret) }?.code == .encryptedBody)
    }

    @Test("message bodies too short for their layout are truncated_field, with ID and offset")
    func truncatedFields() {
        let cases: [(UInt16, String, JT808Version, Int)] = [
            (0x0001, "0001", .v2013, 2),
            (0x0200, "00000001000000020000", .v2013, 8),
            (0x0100, "0028003231", .v2013, 4),
            (0x0102, "0B3132", .v2019, 1),
            (0x0704, "00020000260000", .v2013, 3),
            (0x8003, "006F03000200", .v2013, 3),
            (0x8004, "2410", .v2019, 0),
        ]
        for (id, hex, version, offset) in cases {
            let error = jt808Error { try JT808Message(messageID: id, body: hexBuffer(hex), version: version) }
            #expect(error?.code == .truncatedField, "0x\(String(id, radix: 16))")
            #expect(error?.messageID == id)
            #expect(error?.offset == offset, "0x\(String(id, radix: 16))")
        }
    }

    @Test("bytes after a fixed layout are trailing_bytes")
    func trailingBytes() {
        for (id, hex) in [(UInt16(0x0002), "00"), (0x8001, "000102000000"), (0x8100, "00010100"), (0x0003, "FF")] {
            let error = jt808Error { try JT808Message(messageID: id, body: hexBuffer(hex), version: .v2013) }
            #expect(error?.code == .trailingBytes)
            #expect(error?.messageID == id)
        }
    }

    @Test("0x0704 counts are bounded by the bytes present; items shorter than 28 bytes are refused")
    func batchBounds() {
        let huge = jt808Error { try JT808Message(messageID: 0x0704, body: hexBuffer("FFFF00"), version: .v2013) }
        #expect(huge?.code == .truncatedField)
        let short = jt808Error {
            try JT808Message(messageID: 0x0704, body: hexBuffer("00010000050000000000" + String(repeating: "00", count: 30)), version: .v2013)
        }
        #expect(short?.code == .invalidValue)
        #expect(short?.offset == 3)
    }

    @Test("an additional item that overruns the body is kept raw in unparsedTail, not fatal")
    func overrunningItem() throws {
        let basic = String(repeating: "00", count: 28)
        let body = hexBuffer(basic + "01040000000A" + "EB0A0102")
        guard case .locationReport(let report) = try JT808Message(messageID: 0x0200, body: body, version: .v2013) else {
            Issue.record("not a location report")
            return
        }
        #expect(report.items == [.mileage(10)])
        #expect(report.unparsedTail == [0xEB, 0x0A, 0x01, 0x02])
        #expect(try report.encodedBody(version: .v2013) == body)
    }

    @Test("unknown message IDs pass through with their body")
    func otherMessages() throws {
        let body = ByteBuffer(bytes: [0x7E, 0x7D, 0x00])
        let frame = try JT808Frame(
            message: .other(messageID: 0x0900, body: body), terminalPhone: "1", serialNumber: 1, version: .v2013
        )
        let decoded = try JT808Frame(escaped: frame.encoded())
        #expect(try JT808Message(frame: decoded) == .other(messageID: 0x0900, body: body))
    }

    @Test("errors describe what and where")
    func errorDescription() {
        let error = JT808Error(.badChecksum, "x", offset: 4, messageID: 0x0200)
        #expect(error.description == "bad_checksum: x (message 0x0200, offset 4)")
    }
}
