import Foundation
import GRDB

/// The node's database: one SQLite file in the data directory, opened in WAL mode, migrated on open.
///
/// Every method is one transaction. A change to cases, accounts or rule tables writes its audit entry in the same
/// transaction (see ``AuditLog``), so an acknowledged change always has its entry and an entry never describes a
/// change that was rolled back.
public struct NodeDatabase: Sendable {
    /// The GRDB writer (a `DatabasePool` on disk, a `DatabaseQueue` in memory for tests).
    public let writer: any DatabaseWriter

    /// Opens (creating if needed) `node.sqlite` in `directory`, in WAL mode with foreign keys on.
    public static func open(directory: URL) throws -> NodeDatabase {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        // More reader connections than GRDB's default 5. Synchronous reads made from Swift-concurrency threads wait
        // for a free reader, while an asynchronous read holds its reader until its continuation resumes on one of
        // those same threads: with 5 readers and 2 cores, a burst of device traffic could use all five and stop the
        // node (seen in the demo with 300 terminals). This makes that much less likely; the real fix, making every
        // store call from async code asynchronous, is on the list in the README.
        configuration.maximumReaderCount = 32
        // 64 MiB of page cache per connection (SQLite's default is 2 MiB): the weigh-record and position indexes
        // are written in random key order, and a small cache turns each insert into page reads.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
        let pool = try DatabasePool(path: directory.appendingPathComponent(fileName).path, configuration: configuration)
        let database = NodeDatabase(writer: pool)
        try database.migrate()
        return database
    }

    /// An in-memory database, migrated; for tests.
    public static func inMemory() throws -> NodeDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let database = NodeDatabase(writer: try DatabaseQueue(configuration: configuration))
        try database.migrate()
        return database
    }

    /// The database file's name inside the data directory.
    public static let fileName = "node.sqlite"

    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    func migrate() throws {
        try Migrations.migrator.migrate(writer)
    }
}
