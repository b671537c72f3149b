import Crypto
import Foundation
import GRDB

/// Checks the audit log against itself and the node key: `xiezhi audit verify`.
///
/// It walks the chain in `seq` order and recomputes every hash from the row's own columns, so it finds a row that
/// was edited (its hash no longer matches), deleted (a gap in `seq`, or the next row's `prev_hash` no longer
/// matches) or reordered (a `prev_hash` that points elsewhere). Signed checkpoints catch what a chain alone
/// cannot: a rewrite of the tail with recomputed hashes (the checkpoint's hash differs), and truncation (a
/// checkpoint beyond the last row).
public enum AuditVerifier {
    public struct Report: Sendable, Hashable {
        /// Entries checked.
        public var entries: Int64
        /// Signed checkpoints checked.
        public var checkpoints: Int
        /// The first problem found, or nil when the log is intact.
        public var firstProblem: Problem?

        public var isIntact: Bool { firstProblem == nil }
    }

    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The sequence number of the first bad entry (or of the bad checkpoint).
        public var seq: Int64
        public var code: String
        public var reason: String

        public var description: String { "entry \(seq): \(code): \(reason)" }
    }

    /// Verifies the whole log. `publicKey` is the node key's public half (from the key file, never from the database).
    public static func verify(_ db: Database, publicKey: Curve25519.Signing.PublicKey) throws -> Report {
        var expectedSeq: Int64 = 1
        var prevHash = AuditEntry.genesisHash
        var hashesAt: [Int64: String] = [:]
        let checkpointSeqs = Set(try Int64.fetchAll(db, sql: "SELECT seq FROM audit_checkpoint"))
        // Ordered by rowid-independent seq; a reordered row shows up as a prev_hash mismatch.
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq")
        var count: Int64 = 0
        while let row = try cursor.next() {
            let entry = AuditLog.entry(from: row)
            let atText: String = row["at"]
            count += 1
            if entry.seq != expectedSeq {
                let problem = entry.seq > expectedSeq
                    ? Problem(seq: expectedSeq, code: "entry_missing", reason: "entries \(expectedSeq)…\(entry.seq - 1) are missing (deleted)")
                    : Problem(seq: entry.seq, code: "sequence_broken", reason: "expected seq \(expectedSeq)")
                return Report(entries: count, checkpoints: 0, firstProblem: problem)
            }
            if entry.prevHash != prevHash {
                return Report(entries: count, checkpoints: 0, firstProblem: Problem(
                    seq: entry.seq, code: "chain_broken",
                    reason: "prev_hash \(entry.prevHash.prefix(12))… does not match entry \(entry.seq - 1)'s hash \(prevHash.prefix(12))… (deleted, inserted or reordered)"))
            }
            let recomputed = AuditEntry.computeHash(
                seq: entry.seq, at: atText, actor: entry.actor, action: entry.action, entityType: entry.entityType,
                entityID: entry.entityID, payload: entry.payload, prevHash: entry.prevHash)
            if recomputed != entry.hash {
                return Report(entries: count, checkpoints: 0, firstProblem: Problem(
                    seq: entry.seq, code: "entry_altered",
                    reason: "stored hash \(entry.hash.prefix(12))… but the row's contents hash to \(recomputed.prefix(12))… (edited in place)"))
            }
            if checkpointSeqs.contains(entry.seq) { hashesAt[entry.seq] = entry.hash }
            prevHash = entry.hash
            expectedSeq += 1
        }
        // Checkpoints: each must be validly signed by this node and agree with the chain.
        let checkpoints = try Row.fetchAll(db, sql: "SELECT * FROM audit_checkpoint ORDER BY seq")
        for checkpoint in checkpoints {
            let seq: Int64 = checkpoint["seq"]
            let hash: String = checkpoint["hash"]
            let at: String = checkpoint["at"]
            let signatureText: String = checkpoint["signature"]
            guard let signature = Data(base64Encoded: signatureText),
                  publicKey.isValidSignature(signature, for: AuditLog.checkpointMessage(seq: seq, hash: hash, at: at))
            else {
                return Report(entries: count, checkpoints: checkpoints.count, firstProblem: Problem(
                    seq: seq, code: "checkpoint_signature_invalid", reason: "checkpoint at \(seq) is not signed by this node's key"))
            }
            guard seq <= count else {
                return Report(entries: count, checkpoints: checkpoints.count, firstProblem: Problem(
                    seq: count + 1, code: "log_truncated", reason: "a signed checkpoint exists at \(seq) but the log ends at \(count)"))
            }
            guard hashesAt[seq] == hash else {
                return Report(entries: count, checkpoints: checkpoints.count, firstProblem: Problem(
                    seq: seq, code: "checkpoint_mismatch", reason: "the chain's hash at \(seq) differs from the signed checkpoint (the log was rewritten)"))
            }
        }
        return Report(entries: count, checkpoints: checkpoints.count, firstProblem: nil)
    }
}
