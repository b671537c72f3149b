import ArgumentParser
import Foundation
import GRDB
import XiezhiStore

/// `xiezhi audit verify|checkpoint --data DIR`.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check or checkpoint the audit log.", subcommands: [Verify.self, Checkpoint.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the hash chain and the signed checkpoints; exit 0 when intact, 1 naming the first bad entry otherwise.")
        @OptionGroup var data: DataOption

        func run() throws {
            let directory = data.directory
            guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(NodeDatabase.fileName).path) else {
                throw ValidationError("no node database in \(directory.path)")
            }
            let key = try NodeKey.load(directory: directory)
            let database = try NodeDatabase.open(directory: directory)
            let report = try database.writer.read { db in try AuditVerifier.verify(db, publicKey: key.publicKey) }
            if let problem = report.firstProblem {
                print("audit log BROKEN at entry \(problem.seq): \(problem.code): \(problem.reason)")
                throw ExitCode(1)
            }
            print("audit log intact: \(report.entries) entries, \(report.checkpoints) signed checkpoints")
        }
    }

    struct Checkpoint: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sign a checkpoint at the head of the log now.")
        @OptionGroup var data: DataOption

        func run() throws {
            let directory = data.directory
            let key = try NodeKey.load(directory: directory)
            let database = try NodeDatabase.open(directory: directory)
            let seq = try database.writer.write { db in try AuditLog.checkpointHead(at: Date(), in: db, key: key) }
            print(seq.map { "checkpoint signed at entry \($0)" } ?? "the log is empty")
        }
    }
}
