import Foundation
import GRDB
import Testing
import XiezhiCore
@testable import XiezhiStore

/// The audit chain catches a row edited, deleted, reordered or truncated directly in the database file.
@Suite struct AuditLogTests {
    struct Note: Encodable { var text: String }

    /// A database with `count` entries appended through the real path.
    func makeLog(count: Int, key: NodeKey) throws -> NodeDatabase {
        let database = try NodeDatabase.inMemory()
        try database.writer.write { db in
            for index in 1...count {
                try AuditLog.append(
                    AuditRecord(actor: "acct-\(index % 3)", action: "case.note", entityType: "case", entityID: "case-\(index % 4)",
                                payload: Note(text: "第\(index)条")),
                    at: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)), in: db, signingKey: key)
            }
        }
        return database
    }

    func verify(_ database: NodeDatabase, _ key: NodeKey) throws -> AuditVerifier.Report {
        try database.writer.read { db in try AuditVerifier.verify(db, publicKey: key.publicKey) }
    }

    @Test func intactChainVerifies() throws {
        let key = NodeKey.generate()
        let database = try makeLog(count: 120, key: key)
        let report = try verify(database, key)
        #expect(report.isIntact)
        #expect(report.entries == 120)
        #expect(report.checkpoints == 2)  // at 50 and 100
    }

    @Test func entriesChainByHash() throws {
        let key = NodeKey.generate()
        let database = try makeLog(count: 3, key: key)
        let entries = try database.writer.read { db in try AuditLog.page(entityType: nil, actor: nil, beforeSeq: nil, limit: 10, in: db) }
        #expect(entries.map(\.seq) == [3, 2, 1])
        #expect(entries[2].prevHash == AuditEntry.genesisHash)
        #expect(entries[1].prevHash == entries[2].hash)
        #expect(entries[0].prevHash == entries[1].hash)
    }

    @Test func editedPayloadIsNamed() throws {
        let key = NodeKey.generate()
        let database = try makeLog(count: 20, key: key)
        try database.writer.write { db in try db.execute(sql: "UPDATE audit_log SET payload = '{\"text\":\"改过\"}' WHERE seq = 7") }
        let problem = try #require(try verify(database, key).firstProblem)
        #expect(problem.seq == 7)
        #expect(problem.code == "entry_altered")
    }

    @Test func editedActorIsNamed() throws {
        let key = NodeKey.generate()
        let database = try makeLog(count: 20, key: key)
        try database.writer.write { db in try db.execute(sql: "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 12") }
        let problem = try #require(try verify(database, key).firstProblem)
        #expect(problem.seq == 12)
        #expect(problem.code == "entry_altered")
    }

    @Test func deletedRowIsNamed() throws {
        let key = NodeKey.generate()
        let database = try makeLog(count: 20, key: key)
        try database.writer.write { db in try db.execute(sql: "DELETE FROM audit_log WHERE seq = 5") }
        let problem = try #require(try verify(database, key).firstProblem)
        #expect(problem.seq == 5)
        #expect(problem.code == "entry_missing")
    }

    @Test func deletedRowWithRenumberingIsCaught() throws {
        let key = NodeKey.generate()
        let database = try makeLog(count: 20, key: key)
        try database.writer.write { db in
            try db.execute(sql: "DELETE FROM audit_log WHERE seq = 5")
            try db.execute(sql: "UPDATE audit_log SET seq = -(seq - 1) WHERE seq > 5")
            try db.execute(sql: "UPDATE audit_log SET seq = -seq WHERE seq < 0")
        }
        let problem = try #require(try verify(database, key).firstProblem)
        #expect(problem.seq == 5)
        #expect(problem.code == "chain_broken")
    }

    @Test func swappedRowsAreCaught() throws {
        let key = NodeKey.generate()
        let database = try makeLog(count: 20, key: key)
        try database.writer.write { db in
            try db.execute(sql: "UPDATE audit_log SET seq = -1 WHERE seq = 8")
            try db.execute(sql: "UPDATE audit_log SET seq = 8 WHERE seq = 9")
            try db.execute(sql: "UPDATE audit_log SET seq = 9 WHERE seq = -1")
        }
        let problem = try #require(try verify(database, key).firstProblem)
        #expect(problem.seq == 8)
        #expect(problem.code == "chain_broken")
    }

    @Test func truncatedTailIsCaughtByCheckpoint() throws {
        let key = NodeKey.generate()
        let database = try makeLog(count: 60, key: key)
        try database.writer.write { db in
            try db.execute(sql: "DELETE FROM audit_checkpoint WHERE seq > 50")
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
        }
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DELETE FROM audit_log WHERE seq > 40")
        }
        let problem = try #require(try verify(database, key).firstProblem)
        #expect(problem.code == "log_truncated")
        #expect(problem.seq == 41)
    }

    @Test func rewrittenChainFailsTheSignedCheckpoint() throws {
        let key = NodeKey.generate()
        let database = try makeLog(count: 60, key: key)
        // An intruder rewrites entry 10 and recomputes every later hash so the chain itself is consistent again.
        try database.writer.write { db in
            var prevHash = try String.fetchOne(db, sql: "SELECT hash FROM audit_log WHERE seq = 9")!
            for row in try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE seq >= 10 ORDER BY seq") {
                let seq: Int64 = row["seq"]
                let payload = seq == 10 ? "{\"text\":\"伪造\"}" : row["payload"] as String
                let hash = AuditEntry.computeHash(
                    seq: seq, at: row["at"], actor: row["actor"], action: row["action"], entityType: row["entity_type"],
                    entityID: row["entity_id"], payload: payload, prevHash: prevHash)
                try db.execute(sql: "UPDATE audit_log SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?", arguments: [payload, prevHash, hash, seq])
                prevHash = hash
            }
        }
        let problem = try #require(try verify(database, key).firstProblem)
        #expect(problem.code == "checkpoint_mismatch")
        #expect(problem.seq == 50)
    }

    @Test func checkpointSignedByAnotherKeyIsRefused() throws {
        let key = NodeKey.generate()
        let database = try makeLog(count: 55, key: key)
        let report = try verify(database, NodeKey.generate())
        #expect(report.firstProblem?.code == "checkpoint_signature_invalid")
    }

    @Test func headCheckpointIsIdempotent() throws {
        let key = NodeKey.generate()
        let database = try makeLog(count: 7, key: key)
        let first = try database.writer.write { db in try AuditLog.checkpointHead(at: Date(), in: db, key: key) }
        let second = try database.writer.write { db in try AuditLog.checkpointHead(at: Date(), in: db, key: key) }
        #expect(first == 7)
        #expect(second == 7)
        #expect(try verify(database, key).checkpoints == 1)
    }

    @Test func rolledBackChangeLeavesNoEntry() throws {
        let key = NodeKey.generate()
        let database = try makeLog(count: 2, key: key)
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try database.writer.write { db in
                try AuditLog.append(
                    AuditRecord(actor: "a", action: "case.note", entityType: "case", entityID: "x", payload: Note(text: "never")),
                    at: Date(), in: db, signingKey: key)
                throw Boom()
            }
        }
        #expect(try verify(database, key).entries == 2)
    }
}
