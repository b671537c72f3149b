import NIOCore

/// Splits a feed's bytes into NMEA lines, in bounded memory (a pure state machine; no I/O).
///
/// A line ends at `\n`, `\r` or `\r\n`; empty lines are skipped silently. Only printable ASCII (0x20–0x7E) is
/// kept: NUL and other binary bytes are skipped and counted (a sentence they were inside then fails its
/// checksum, which the pipeline counts too). A line that grows past `maximumLineLength` is discarded up to the
/// next line break and counted once, so a binary blob without line breaks costs at most `maximumLineLength`
/// bytes of memory.
struct AISLineFramer: Sendable {
    /// What one call produced.
    struct Framed: Sendable, Hashable {
        /// The complete lines, in order, without their line break.
        var lines: [String] = []
        /// Lines discarded for exceeding the maximum length.
        var oversizedLines = 0
        /// Non-printable bytes skipped outside discarded lines.
        var binaryBytes = 0
    }

    /// The longest line kept, in bytes.
    let maximumLineLength: Int
    private var current: [UInt8] = []
    private var discarding = false

    /// Creates a framer with no pending bytes.
    init(maximumLineLength: Int) {
        precondition(maximumLineLength > 0, "maximumLineLength must be positive")
        self.maximumLineLength = maximumLineLength
        current.reserveCapacity(min(maximumLineLength, 128))
    }

    /// Bytes kept of the line not yet terminated.
    var pendingByteCount: Int { current.count }

    /// Scans `buffer`'s readable bytes.
    mutating func append(_ buffer: ByteBuffer) -> Framed {
        var framed = Framed()
        buffer.withUnsafeReadableBytes { bytes in
            for byte in bytes { consume(byte, into: &framed) }
        }
        return framed
    }

    /// Scans bytes (tests).
    mutating func append(_ bytes: some Sequence<UInt8>) -> Framed {
        var framed = Framed()
        for byte in bytes { consume(byte, into: &framed) }
        return framed
    }

    /// Ends the current line where the input ends (end of a datagram or of the stream): a partial line becomes a line.
    mutating func flush() -> Framed {
        var framed = Framed()
        consume(0x0A, into: &framed)
        return framed
    }

    private mutating func consume(_ byte: UInt8, into framed: inout Framed) {
        switch byte {
        case 0x0A, 0x0D:
            if discarding {
                discarding = false
            } else if !current.isEmpty {
                framed.lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        case 0x20...0x7E:
            guard !discarding else { return }
            if current.count == maximumLineLength {
                current.removeAll(keepingCapacity: true)
                discarding = true
                framed.oversizedLines += 1
            } else {
                current.append(byte)
            }
        default:
            if !discarding { framed.binaryBytes += 1 }
        }
    }
}
