import NIOCore
import Testing
@testable import XiezhiServer

@Suite("AIS line framer")
struct AISLineFramerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var chunks: [[UInt8]]
        var lines: [String]
        var oversized = 0
        var binary = 0
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "LF", chunks: [Array("a\nb\n".utf8)], lines: ["a", "b"]),
        Case(name: "CRLF", chunks: [Array("a\r\nb\r\n".utf8)], lines: ["a", "b"]),
        Case(name: "lone CR", chunks: [Array("a\rb\r".utf8)], lines: ["a", "b"]),
        Case(name: "empty lines are skipped", chunks: [Array("\r\n\n\na\n\r\n".utf8)], lines: ["a"]),
        Case(name: "a line split across reads", chunks: [Array("!AIV".utf8), Array("DM,1\r".utf8), Array("\nnext\n".utf8)], lines: ["!AIVDM,1", "next"]),
        Case(name: "CR and LF in different reads", chunks: [Array("a\r".utf8), Array("\nb\n".utf8)], lines: ["a", "b"]),
        Case(name: "NUL padding is skipped and counted", chunks: [[0, 0] + Array("a".utf8) + [0] + Array("b\n".utf8)], lines: ["ab"], binary: 3),
        Case(name: "high bytes and tabs are skipped", chunks: [[0xFF, 0x09, 0x80] + Array("x\n".utf8)], lines: ["x"], binary: 3),
        Case(name: "exactly the limit is kept", chunks: [Array(String(repeating: "x", count: 16).utf8) + [0x0A]], lines: [String(repeating: "x", count: 16)]),
        Case(
            name: "one over the limit is discarded to the line break, then lines resume",
            chunks: [Array(String(repeating: "x", count: 17).utf8), Array("yyy\nok\n".utf8)], lines: ["ok"], oversized: 1
        ),
        Case(
            name: "binary bytes inside a discarded line are not counted again",
            chunks: [Array(String(repeating: "x", count: 20).utf8) + [0, 0, 0] + [0x0A] + Array("ok\n".utf8)], lines: ["ok"], oversized: 1
        ),
        Case(
            name: "two oversized lines count twice",
            chunks: [Array((String(repeating: "x", count: 40) + "\n" + String(repeating: "y", count: 40) + "\n").utf8)], lines: [], oversized: 2
        ),
    ]

    @Test(arguments: cases)
    func frames(_ example: Case) {
        var framer = AISLineFramer(maximumLineLength: 16)
        var lines: [String] = []
        var oversized = 0
        var binary = 0
        for chunk in example.chunks {
            let framed = framer.append(ByteBuffer(bytes: chunk))
            lines += framed.lines
            oversized += framed.oversizedLines
            binary += framed.binaryBytes
        }
        #expect(lines == example.lines)
        #expect(oversized == example.oversized)
        #expect(binary == example.binary)
    }

    @Test("junk without line breaks never keeps more than the limit")
    func boundedMemory() {
        var framer = AISLineFramer(maximumLineLength: 512)
        var oversized = 0
        for _ in 0..<100 {
            let framed = framer.append(ByteBuffer(repeating: UInt8(ascii: "Z"), count: 10_000))
            oversized += framed.oversizedLines
            #expect(framer.pendingByteCount <= 512)
        }
        #expect(oversized == 1)
        #expect(framer.append(Array("\nafter\n".utf8)).lines == ["after"])
    }

    @Test("flush ends the pending line (a datagram or stream without a final line break)")
    func flush() {
        var framer = AISLineFramer(maximumLineLength: 64)
        #expect(framer.append(Array("a\nb".utf8)).lines == ["a"])
        #expect(framer.flush().lines == ["b"])
        #expect(framer.flush().lines.isEmpty)
        _ = framer.append(Array(String(repeating: "x", count: 70).utf8))
        #expect(framer.flush().lines.isEmpty)
        #expect(framer.append(Array("c\n".utf8)).lines == ["c"])
    }
}
