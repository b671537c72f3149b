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
    public static func open(directory: URL, readerCount: Int = 32) throws -> NodeDatabase {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        // More reader connections than GRDB's default 5, so that bursts of device traffic and console polling read
        // in parallel instead of queueing (SQLite connections are cheap; WAL readers never block the writer).
        configuration.maximumReaderCount = readerCount
        // 64 MiB of page cache per connection (SQLite's default is 2 MiB): the weigh-record and position indexes
        // are written in random key order, and a small cache turns each insert into page reads.
        // Checkpoints every 8,192 WAL pages (32 MiB) instead of SQLite's 1,000: a JT/T 808 group commit dirties about one
        // index page per vehicle, so with the default nearly every commit ran a checkpoint (copying those pages into the
        // database and syncing it) before its reports could be answered; a longer WAL copies a page rewritten by many
        // commits once.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -65536")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
        }
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

    /// Reads in one transaction, asynchronously, without ever holding a reader connection across a suspension.
    ///
    /// Use this, never GRDB's `try await writer.read { }`, from Swift-concurrency code. GRDB's async read takes a
    /// reader from the pool, awaits the read, and gives the reader back only when the awaiting task resumes on a
    /// cooperative thread. When those threads (two on a 2-core machine) are blocked in synchronous store calls that
    /// are themselves waiting for a free reader, nothing can resume and the node stops (this happened in the demo
    /// at start with 300 terminals). Here the reader is taken and returned on GRDB's own dispatch queues
    /// (`asyncRead`), and only the finished value crosses back to the caller, so a synchronous read waiting for a
    /// reader always waits for work that completes without it. `NodeDatabaseReadTests` runs that load (two
    /// readers, hundreds of mixed synchronous and asynchronous reads); with GRDB's async read in place of this one
    /// the same test hangs.
    public func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            writer.asyncRead { database in
                continuation.resume(with: Result { try value(database.get()) })
            }
        }
    }

    func migrate() throws {
        try Migrations.migrator.migrate(writer)
    }
}
