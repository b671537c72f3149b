import Foundation
import NIOCore
import Testing
import XiezhiSimulator
@testable import XiezhiWire

/// The decoder's fuzz target, run in CI for a bounded time: a deterministic random-bytes property test with a fixed
/// seed and iteration count (libFuzzer needs `-sanitize=fuzzer` and a toolchain with the fuzzer runtime, which
/// SwiftPM test targets here do not get). Three corpora: pure noise, noise sprinkled with 0x7E/0x7D, and mutations
/// of the published vectors (byte flips, truncation, insertion, a lying length). Properties: the splitter consumes
/// every byte and never yields a frame longer than its limit; decoding never crashes, only throws `JT808Error`; a frame
/// that decodes re-encodes to a frame that decodes to the same header and body; a session fed all of it never
/// crashes and closes at worst with a bad-frame flood.
@Suite struct JT808DecoderFuzzTests {
    static let seeds: [String] = [
        SessionVectors.registration2013, SessionVectors.registration2011, SessionVectors.registration2019,
        SessionVectors.authentication2013, SessionVectors.authentication2019, SessionVectors.registrationResponse,
        "7E0200002612345678901200 7D02 00000001000000020 0BA7F0E07E4F11C0028003C0000181015101010010400000064020200 7D01 137E"
            .replacingOccurrences(of: " ", with: ""),
        "7e020000800123456789017fff000004000000080006eeb6ad02633df701380003006320070719235901040000000b02020016030200210402002c051e3737370000000000000000000000000000000000000000000000000000001105420000004212064d0000004d4d1307000000580058582504000000632a02000a2b040000001430011e31012806020001927e",
    ]

    func input(_ round: Int, _ noise: inout SeededGenerator) -> [UInt8] {
        switch round % 3 {
        case 0:
            return (0..<Int.random(in: 0...600, using: &noise)).map { _ in UInt8.random(in: 0...255, using: &noise) }
        case 1:
            return (0..<Int.random(in: 0...600, using: &noise)).map { _ in
                let byte = UInt8.random(in: 0...255, using: &noise)
                return byte < 24 ? 0x7E : (byte < 32 ? 0x7D : byte)
            }
        default:
            var bytes = hexBytes(Self.seeds[Int.random(in: 0..<Self.seeds.count, using: &noise)])
            for _ in 0..<Int.random(in: 1...4, using: &noise) {
                let at = Int.random(in: 0..<max(bytes.count, 1), using: &noise)
                switch Int.random(in: 0..<5, using: &noise) {
                case 0 where !bytes.isEmpty: bytes[at] ^= UInt8.random(in: 1...255, using: &noise)
                case 1: bytes = Array(bytes.prefix(at))
                case 2: bytes.insert([0x7E, 0x7D, 0x00, 0xFF][Int.random(in: 0..<4, using: &noise)], at: min(at, bytes.count))
                case 3 where bytes.count > 4: bytes[3] = UInt8.random(in: 0...255, using: &noise)  // the body length lies
                default: bytes += bytes
                }
            }
            return bytes
        }
    }

    @Test func randomBytesNeverCrashTheDecoder() throws {
        var noise = SeededGenerator(seed: 0x0808_2019)  // the same inputs on every run
        var splitter = JT808FrameSplitter()
        var session = JT808SessionStateMachine(connectedAt: Date(timeIntervalSince1970: 0))
        var given = 0
        var decoded = 0
        for round in 0..<6_000 {
            let bytes = input(round, &noise)
            given += bytes.count
            // Direct decoding of the input as one escaped frame.
            if let frame = try? JT808Frame(escaped: ByteBuffer(bytes: bytes)) {
                try Self.checkRoundTrip(frame)
            }
            // The stream path, in random chunk sizes.
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + Int.random(in: 1...64, using: &noise))
                splitter.append(contentsOf: bytes[offset..<end])
                offset = end
                var guardCount = 0
                while guardCount < 10_000 {
                    guardCount += 1
                    let next: JT808Frame?
                    do {
                        next = try splitter.next()
                    } catch {
                        if !session.isClosed { _ = session.handle(.decodeFailed(error, at: Date(timeIntervalSince1970: Double(round)))) }
                        continue
                    }
                    guard let frame = next else { break }
                    decoded += 1
                    try Self.checkRoundTrip(frame)
                    if !session.isClosed {
                        _ = session.handle(.frameReceived(frame, at: Date(timeIntervalSince1970: Double(round))))
                    }
                }
                #expect(guardCount < 10_000, "the splitter made no progress")
            }
            if session.isClosed {
                // No lookup is ever answered and no tick comes, so only a flood of bad frames can close it.
                #expect(session.closeReason == .badFrameFlood)
                session = JT808SessionStateMachine(connectedAt: Date(timeIntervalSince1970: Double(round)))
            }
        }
        #expect(splitter.consumedByteCount <= given)
        #expect(given - splitter.consumedByteCount <= JT808FrameSplitter.defaultMaximumFrameLength, "the splitter holds at most one partial frame")
        #expect(decoded > 0, "some mutated vectors still decode")
    }

    /// A frame that decodes re-encodes to bytes that decode to the same frame; its body, when it decodes in a layout,
    /// re-encodes without error.
    static func checkRoundTrip(_ frame: JT808Frame) throws {
        let again = try JT808Frame(escaped: try frame.encoded())
        #expect(again == frame)
        for version in JT808Version.allCases {
            if let message = try? JT808Message(frame: frame, version: version) {
                _ = try? message.encodedBody(version: version)
            }
        }
    }
}
