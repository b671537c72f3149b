/// A JT/T 808 codec failure: what went wrong and where, never a crash.
///
/// Framing errors thrown by `JT808FrameSplitter` carry the stream offset of the frame's opening 0x7E;
/// errors thrown while decoding one frame carry the offset inside that frame's content; message errors
/// carry the offset inside the (unescaped) body. `messageID` is set whenever the header was readable.
public struct JT808Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stable kind of failure, rendered in snake_case like the kernel's `DomainError` codes.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// No closing 0x7E within the maximum frame length.
        case frameTooLarge = "frame_too_large"
        /// A 0x7D not followed by 0x01 or 0x02.
        case invalidEscape = "invalid_escape"
        /// Fewer bytes between the flags than a header and a checksum need.
        case frameTooShort = "frame_too_short"
        /// The XOR check code does not match the header and body.
        case badChecksum = "bad_checksum"
        /// The frame carries fewer body bytes than the header's body length declares.
        case truncatedBody = "truncated_body"
        /// The frame carries more body bytes than the header's body length declares.
        case bodyLengthMismatch = "body_length_mismatch"
        /// A message body ends before a field of its layout.
        case truncatedField = "truncated_field"
        /// A fixed-layout message body has bytes after its last field.
        case trailingBytes = "trailing_bytes"
        /// A BCD field has a nibble above 9.
        case invalidBCD = "invalid_bcd"
        /// A value cannot be encoded in its field (too long, out of range, not digits).
        case invalidValue = "invalid_value"
        /// Text has a character that GBK cannot represent.
        case unencodableText = "unencodable_text"
        /// An encoded body exceeds the 1023 bytes the 10-bit length field allows.
        case bodyTooLong = "body_too_long"
        /// The body is encrypted (body-properties bits 10–12); it cannot be parsed without the key.
        case encryptedBody = "encrypted_body"
        /// The frame is one packet of a subpackaged message; reassemble before decoding the body.
        case subpackagedBody = "subpackaged_body"
    }

    /// What went wrong.
    public var code: Code
    /// An English sentence saying why, with the numbers involved.
    public var reason: String
    /// Where: a byte offset (see the type's documentation for what it counts from).
    public var offset: Int?
    /// The message ID of the frame involved, when known.
    public var messageID: UInt16?

    /// Creates an error.
    public init(_ code: Code, _ reason: String, offset: Int? = nil, messageID: UInt16? = nil) {
        self.code = code
        self.reason = reason
        self.offset = offset
        self.messageID = messageID
    }

    /// `code: reason (message 0x0200, offset 12)`.
    public var description: String {
        var place: [String] = []
        if let messageID { place.append("message \(JT808Hex.word(messageID))") }
        if let offset { place.append("offset \(offset)") }
        return place.isEmpty ? "\(code.rawValue): \(reason)" : "\(code.rawValue): \(reason) (\(place.joined(separator: ", ")))"
    }
}

/// Hex rendering for messages and descriptions.
enum JT808Hex {
    static func word(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    static func byte(_ value: UInt8) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" : "") + digits
    }
}
