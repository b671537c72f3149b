import Foundation
import Testing
@testable import XiezhiWire

/// Random corpora (scripts/ais-corpus.py, pyais) decoded by gpsd 3.22 (`gpsdecode -j -s`) and by us: every
/// field of every message must agree, except the deviations documented on `AISMessage.gpsdJSON(device:)`.
///
/// Needs python3 with pyais and gpsdecode 3.22 (Debian gpsd-clients); scripts/setup installs them. Missing
/// tools fail the test rather than skip it.
@Suite("AIS against gpsdecode 3.22")
struct AISGPSDCorpusTests {
    /// The repository root, from this file's path (…/Tests/XiezhiWireTests/AIS/this.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs a command found on PATH with `input` on stdin; returns stdout, stderr and the exit status.
    static func run(_ arguments: [String], input: String = "") throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("ais-\(UUID().uuidString).in")
        try input.write(to: inputFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self), process.terminationStatus)
    }

    /// Fails (with what to do) unless python3 + pyais and gpsdecode 3.22 are installed.
    static func requireTools() throws {
        let python = try run(["python3", "-c", "import pyais; print(pyais.__version__)"])
        try #require(
            python.status == 0,
            "python3 with pyais is needed for the gpsdecode comparison; run scripts/setup (\(python.stderr.prefix(200)))"
        )
        let gpsd = try run(["gpsdecode", "-V"])  // prints its version on stderr
        try #require(
            gpsd.status == 0 && (gpsd.stdout + gpsd.stderr).contains("revision 3.22"),
            "gpsdecode 3.22 (Debian gpsd-clients) is needed for the comparison; run scripts/setup (got: \(gpsd.stdout)\(gpsd.stderr.prefix(200)))"
        )
    }

    @Test("random corpora agree field by field", arguments: [1, 2, 3])
    func corpusAgrees(seed: Int) throws {
        try Self.requireTools()
        let script = Self.repositoryRoot.appendingPathComponent("scripts/ais-corpus.py").path
        let corpus = try Self.run(["python3", script, "--seed", String(seed), "--count", "1500"])
        try #require(corpus.status == 0, "ais-corpus.py failed: \(corpus.stderr)")
        let lines = corpus.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count >= 1500)

        let gpsd = try Self.run(["gpsdecode", "-j", "-s"], input: corpus.stdout)
        try #require(gpsd.status == 0, "gpsdecode failed: \(gpsd.stderr)")
        let expected = gpsd.stdout.split(whereSeparator: \.isNewline).map(String.init)
        let ours = AISGPSDComparison.decode(lines)

        #expect(expected.count == 1500, "gpsdecode decoded \(expected.count) of 1500 messages")
        #expect(ours.count == expected.count, "we decoded \(ours.count) messages, gpsdecode \(expected.count)")
        var comparison = AISGPSDComparison()
        for (mine, theirs) in zip(ours, expected) {
            comparison.compare(ours: mine.json, gpsd: theirs, line: mine.line)
        }
        for mismatch in comparison.mismatches.prefix(20) {
            Issue.record("undocumented difference from gpsdecode:\n\(mismatch)")
        }
        #expect(comparison.mismatches.isEmpty)
        #expect(comparison.messagesCompared == 1500)
        #expect(comparison.fieldsCompared > 10 * 1500)
        // The sign of turn and the type 26 radio are exercised by every corpus.
        #expect(comparison.deviations[1, default: 0] > 0)
        #expect(comparison.deviations[3, default: 0] > 0)
        print("seed \(seed): \(comparison.messagesCompared) messages, \(comparison.fieldsCompared) fields compared, documented deviations \(comparison.deviations.sorted { $0.key < $1.key }), undocumented \(comparison.mismatches.count)")
    }
}
