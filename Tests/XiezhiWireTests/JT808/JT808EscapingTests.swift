import NIOCore
import Testing
@testable import XiezhiWire

@Suite("JT/T 808 escaping and check code")
struct JT808EscapingTests {
    private func escaped(_ hex: String) -> String {
        var output = ByteBuffer()
        JT808Escaping.escape(hexBuffer(hex).readableBytesView, into: &output)
        return hexString(output)
    }

    @Test("the standard's example: 30 7E 08 7D 55 travels as 30 7D 02 08 7D 01 55")
    func standardExample() throws {
        #expect(escaped("307e087d55") == "307D02087D0155")
        #expect(hexString(try JT808Escaping.unescape(hexBuffer("307d02087d0155"))) == "307E087D55")
    }

    @Test(
        "escaping edge cases round-trip",
        arguments: ["", "7E", "7D", "7E7E", "7D7D", "7D02", "7D01", "7E7D7E7D", "00FF7D", "7E00"]
    )
    func roundTrip(hex: String) throws {
        var output = ByteBuffer()
        JT808Escaping.escape(hexBuffer(hex).readableBytesView, into: &output)
        #expect(!output.readableBytesView.contains(0x7E))
        #expect(hexString(try JT808Escaping.unescape(output)) == hexString(hexBuffer(hex)))
    }

    @Test("0x7D followed by anything but 01/02, or last, is an invalid escape with its offset")
    func invalidEscapes() {
        let wrong = jt808Error { try JT808Escaping.unescape(hexBuffer("00117D03")) }
        #expect(wrong?.code == .invalidEscape)
        #expect(wrong?.offset == 2)
        let last = jt808Error { try JT808Escaping.unescape(hexBuffer("00117D")) }
        #expect(last?.code == .invalidEscape)
        #expect(last?.offset == 2)
    }

    @Test("the check code is the XOR of header and body")
    func checksum() {
        #expect(JT808Escaping.checksum(hexBytes("000200000123456789000000")) == 0x89 ^ 0x67 ^ 0x45 ^ 0x23 ^ 0x01 ^ 0x02)
        #expect(JT808Escaping.checksum([UInt8]()) == 0)
    }

    @Test("a check code of 0x7E or 0x7D is itself escaped on the wire and read back")
    func escapedCheckCode() throws {
        // Find serial numbers whose heartbeat check code is 0x7E and 0x7D.
        for target in [UInt8(0x7E), 0x7D] {
            var serial: UInt16 = 0
            var frame = JT808Frame(
                header: JT808Header(messageID: 0x0002, terminalPhone: "13800138000", serialNumber: 0, version: .v2013),
                body: ByteBuffer()
            )
            while true {
                frame.header.serialNumber = serial
                var content = ByteBuffer()
                try frame.header.encode(into: &content)
                if JT808Escaping.checksum(content.readableBytesView) == target { break }
                serial += 1
            }
            let wire = try frame.encoded()
            let tail = Array(wire.readableBytesView.suffix(3))
            #expect(tail == [0x7D, target == 0x7E ? 0x02 : 0x01, 0x7E])
            let decoded = try JT808Frame(escaped: wire)
            #expect(decoded == frame)
        }
    }

    @Test("hylexus/jt-framework #7: a heartbeat whose check code 0x7D travels as 7D 01 at the very end")
    func checkCodeSevenD() throws {
        let (frame, message) = try decodeVector("7E00020000978290002147029E7D017E")
        #expect(message == .heartbeat)
        #expect(frame.header.terminalPhone == "978290002147")
        #expect(frame.header.serialNumber == 0x029E)
    }

    @Test("0x7E and 0x7D in the body and the header are escaped and restored")
    func escapedBodyAndHeader() throws {
        let body = JT808GeneralResponse(responseSerialNumber: 0x7E7D, responseMessageID: 0x7D7E, result: JT808ResponseResult(rawValue: 0x7E))
        let frame = try JT808Frame(
            message: .terminalGeneralResponse(body), terminalPhone: "7", serialNumber: 0x7E7E, version: .v2013
        )
        let wire = try frame.encoded()
        let inner = wire.readableBytesView.dropFirst().dropLast()
        #expect(!inner.contains(0x7E))
        #expect(hexString(wire).contains("7D027D027D01"))
        let decoded = try JT808Frame(escaped: wire)
        #expect(decoded.header.serialNumber == 0x7E7E)
        #expect(try JT808Message(frame: decoded) == .terminalGeneralResponse(body))
    }
}
