import NIOCore

/// One JT/T 808 message on the wire (消息): header and body, between 0x7E flags, with a check code.
///
/// `body` is the unescaped body of this frame only: for a subpackaged message, one packet's share.
/// Decoding verifies, in the order of the standard: unescape, check code, header, declared body length.
public struct JT808Frame: Hashable, Sendable {
    /// The header; `bodyLength` always equals the body's size.
    public var header: JT808Header
    /// The unescaped body bytes.
    public private(set) var body: ByteBuffer

    /// The fewest content bytes between the flags: a 12-byte header and the check code.
    public static let minimumContentLength = 13

    /// A frame of `header` and `body`; the header's body length is set from the body.
    public init(header: JT808Header, body: ByteBuffer) {
        var header = header
        header.bodyLength = body.readableBytes
        self.header = header
        self.body = body
    }

    /// Replaces the body and updates the header's body length.
    public mutating func setBody(_ body: ByteBuffer) {
        self.body = body
        header.bodyLength = body.readableBytes
    }

    /// Decodes one frame as it travels: escaped, with or without its two 0x7E flags.
    ///
    /// Offsets in errors count from the first byte after the opening flag, in the escaped bytes for
    /// `invalid_escape` and in the unescaped content otherwise.
    public init(escaped: ByteBuffer) throws(JT808Error) {
        var content = escaped
        if content.readableBytesView.first == JT808Escaping.flag { content.moveReaderIndex(forwardBy: 1) }
        if content.readableBytesView.last == JT808Escaping.flag { content.moveWriterIndex(to: content.writerIndex - 1) }
        try self.init(content: JT808Escaping.unescape(content))
    }

    /// Decodes the unescaped content between the flags: header, body and check code.
    ///
    /// Throws `frame_too_short`, `bad_checksum`, `invalid_bcd` (phone), `truncated_body` (fewer body bytes
    /// than declared) or `body_length_mismatch` (more), with offsets inside `content`.
    public init(content: ByteBuffer) throws(JT808Error) {
        let view = content.readableBytesView
        let messageID = content.getInteger(at: content.readerIndex, as: UInt16.self)
        guard view.count >= Self.minimumContentLength else {
            throw JT808Error(
                .frameTooShort,
                "\(view.count) bytes between the flags; a header and check code need at least \(Self.minimumContentLength)",
                offset: 0, messageID: view.count >= 2 ? messageID : nil
            )
        }
        let expected = view[view.index(before: view.endIndex)]
        let computed = JT808Escaping.checksum(view.dropLast())
        guard expected == computed else {
            throw JT808Error(
                .badChecksum,
                "the check code is \(JT808Hex.byte(expected)) but the header and body XOR to \(JT808Hex.byte(computed))",
                offset: view.count - 1, messageID: messageID
            )
        }
        var rest = content.getSlice(at: content.readerIndex, length: view.count - 1) ?? ByteBuffer()
        let header = try JT808Header.decode(from: &rest)
        let carried = rest.readableBytes
        guard carried >= header.bodyLength else {
            throw JT808Error(
                .truncatedBody,
                "the header declares a \(header.bodyLength)-byte body but the frame carries \(carried)",
                offset: header.encodedLength + carried, messageID: header.messageID
            )
        }
        guard carried == header.bodyLength else {
            throw JT808Error(
                .bodyLengthMismatch,
                "the header declares a \(header.bodyLength)-byte body but the frame carries \(carried)",
                offset: header.encodedLength + header.bodyLength, messageID: header.messageID
            )
        }
        self.header = header
        self.body = rest
    }

    /// Appends the frame as it travels: 0x7E, escaped header, body and check code, 0x7E.
    ///
    /// Throws `body_too_long` for a body over 1023 bytes and `invalid_value` for a bad phone.
    public func encode(into buffer: inout ByteBuffer) throws(JT808Error) {
        var header = self.header
        header.bodyLength = body.readableBytes
        var content = ByteBuffer()
        content.reserveCapacity(header.encodedLength + body.readableBytes + 1)
        try header.encode(into: &content)
        content.writeImmutableBuffer(body)
        content.writeInteger(JT808Escaping.checksum(content.readableBytesView))
        buffer.writeInteger(JT808Escaping.flag)
        JT808Escaping.escape(content.readableBytesView, into: &buffer)
        buffer.writeInteger(JT808Escaping.flag)
    }

    /// The frame as it travels, flags included.
    public func encoded() throws(JT808Error) -> ByteBuffer {
        var buffer = ByteBuffer()
        try encode(into: &buffer)
        return buffer
    }
}
