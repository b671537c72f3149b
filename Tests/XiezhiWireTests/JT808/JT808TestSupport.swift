import NIOCore
import Testing
@testable import XiezhiWire

/// Bytes from hex text; spaces are ignored.
func hexBytes(_ text: String) -> [UInt8] {
    let digits = Array(text.filter { !$0.isWhitespace })
    precondition(digits.count % 2 == 0, "odd hex length")
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}

/// A buffer from hex text.
func hexBuffer(_ text: String) -> ByteBuffer {
    ByteBuffer(bytes: hexBytes(text))
}

/// Upper-case hex of a buffer's readable bytes.
func hexString(_ buffer: ByteBuffer) -> String {
    buffer.readableBytesView.map { byte in
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }.joined()
}

/// Decodes a frame from `hex`, decodes its message, re-encodes both and expects the exact original bytes.
func decodeVector(
    _ hex: String, version: JT808Version? = nil, sourceLocation: SourceLocation = #_sourceLocation
) throws -> (frame: JT808Frame, message: JT808Message) {
    let wire = hexBuffer(hex)
    let frame = try JT808Frame(escaped: wire)
    let message = try JT808Message(frame: frame, version: version)
    let bodyVersion = JT808Message.bodyVersion(for: frame.header, remembered: version)
    let rebuilt = JT808Frame(header: frame.header, body: try message.encodedBody(version: bodyVersion))
    #expect(hexString(try rebuilt.encoded()) == hexString(wire), "re-encoding differs", sourceLocation: sourceLocation)
    return (frame, message)
}

/// The error a throwing expression throws, or nil.
func jt808Error<T>(
    _ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation
) -> JT808Error? {
    do {
        _ = try body()
        return nil
    } catch let error as JT808Error {
        return error
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
