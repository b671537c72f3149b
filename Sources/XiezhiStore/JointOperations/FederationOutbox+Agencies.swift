import GRDB
import XiezhiCore

extension FederationOutbox {
    /// The peers that take `kind` and speak for one of `agencies`, each once (a peer may speak for several).
    /// An agency no peer speaks for is left out: its node is not a partner of this one.
    static func peers(for kind: FederationKind, agencies: [OperationAgency], in db: Database) throws -> [PeerStore.Peer] {
        try agencies.flatMap { try peers(for: kind, jurisdiction: $0.jurisdiction, in: db) }
            .reduce(into: [PeerStore.Peer]()) { list, peer in if !list.contains(where: { $0.name == peer.name }) { list.append(peer) } }
    }

    /// Refuses with `kind_not_agreed` when no peer speaks for `agency` with `kind` in its agreement.
    static func requirePeer(for kind: FederationKind, agency: OperationAgency, in db: Database) throws {
        guard try peers(for: kind, jurisdiction: agency.jurisdiction, in: db).isEmpty else { return }
        throw DomainError(
            code: "kind_not_agreed", reason: "no partner node speaks for \(agency.name) (\(agency.jurisdiction)) with '\(kind.rawValue)' in its agreement")
    }
}
