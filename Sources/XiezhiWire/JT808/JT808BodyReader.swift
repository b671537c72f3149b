import NIOCore

/// Bounded reads from a message body: every read checks the remaining length first and a short body
/// throws `truncated_field` naming the field, its offset and the message ID.
struct JT808BodyReader {
    private var buffer: ByteBuffer
    private let start: Int
    let messageID: UInt16?

    init(_ body: ByteBuffer, messageID: UInt16?) {
        self.buffer = body
        self.start = body.readerIndex
        self.messageID = messageID
    }

    /// Bytes read so far: the offset of the next field in the body.
    var offset: Int { buffer.readerIndex - start }
    /// Bytes left.
    var remaining: Int { buffer.readableBytes }

    func error(_ code: JT808Error.Code, _ reason: String, at offset: Int? = nil) -> JT808Error {
        JT808Error(code, reason, offset: offset ?? self.offset, messageID: messageID)
    }

    private func require(_ count: Int, _ field: String) throws(JT808Error) {
        guard count >= 0, remaining >= count else {
            throw error(.truncatedField, "the body ends before \(field): it needs \(count) bytes, \(remaining) remain")
        }
    }

    mutating func byte(_ field: String) throws(JT808Error) -> UInt8 {
        try require(1, field)
        return buffer.readInteger(as: UInt8.self)!
    }

    mutating func word(_ field: String) throws(JT808Error) -> UInt16 {
        try require(2, field)
        return buffer.readInteger(as: UInt16.self)!
    }

    mutating func doubleWord(_ field: String) throws(JT808Error) -> UInt32 {
        try require(4, field)
        return buffer.readInteger(as: UInt32.self)!
    }

    mutating func bytes(_ count: Int, _ field: String) throws(JT808Error) -> [UInt8] {
        try require(count, field)
        return buffer.readBytes(length: count)!
    }

    mutating func slice(_ count: Int, _ field: String) throws(JT808Error) -> ByteBuffer {
        try require(count, field)
        return buffer.readSlice(length: count)!
    }

    mutating func remainingBytes() -> [UInt8] {
        buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    /// A BYTE[n] text field with its padding (NUL and spaces, either end) removed.
    mutating func fixedText(_ count: Int, _ field: String) throws(JT808Error) -> String {
        JT808FieldText.trimmed(try bytes(count, field))
    }

    /// A STRING running to the end of the body, trailing NULs removed.
    mutating func remainingText() -> String {
        var bytes = remainingBytes()
        while bytes.last == 0 { bytes.removeLast() }
        return JT808Text.decode(bytes)
    }

    /// Throws `trailing_bytes` when anything is left after the last field of a fixed layout.
    func expectEnd(_ layout: String) throws(JT808Error) {
        guard remaining == 0 else {
            throw error(.trailingBytes, "\(remaining) bytes follow the last field of \(layout)")
        }
    }
}

/// Padding of fixed-width text fields (BYTE[n]).
enum JT808FieldText {
    enum Padding {
        case trailingZeros, leadingZeros, trailingSpaces
    }

    /// The text of a padded field: NUL and space bytes stripped at both ends, then GBK-decoded.
    static func trimmed(_ bytes: [UInt8]) -> String {
        var slice = bytes[...]
        while let first = slice.first, first == 0 || first == 0x20 { slice.removeFirst() }
        while let last = slice.last, last == 0 || last == 0x20 { slice.removeLast() }
        return JT808Text.decode(slice)
    }

    /// GBK bytes of `text`, throwing `unencodable_text` naming the field.
    static func encode(_ text: String, _ field: String, messageID: UInt16?) throws(JT808Error) -> [UInt8] {
        guard let bytes = JT808Text.encode(text) else {
            throw JT808Error(.unencodableText, "\(field) \"\(text)\" has a character outside GBK", messageID: messageID)
        }
        return bytes
    }

    /// Writes `text` into a field of `width` bytes, padded as asked; throws when it does not fit.
    static func write(
        _ text: String, width: Int, padding: Padding, _ field: String, messageID: UInt16?,
        into buffer: inout ByteBuffer
    ) throws(JT808Error) {
        let bytes = try encode(text, field, messageID: messageID)
        guard bytes.count <= width else {
            throw JT808Error(
                .invalidValue, "\(field) \"\(text)\" takes \(bytes.count) bytes; the field holds \(width)",
                messageID: messageID
            )
        }
        let fill = repeatElement(padding == .trailingSpaces ? UInt8(0x20) : 0, count: width - bytes.count)
        if padding == .leadingZeros { buffer.writeBytes(fill) }
        buffer.writeBytes(bytes)
        if padding != .leadingZeros { buffer.writeBytes(fill) }
    }
}
