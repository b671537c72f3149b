import ArgumentParser
import Foundation
import Logging
import XiezhiCore
import XiezhiServer
import XiezhiSimulator
import XiezhiStore
import XiezhiWire

/// `xiezhi bench wim`: throughput of the weigh-in-motion ingest (judge + evidence gating + idempotent store +
/// case opening, the code path behind `POST /api/v1/wim/records` after JSON decoding), against `sqlite3`
/// bulk-loading the very same rows into the same schema, measured in the same run. Build with `-c release`.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks (run a release build).", subcommands: [WimBench.self, AisBench.self, JT808Bench.self, FederationBenchCommand.self])

    struct WimBench: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "wim", abstract: "Ingest throughput vs sqlite3 bulk insert.")

        @Option(help: "Records to ingest.")
        var count: Int = 200_000
        @Option(help: "Records per transaction (the API's batch).")
        var batch: Int = 5_000
        @Option(help: "Random seed of the generated traffic.")
        var seed: UInt64 = 1

        func run() throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezhi-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            var logger = Logger(label: "xiezhi.bench")
            logger.logLevel = .error
            var configuration = NodeConfiguration(dataDirectory: directory)
            configuration.passwordHashCost = 4
            let node = try Node.open(configuration: configuration, logger: logger)
            let today = CalendarDate(chinaDateOf: Date())
            let station = WeighStation(
                id: "bench", name: "基准测试检测点", jurisdiction: JurisdictionCode(rawValue: "330482")!, location: GeoPoint(longitude: 121.19, latitude: 30.675),
                lanes: [1, 2, 3], deviceModel: "bench",
                calibrations: [CalibrationCertificate(issuer: "bench", number: "B-1", validFrom: today.adding(days: -30), validTo: today.adding(days: 30))],
                publishedOn: today.adding(days: -30), activatedOn: today.adding(days: -10))
            try WeighStationStore(database: node.database, signingKey: nil).save(station, by: "bench", at: Date())

            var generator = WeighTrafficGenerator(limits: node.rules.current.overloadLimits, seed: seed)
            let start = Date().addingTimeInterval(-3600)
            let records: [Result<WeighRecord, DomainError>] = (0..<count).map { index in
                .success(generator.next(station: "bench", lanes: station.lanes, at: start.addingTimeInterval(Double(index) / Double(count) * 3000), prefix: "B").0)
            }
            var summary = WeighImport.Summary()
            let before = try rowCounts(database: directory.appendingPathComponent(NodeDatabase.fileName).path)
            let clock = ContinuousClock()
            let ours = try clock.measure {
                var index = 0
                while index < records.count {
                    let slice = Array(records[index..<min(index + batch, records.count)])
                    try WeighImport.ingest(slice, firstRow: index + 1, node: node, into: &summary)
                    index += batch
                }
            }
            let oursRate = Double(count) / ours.seconds
            print("xiezhi: \(count) records (\(summary.accepted) stored, \(summary.casesOpened) cases opened) in \(format(ours.seconds)) s = \(Int(oursRate)) records/s")

            // The peer: sqlite3 loading the same rows — every row the ingest wrote (weigh records, the cases it opened,
            // their audit entries, queued partner requests…), dumped as INSERT statements — into the same tables, one
            // transaction.
            let database = directory.appendingPathComponent(NodeDatabase.fileName).path
            let sql = directory.appendingPathComponent("peer.sql").path
            let peer = directory.appendingPathComponent("peer.sqlite").path
            let written = try tablesWritten(database: database, before: before)
            // The node's own settings (WAL, 64 MiB page cache), so the two differ only in the work done per row.
            var script = "PRAGMA journal_mode=WAL;\nPRAGMA cache_size=-65536;\nPRAGMA foreign_keys=OFF;\n"
            for table in written {
                script += try shell("sqlite3", [database, ".schema \(table)"]).replacingOccurrences(of: #"REFERENCES \w+\(\w+\)"#, with: "", options: .regularExpression)
            }
            script += "\nBEGIN;\n"
            for table in written {
                script += try shell("sqlite3", [database, ".mode insert \(table)", "SELECT * FROM \(table);"])
            }
            try (script + "\nCOMMIT;\n").write(toFile: sql, atomically: true, encoding: .utf8)
            print("sqlite3 loads the rows of: \(written.joined(separator: ", "))")
            let peerTime = try clock.measure { _ = try shell("sqlite3", [peer, ".read \(sql)"]) }
            let peerRate = Double(summary.accepted) / peerTime.seconds
            print("sqlite3: the same rows (for \(summary.accepted) records) bulk-inserted in \(format(peerTime.seconds)) s = \(Int(peerRate)) records/s")
            print("ratio: xiezhi ingest runs at \(format(oursRate / peerRate * 100)) % of sqlite3's bulk insert (target ≥ 50 %; records/s target ≥ 200,000)")
        }

        func format(_ value: Double) -> String { String(format: "%.2f", value) }

        /// Rows per table, read with the sqlite3 shell.
        func rowCounts(database: String) throws -> [String: Int] {
            let tables = try shell("sqlite3", [database, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';"])
                .split(separator: "\n").map(String.init)
            var counts: [String: Int] = [:]
            for table in tables {
                counts[table] = Int(try shell("sqlite3", [database, "SELECT COUNT(*) FROM \(table);"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            }
            return counts
        }

        /// The tables the ingest added rows to (all of them start empty but the station and migration tables).
        func tablesWritten(database: String, before: [String: Int]) throws -> [String] {
            try rowCounts(database: database).filter { $0.value > (before[$0.key] ?? 0) }.map(\.key).sorted()
        }

        func shell(_ command: String, _ arguments: [String]) throws -> String { try Shell.run(command, arguments) }
    }
}

/// `xiezhi bench ais --file F`: AIS decoding (NMEA → assembly → message → gpsd JSON) against `gpsdecode -j -s`
/// on the same file, in the same run; then the decoded messages through the vessel ingest into stored tracks
/// (positions/s), without and with the waterway monitoring.
struct AisBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ais", abstract: "AIS decoding throughput vs gpsdecode; ingest to stored tracks.")

    @Option(help: "A file of NMEA lines (e.g. from scripts/ais-corpus.py --seed 1 --count 200000).")
    var file: String

    func run() async throws {
        try decode()
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        var logger = Logger(label: "xiezhi.bench")
        logger.logLevel = .error
        for monitoring in [false, true] {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezhi-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let result = try await VesselIngestBenchmark.run(lines: lines, directory: directory, withMonitoring: monitoring, logger: logger)
            print("ingest to stored tracks\(monitoring ? " + waterway monitoring" : ""): \(result.messages) messages → \(result.storedPositions) positions stored in "
                + "\(String(format: "%.3f", result.seconds)) s = \(Int(Double(result.storedPositions) / result.seconds)) positions/s")
        }
    }

    func decode() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        let clock = ContinuousClock()
        var messages = 0
        var bytes = 0
        let ours = clock.measure {
            var assembler = AISAssembler()
            let start = Date(timeIntervalSince1970: 0)
            for (index, line) in lines.enumerated() {
                guard let payload = assembler.add(line: line, receivedAt: start.addingTimeInterval(Double(index))).payload,
                      let message = try? payload.message() else { continue }
                bytes += message.gpsdJSON(device: "stdin").utf8.count
                messages += 1
            }
        }
        let oursRate = Double(lines.count) / ours.seconds
        print("xiezhi: \(lines.count) sentences → \(messages) messages (\(bytes) bytes of JSON) in \(String(format: "%.3f", ours.seconds)) s = \(Int(oursRate)) sentences/s")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gpsdecode", "-j", "-s"]
        process.standardInput = FileHandle(forReadingAtPath: file)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        let peer = try clock.measure {
            try process.run()
            process.waitUntilExit()
        }
        let peerRate = Double(lines.count) / peer.seconds
        print("gpsdecode -j -s: the same file in \(String(format: "%.3f", peer.seconds)) s = \(Int(peerRate)) sentences/s")
        print("ratio: xiezhi decodes at \(String(format: "%.2f", oursRate / peerRate)) × gpsdecode's rate")
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Runs a command found on PATH and returns its standard output; throws when it exits non-zero.
enum Shell {
    static func run(_ command: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("\(command) failed (exit \(process.terminationStatus))") }
        return String(decoding: data, as: UTF8.self)
    }
}
