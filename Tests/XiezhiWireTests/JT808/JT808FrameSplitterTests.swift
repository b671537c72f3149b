import NIOCore
import Testing
@testable import XiezhiWire

@Suite("JT/T 808 stream splitting: half, sticky, garbage, oversize")
struct JT808FrameSplitterTests {
    /// 5.1 (escaped serial and fuel), 5.15 (escaped check code) and 5.13.
    static let frames = [
        "7E0200002612345678901200 7D02 000000010000000200BA7F0E07E4F11C0028003C00001810151010100104000000640202007D01137E",
        "7E000200000400216792 87002B7D027E",
        "7E80010005012345678900000A0064020000617E",
    ].map { hexBytes($0) }

    private static var stream: [UInt8] { frames.flatMap { $0 } }

    /// Every frame the splitter yields from `chunks`, and the codes of the errors it throws on the way.
    private func split(_ chunks: [[UInt8]], maximum: Int = JT808FrameSplitter.defaultMaximumFrameLength)
        -> (frames: [JT808Frame], errors: [JT808Error], splitter: JT808FrameSplitter)
    {
        var splitter = JT808FrameSplitter(maximumFrameLength: maximum)
        var frames: [JT808Frame] = []
        var errors: [JT808Error] = []
        for chunk in chunks {
            splitter.append(contentsOf: chunk)
            while true {
                do {
                    guard let frame = try splitter.next() else { break }
                    frames.append(frame)
                } catch {
                    errors.append(error)
                }
            }
        }
        return (frames, errors, splitter)
    }

    private var expectedFrames: [JT808Frame] {
        get throws { try Self.frames.map { try JT808Frame(escaped: ByteBuffer(bytes: $0)) } }
    }

    @Test("sticky packets: three frames in one read")
    func sticky() throws {
        let result = split([Self.stream])
        #expect(result.frames == (try expectedFrames))
        #expect(result.errors.isEmpty)
        #expect(result.splitter.discardedByteCount == 0)
        #expect(result.splitter.consumedByteCount == Self.stream.count)
    }

    @Test("half packets: one byte per read, nil until each frame is whole")
    func halfPackets() throws {
        var splitter = JT808FrameSplitter()
        var frames: [JT808Frame] = []
        var completedAt: [Int] = []
        for (index, byte) in Self.stream.enumerated() {
            splitter.append(contentsOf: [byte])
            while let frame = try splitter.next() {
                frames.append(frame)
                completedAt.append(index + 1)
            }
        }
        #expect(frames == (try expectedFrames))
        #expect(completedAt == [Self.frames[0].count, Self.frames[0].count + Self.frames[1].count, Self.stream.count])
    }

    @Test("every cut of the stream into two reads gives the same frames", arguments: [1, 2, 13, 14, 15, 40, 55, 56, 60, 71])
    func everyCut(at cut: Int) throws {
        let bytes = Self.stream
        let result = split([Array(bytes[..<cut]), Array(bytes[cut...])])
        #expect(result.frames == (try expectedFrames))
        #expect(result.errors.isEmpty)
    }

    @Test("a NIO cumulation buffer: next(from:) consumes only whole frames")
    func cumulationBuffer() throws {
        var splitter = JT808FrameSplitter()
        var cumulation = ByteBuffer()
        var frames: [JT808Frame] = []
        for chunk in stride(from: 0, to: Self.stream.count, by: 7).map({ Array(Self.stream[$0..<min($0 + 7, Self.stream.count)]) }) {
            cumulation.writeBytes(chunk)
            while let frame = try splitter.next(from: &cumulation) { frames.append(frame) }
        }
        #expect(frames == (try expectedFrames))
        #expect(cumulation.readableBytes == 0)
    }

    @Test("a shared flag between frames (7E a 7E b 7E) still gives both")
    func sharedFlag() throws {
        let first = Self.frames[0], second = Self.frames[2]
        let result = split([first + second.dropFirst()])
        #expect(result.frames == [try JT808Frame(escaped: ByteBuffer(bytes: first)), try JT808Frame(escaped: ByteBuffer(bytes: second))])
    }

