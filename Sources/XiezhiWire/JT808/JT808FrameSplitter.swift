import NIOCore

/// Cuts a TCP byte stream into JT/T 808 frames (拆包/粘包): half packets, sticky packets, garbage.
///
/// A pure state machine over `ByteBuffer`, meant to sit inside a NIO `ByteToMessageDecoder` (pass the
/// cumulation buffer to `next(from:)`) or to own its buffer (`append(_:)` then `next()`). It returns nil
/// while a frame is incomplete and never rescans bytes it has already searched.
///
/// Rules:
/// - Bytes before the first 0x7E are discarded (counted in `discardedByteCount`).
/// - Every run of bytes between two 0x7E is a candidate; a closing flag also opens the next candidate, so
///   `7E a 7E 7E b 7E` and `7E a 7E b 7E` both give a and b. Empty runs (`7E 7E`) are skipped.
/// - Runs shorter than `JT808Frame.minimumContentLength` cannot be frames: discarded and counted.
/// - A longer run that is not a valid frame throws its specific `JT808Error` (bad escape, bad check code,
///   truncated body, …) after it has been consumed: call `next` again to go on with the stream.
/// - A frame longer than `maximumFrameLength` throws `frame_too_large`, and its bytes are dropped.
/// Error offsets are stream offsets of the candidate's opening 0x7E (the first byte ever given is 0).
public struct JT808FrameSplitter: Sendable {
    /// The longest valid frame, flags included: a 21-byte header, a 1023-byte body and the check code,
    /// every byte escaped to two (2 + 1045 × 2).
    public static let defaultMaximumFrameLength = 2 + (21 + JT808Header.maximumBodyLength + 1) * 2

    /// The most bytes one frame may take on the wire, both flags included.
    public let maximumFrameLength: Int
    /// Bytes dropped so far: garbage outside frames, runs too short to be frames, oversize frames.
    public private(set) var discardedByteCount = 0
    /// Bytes consumed so far: the stream offset of the next unread byte.
    public private(set) var consumedByteCount = 0

    private var isInFrame = false
    private var scannedCount = 0
    private var frameStart = 0
    private var pending = ByteBuffer()

    /// A splitter; `maximumFrameLength` counts both flags and is at least 15.
    public init(maximumFrameLength: Int = JT808FrameSplitter.defaultMaximumFrameLength) {
        self.maximumFrameLength = max(maximumFrameLength, JT808Frame.minimumContentLength + 2)
    }

    /// Adds received bytes to the splitter's own buffer, for `next()`.
    public mutating func append(_ bytes: ByteBuffer) {
        if pending.readableBytes == 0 {
            pending = bytes
            return
        }
        if pending.readerIndex > 65_536 { pending.discardReadBytes() }
        var bytes = bytes
        pending.writeBuffer(&bytes)
    }

    /// Adds received bytes to the splitter's own buffer, for `next()`.
    public mutating func append<Bytes: Sequence>(contentsOf bytes: Bytes) where Bytes.Element == UInt8 {
        append(ByteBuffer(bytes: Array(bytes)))
    }

    /// The next complete frame from the bytes given to `append`, or nil until more arrive.
    public mutating func next() throws(JT808Error) -> JT808Frame? {
        var buffer = pending
        pending = ByteBuffer()
        defer { pending = buffer }
        return try next(from: &buffer)
    }

    /// The next complete frame from `buffer`, consuming what it reads, or nil until more bytes arrive.
    ///
    /// Give it the same growing buffer each time (a `ByteToMessageDecoder`'s cumulation buffer); bytes
    /// left unread belong to an incomplete frame.
    public mutating func next(from buffer: inout ByteBuffer) throws(JT808Error) -> JT808Frame? {
        while true {
            let view = buffer.readableBytesView
            guard isInFrame else {
                guard let flagIndex = view.firstIndex(of: JT808Escaping.flag) else {
                    drop(view.count, from: &buffer)
                    return nil
                }
                drop(flagIndex - view.startIndex, from: &buffer)
                openFrame(in: &buffer)
                continue
            }
            let searchStart = view.index(view.startIndex, offsetBy: min(scannedCount, view.count))
            guard let closing = view[searchStart...].firstIndex(of: JT808Escaping.flag) else {
                scannedCount = view.count
                if view.count + 2 > maximumFrameLength {
                    let start = frameStart
                    drop(view.count, from: &buffer)
                    isInFrame = false
                    throw JT808Error(
                        .frameTooLarge,
                        "no closing 0x7E within \(maximumFrameLength) bytes; \(view.count + 1) bytes dropped",
                        offset: start
                    )
                }
                return nil
            }
            let contentLength = closing - view.startIndex
            if contentLength == 0 {
                openFrame(in: &buffer)
                continue
            }
            let start = frameStart
            let content = buffer.readSlice(length: contentLength) ?? ByteBuffer()
            consumedByteCount += contentLength
            openFrame(in: &buffer)
            if contentLength + 2 > maximumFrameLength {
                discardedByteCount += contentLength
                throw JT808Error(
                    .frameTooLarge,
                    "a \(contentLength + 2)-byte frame exceeds the maximum of \(maximumFrameLength)",
                    offset: start
                )
            }
            if contentLength < JT808Frame.minimumContentLength {
                discardedByteCount += contentLength
                continue
            }
            do {
                return try JT808Frame(escaped: content)
            } catch {
                var located = error
                if let inner = error.offset { located.reason += " (at byte \(inner) of the frame)" }
                located.offset = start
                throw located
            }
        }
    }

    /// Consumes the 0x7E at the reader index as the opening flag of the next candidate.
    private mutating func openFrame(in buffer: inout ByteBuffer) {
        frameStart = consumedByteCount
        buffer.moveReaderIndex(forwardBy: 1)
        consumedByteCount += 1
        isInFrame = true
        scannedCount = 0
    }

    private mutating func drop(_ count: Int, from buffer: inout ByteBuffer) {
        guard count > 0 else { return }
        buffer.moveReaderIndex(forwardBy: count)
        consumedByteCount += count
        discardedByteCount += count
    }
}
