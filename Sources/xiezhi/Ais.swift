import ArgumentParser
import Foundation
import XiezhiWire

/// `xiezhi ais decode [FILE]`: NMEA 0183 AIS sentences (with tag blocks, multi-sentence messages) in, one gpsd
/// 3.22-style JSON object per message out — type-24 parts as separate objects, as `gpsdecode -j -s` prints them.
/// Where gpsd 3.22 is wrong (the sign of `turn`, merged type-24 parts, type-26 `radio`, the EMMA `start` order)
/// this prints the right value; the deviations are documented on `AISMessage.gpsdJSON`.
struct Ais: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ais", abstract: "AIS tools.", subcommands: [Decode.self])

    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Decode AIS NMEA sentences to gpsd-style JSON lines.")

        @Argument(help: "A file of NMEA lines; standard input when omitted.")
        var file: String?
        @Flag(help: "Report bad lines, orphans and timeouts on standard error.")
        var verbose = false

        func run() throws {
            var assembler = AISAssembler()
            var output = Data()
            var problems = 0
            func report(_ error: AISError, line: Int) {
                problems += 1
                if verbose { FileHandle.standardError.write(Data("line \(line): \(error)\n".utf8)) }
            }
            func flush(force: Bool = false) {
                if force || output.count > 1 << 16 {
                    FileHandle.standardOutput.write(output)
                    output.removeAll(keepingCapacity: true)
                }
            }
            let handle: FileHandle
            if let file {
                guard let opened = FileHandle(forReadingAtPath: file) else { throw ValidationError("cannot read \(file)") }
                handle = opened
            } else {
                handle = FileHandle.standardInput
            }
            var lineNumber = 0
            // Receive time: the line order stands in for the clock, one second a line, so fragment timeouts behave
            // as on a live feed that delivers a line a second.
            let start = Date(timeIntervalSince1970: 0)
            for line in LineReader(handle: handle) {
                lineNumber += 1
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                let result = assembler.add(line: line, receivedAt: start.addingTimeInterval(Double(lineNumber)))
                for error in result.dropped { report(error, line: lineNumber) }
                guard let payload = result.payload else { continue }
                do {
                    let message = try payload.message()
                    output.append(contentsOf: Array(message.gpsdJSON(device: file == nil ? "stdin" : nil).utf8))
                    output.append(0x0A)
                    flush()
                } catch {
                    report(error, line: lineNumber)
                }
            }
            for error in assembler.expire(now: .distantFuture) { report(error, line: lineNumber) }
            flush(force: true)
            if verbose {
                let s = assembler.statistics
                FileHandle.standardError.write(Data("sentences \(s.sentences), messages \(s.messages), unparsable \(s.unparsable), orphans \(s.orphanFragments), timed out \(s.timedOut), problems \(problems)\n".utf8))
            }
        }
    }
}

/// Lines of a file handle, read in blocks (LF or CRLF endings).
struct LineReader: Sequence, IteratorProtocol {
    let handle: FileHandle
    var buffer = Data()
    var finished = false

    init(handle: FileHandle) {
        self.handle = handle
    }

    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = buffer[buffer.startIndex..<newline]
                if line.last == 0x0D { line = line.dropLast() }
                buffer.removeSubrange(buffer.startIndex...newline)
                return String(decoding: line, as: UTF8.self)
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
        }
    }
}
