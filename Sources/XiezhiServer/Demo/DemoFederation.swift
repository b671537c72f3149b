import Foundation
import XiezhiCore
import XiezhiStore

/// How the demo's nodes are partners: every pair registers the other with its address, its public key, the
/// jurisdictions it speaks for, and one agreement (``agreement``) — as `xiezhi peers add` would.
public enum DemoFederation {
    /// The message kinds the demo's agencies agreed on. A kind added to the protocol joins the demo with one line here.
    public static let kinds: [FederationKind] = [
        .penaltyRecord,  // 处罚互认: a decision blocks the same fine at the partner
        .noticeServiceRequest,  // 送达互助
        .noticeServiceProof,
        .homeAgencyCopy,  // Order 62 Art. 44 copies
        .referral,  // 移交违法线索
        .referralResponse,
        .referralResult,
        .unitRoster,  // 协作派单: each side's units on the other's map and in its planner
        .dispatchRequest,
        .dispatchUpdate,
        .watchlistEntry,  // 布控
        .watchlistSighting,
        .jointOperation,  // 联合执法行动
        .jointOperationReport,
        .jointMeeting,  // 重大案件联席
    ]

    /// Personal data the demo's agreement lets flow: the plate (without it no penalty record, request or referral
    /// means anything), the driver (一超四罚 per driver counts partners' penalties) and a flagged ship's MMSI (布控 of
    /// ships).
    public static let personalFields: Set<String> = ["subject", "driver", "mmsi"]

    /// The agreement between the demo's agencies (the same both ways): ``kinds``, every field of them except personal
    /// data beyond ``personalFields``, referrals accepted within 3 working days.
    public static var agreement: PeerAgreement {
        PeerAgreement.standard(kinds: Set(kinds.map(\.rawValue)), personal: personalFields)
    }

    /// A demo node as its partners see it.
    public struct Member: Sendable {
        public var agency: DemoAgency
        public var node: Node
        /// The base URL partners reach it at (`http://127.0.0.1:8081`).
        public var url: String

        public init(agency: DemoAgency, node: Node, url: String) {
            self.agency = agency
            self.node = node
            self.url = url
        }
    }

    /// Registers every member on every other member's node (audited as `federation.peer_saved` by `system:demo`); a
    /// registration already in place with the same address, key, jurisdictions and agreement is left alone, so a
    /// restarted demo writes nothing unless a port changed.
    public static func pair(_ members: [Member], at date: Date) throws {
        for here in members {
            let store = PeerStore(database: here.node.database, signingKey: here.node.key)
            let existing = Dictionary(uniqueKeysWithValues: try store.all().map { ($0.name, $0) })
            for there in members where there.agency != here.agency {
                let peer = PeerStore.Peer(
                    name: there.agency.name, url: there.url, publicKey: there.node.key.publicKeyBase64, jurisdictions: there.agency.speaksFor,
                    agreement: agreement, at: existing[there.agency.name]?.createdAt ?? date)
                if let old = existing[peer.name], old.url == peer.url, old.publicKey == peer.publicKey, old.jurisdictions == peer.jurisdictions,
                   old.agreement == peer.agreement
                {
                    continue
                }
                var saved = peer
                saved.updatedAt = date
                try store.save(saved, by: "system:demo")
            }
        }
    }
}
