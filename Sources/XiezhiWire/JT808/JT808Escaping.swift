import NIOCore

/// The 0x7E/0x7D escaping (转义) and the XOR check code (校验码) of JT/T 808 §4.4 (2013 and 2019).
///
/// On the wire 0x7E travels as 0x7D 0x02 and 0x7D as 0x7D 0x01, in the header, the body and the check code;
/// the flags are not escaped. Sending: build, compute the check code, escape. Receiving: unescape, check, parse.
public enum JT808Escaping {
    /// The frame flag (标识位).
    public static let flag: UInt8 = 0x7E
    /// The escape byte.
    public static let escape: UInt8 = 0x7D

    /// The XOR of every byte: the check code of header and body, computed on unescaped data.
    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt8 where Bytes.Element == UInt8 {
        var value: UInt8 = 0
        for byte in bytes { value ^= byte }
        return value
    }

    /// Appends `content` to `output` with 0x7D written as 0x7D 0x01 and 0x7E as 0x7D 0x02.
    public static func escape(_ content: ByteBufferView, into output: inout ByteBuffer) {
        var runStart = content.startIndex
        var index = content.startIndex
        while index < content.endIndex {
            let byte = content[index]
            if byte == flag || byte == escape {
                if runStart < index { output.writeBytes(content[runStart..<index]) }
                output.writeInteger(escape)
                output.writeInteger(byte == flag ? UInt8(0x02) : UInt8(0x01))
                runStart = content.index(after: index)
            }
            index = content.index(after: index)
        }
        if runStart < content.endIndex { output.writeBytes(content[runStart..<content.endIndex]) }
    }

    /// Returns `escaped` with the escape sequences replaced by the bytes they stand for.
    ///
    /// Throws `invalid_escape` with the offset inside `escaped` for a 0x7D followed by anything but
    /// 0x01/0x02, or a 0x7D at the very end. A 0x7E inside the content is not an escape error: the splitter
    /// never passes one, and a direct caller gets it back as data.
    public static func unescape(_ escaped: ByteBuffer) throws(JT808Error) -> ByteBuffer {
        let view = escaped.readableBytesView
        guard let firstEscape = view.firstIndex(of: escape) else { return escaped }
        var output = ByteBuffer()
        output.reserveCapacity(view.count)
        output.writeBytes(view[view.startIndex..<firstEscape])
        var index = firstEscape
        while index < view.endIndex {
            let byte = view[index]
            if byte == escape {
                let next = view.index(after: index)
                guard next < view.endIndex else {
                    throw JT808Error(.invalidEscape, "0x7D is the last byte, with nothing to escape", offset: index - view.startIndex)
                }
                switch view[next] {
                case 0x01: output.writeInteger(escape)
                case 0x02: output.writeInteger(flag)
                default:
                    throw JT808Error(
                        .invalidEscape,
                        "0x7D is followed by \(JT808Hex.byte(view[next])), not 0x01 or 0x02",
                        offset: index - view.startIndex
                    )
                }
                index = view.index(after: next)
            } else {
                output.writeInteger(byte)
                index = view.index(after: index)
            }
        }
        return output
    }
}