    @Test("garbage before the first flag and short garbage between frames is skipped and counted")
    func shortGarbage() throws {
        let garbage: [UInt8] = [0x00, 0x41, 0x54, 0x0D, 0x0A]
        let result = split([garbage + Self.frames[0] + garbage + Self.frames[1] + [0x7E, 0x7E, 0x7E] + Self.frames[2] + garbage])
        #expect(result.frames == (try expectedFrames))
        #expect(result.errors.isEmpty)
        #expect(result.splitter.discardedByteCount == 10)
    }

    @Test("long garbage between two flags is reported with its stream offset, and the next frame still comes")
    func longGarbage() throws {
        let garbage = Array("GET / HTTP/1.1 from a scanner".utf8)
        let result = split([Self.frames[0] + garbage + [0x7E] + Self.frames[1]])
        #expect(result.frames == Array(try expectedFrames.prefix(2)))
        #expect(result.errors.map(\.code) == [.badChecksum])
        #expect(result.errors.first?.offset == Self.frames[0].count - 1)
    }

    @Test("a frame with no closing flag within the maximum is frame_too_large; the stream recovers")
    func oversizeOpen() throws {
        let oversize = [UInt8(0x7E)] + Array(repeating: 0x30, count: 200)
        let result = split([oversize, oversize.dropFirst() + [0x7E], Self.frames[2]], maximum: 100)
        #expect(result.errors.map(\.code) == [.frameTooLarge])
        #expect(result.errors.first?.offset == 0)
        #expect(result.frames == [try JT808Frame(escaped: ByteBuffer(bytes: Self.frames[2]))])
    }

    @Test("a closed frame over the maximum is frame_too_large at its opening flag")
    func oversizeClosed() throws {
        let body = Array(repeating: UInt8(0x30), count: 100)
        let large = try JT808Frame(
            message: .other(messageID: 0x0900, body: ByteBuffer(bytes: body)), terminalPhone: "1", serialNumber: 1, version: .v2013
        ).encoded()
        let result = split([Self.frames[1] + Array(large.readableBytesView) + Self.frames[2]], maximum: 64)
        #expect(result.errors.map(\.code) == [.frameTooLarge])
        #expect(result.errors.first?.offset == Self.frames[1].count)
        #expect(result.frames == [try JT808Frame(escaped: ByteBuffer(bytes: Self.frames[1])), try JT808Frame(escaped: ByteBuffer(bytes: Self.frames[2]))])
    }

    @Test("the default maximum admits the largest valid 2019 frame with every byte escaped")
    func largestFrame() throws {
        let header = JT808Header(
            messageID: 0x7E7E, terminalPhone: "77777777777777777777", serialNumber: 0x7E7E, version: .v2019,
            protocolVersion: 0x7E, subpackage: JT808Subpackage(total: 0x7E7E, index: 0x7E7E)
        )
        let frame = JT808Frame(header: header, body: ByteBuffer(repeating: 0x7E, count: 1023))
        let wire = try frame.encoded()
        #expect(wire.readableBytes <= JT808FrameSplitter.defaultMaximumFrameLength)
        var splitter = JT808FrameSplitter()
        splitter.append(wire)
        #expect(try splitter.next() == frame)
    }

    @Test("bad check code, bad escape and truncated body in a stream: each its own error, then the stream goes on")
    func errorsInStream() throws {
        var badChecksum = Self.frames[2]
        badChecksum[badChecksum.count - 2] ^= 0xFF
        let badEscape = hexBytes("7E00020000012345678900007D037E")
        var truncated = hexBytes("000100050123456789010001000100")
        truncated.append(JT808Escaping.checksum(truncated))
        let truncatedFrame = [UInt8(0x7E)] + truncated + [0x7E]
        let result = split([badChecksum + badEscape + truncatedFrame + Self.frames[1]])
        #expect(result.errors.map(\.code) == [.badChecksum, .invalidEscape, .truncatedBody])
        #expect(result.errors.map(\.offset) == [0, badChecksum.count, badChecksum.count + badEscape.count])
        #expect(result.errors.map(\.messageID) == [0x8001, nil, 0x0001])
        #expect(result.frames == [try JT808Frame(escaped: ByteBuffer(bytes: Self.frames[1]))])
    }
}
