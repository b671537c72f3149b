import NIOCore

/// A JT/T 808 message body that decodes from and encodes to bytes in the layout of a given version.
///
/// Decoding reads the unescaped body of one whole (not subpackaged, not encrypted) message; every
/// length read from it is bounded first. Encoding appends the body only: wrap it in a `JT808Frame`.
public protocol JT808MessageBody: Hashable, Sendable {
    /// Decodes `body` in the layout of `version`.
    init(decoding body: ByteBuffer, version: JT808Version) throws(JT808Error)
    /// Appends the body in the layout of `version`.
    func encode(into body: inout ByteBuffer, version: JT808Version) throws(JT808Error)
}

extension JT808MessageBody {
    /// The body in the layout of `version`, as a new buffer.
    public func encodedBody(version: JT808Version) throws(JT808Error) -> ByteBuffer {
        var buffer = ByteBuffer()
        try encode(into: &buffer, version: version)
        return buffer
    }
}
