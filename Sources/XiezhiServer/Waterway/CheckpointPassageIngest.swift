import Foundation
import XiezhiCore
import XiezhiStore

/// Takes checkpoint passages into the node: stores them (idempotent per checkpoint and id) and hands the new ones to
/// the waterway monitoring. The passages API and the demo's simulated checkpoints both come through here.
struct CheckpointPassageIngest {
    let node: Node

    struct Report: Sendable {
        var received: Int
        var stored: Int
        var alertsRaised: Int
    }

    /// Checks the passages against the rules (`unknown_checkpoint`, `invalid_photo` naming the index), stores them,
    /// and monitors the new ones.
    func ingest(_ passages: [(passage: CheckpointPassage, photos: [WaterwayStore.Photo])]) async throws -> Report {
        let rules = node.rules.current.waterway
        for (index, item) in passages.enumerated() {
            guard rules.checkpoint(item.passage.checkpoint) != nil else {
                throw DomainError(
                    code: "unknown_checkpoint",
                    reason: "passages[\(index)]: checkpoint '\(item.passage.checkpoint)' is not in the waterway rules (\(rules.checkpoints.map(\.id).joined(separator: ", ")))")
            }
            guard item.photos.allSatisfy({ Self.isSHA256($0.sha256) && !$0.ref.isEmpty }) else {
                throw DomainError(code: "invalid_photo", reason: "passages[\(index)]: a photo has a 'ref' and the SHA-256 of its bytes as 64 hex digits")
            }
        }
        let stored = try WaterwayStore(database: node.database).insert(passages, at: node.now())
        let alerts = await node.waterwayMonitoring.observe(passages: stored)
        await node.watchlist.observe(passages: stored)
        return Report(received: passages.count, stored: stored.count, alertsRaised: alerts.count)
    }

    static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) || (65...70).contains($0) }
    }
}
