import Foundation
import GRDB
import Synchronization
import Testing
@testable import XiezhiStore

/// The node reads from Swift-concurrency code both ways: synchronously (stores called from handlers and actors) and
/// asynchronously (`NodeDatabase.read`). With few reader connections and many concurrent reads of both kinds, GRDB's
/// own async read deadlocks: it keeps its reader until the awaiting task resumes on a cooperative thread, and every
/// cooperative thread is blocked in a synchronous read waiting for a reader. `NodeDatabase.read` must not.
@Suite struct NodeDatabaseReadTests {
    /// A read that takes a little while, so that readers are held while other reads queue for them.
    static let slowCount = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000) SELECT COUNT(*) FROM n"

    @Test func mixedSynchronousAndAsynchronousReadsOnTwoReadersAllComplete() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezhi-read-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try NodeDatabase.open(directory: directory, readerCount: 2)

        // A hang guard, not a timing check: if the reads deadlock, nothing on the cooperative pool can run again, so
        // only a plain dispatch timer can end the run with a message instead of hanging CI.
        let finished = Atomic<Bool>(false)
        DispatchQueue.global().asyncAfter(deadline: .now() + 300) {
            if !finished.load(ordering: .acquiring) {
                fatalError("NodeDatabase reads deadlocked: 400 mixed reads on 2 readers did not finish in 300 s")
            }
        }

        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<400 {
                if index.isMultiple(of: 2) {
                    group.addTask { try database.writer.read { db in try Int.fetchOne(db, sql: Self.slowCount) ?? 0 } }
                } else {
                    group.addTask { try await database.read { db in try Int.fetchOne(db, sql: Self.slowCount) ?? 0 } }
                }
            }
            return try await group.reduce(0, +)
        }
        finished.store(true, ordering: .releasing)
        #expect(total == 400 * 20000)
    }
}
