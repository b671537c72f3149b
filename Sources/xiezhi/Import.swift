import ArgumentParser
import CSV
import Foundation
import Logging
import XiezhiCore
import XiezhiServer

/// `xiezhi import wim FILE.csv --data DIR`: weigh-in-motion records from a CSV file into a node, through the same
/// ingest as `POST /api/v1/wim/records` (idempotent; a broken row is reported with its number and the rest go on).
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Import device data into a node.", subcommands: [Wim.self])

    struct Wim: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import weigh-in-motion records from CSV (header documented in the README).")

        @Argument(help: "The CSV file (UTF-8, with a header row).")
        var file: String
        @OptionGroup var data: DataOption
        @Option(help: "Records per transaction.")
        var batch: Int = 1_000

        func run() throws {
            // The file is read whole: CSV.swift's InputStream reader reports a spurious error at end of file on Linux
            // (Foundation's `hasBytesAvailable` stays true at EOF), and a day of one station's records is a few MB.
            guard let bytes = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            guard let text = String(data: bytes, encoding: .utf8) else { throw ValidationError("\(file) is not UTF-8") }
            let total = max(0, bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - 1)
            let reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: false)
            guard let header = reader.headerRow else { throw ValidationError("\(file) has no header row") }
            do {
                try WeighRecordCSV.checkHeader(header)
            } catch let error as DomainError {
                throw ValidationError(error.reason)
            }
            var logger = Logger(label: "xiezhi.import")
            logger.logLevel = .warning
            let node = try Node.open(configuration: NodeConfiguration(dataDirectory: data.directory), logger: logger)
            let progress = Progress(total: total, enabled: isatty(STDERR_FILENO) != 0)
            var summary = WeighImport.Summary()
            var pending: [Result<WeighRecord, DomainError>] = []
            var row = 0
            var firstRowOfBatch = 1
            func flush() throws {
                guard !pending.isEmpty else { return }
                try WeighImport.ingest(pending, firstRow: firstRowOfBatch, node: node, into: &summary)
                pending.removeAll(keepingCapacity: true)
                firstRowOfBatch = row + 1
                progress.show(done: row, summary: summary)
            }
            while let fields = reader.next() {
                row += 1
                if fields.count != header.count {
                    pending.append(.failure(DomainError(code: "invalid_csv_row", reason: "\(fields.count) fields, the header has \(header.count)")))
                } else {
                    pending.append(Result { () throws(DomainError) -> WeighRecord in
                        do { return try WeighRecordCSV.record(Dictionary(uniqueKeysWithValues: zip(header, fields))) } catch let error as DomainError { throw error } catch { throw DomainError(code: "invalid_csv_row", reason: "\(error)") }
                    })
                }
                if pending.count >= batch { try flush() }
            }
            if let error = reader.error { pending.append(.failure(DomainError(code: "invalid_csv", reason: "the CSV is malformed after row \(row): \(error)"))) }
            try flush()
            progress.finish()
            print("imported \(file): \(row) rows — \(summary.accepted) accepted, \(summary.duplicates) already present, \(summary.rejected) rejected, \(summary.casesOpened) cases opened")
            for error in summary.errors {
                print("  row \(error.row): \(error.code): \(error.reason)")
            }
            if summary.rejected > summary.errors.count { print("  … and \(summary.rejected - summary.errors.count) more rejected rows") }
        }
    }
}

/// A one-line progress bar on standard error, when it is a terminal.
final class Progress {
    let total: Int
    let enabled: Bool

    init(total: Int, enabled: Bool) {
        self.total = max(total, 1)
        self.enabled = enabled
    }

    func show(done: Int, summary: WeighImport.Summary) {
        guard enabled else { return }
        let width = 30
        let filled = min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)  ok \(summary.accepted)  dup \(summary.duplicates)  bad \(summary.rejected)  cases \(summary.casesOpened)".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
