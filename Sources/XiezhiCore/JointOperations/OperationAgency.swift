/// An agency taking part in a joint operation or a joint meeting, named by its jurisdiction code — the identity
/// every node shares (peer names are local to each node) — with its name for display.
public struct OperationAgency: Codable, Hashable, Sendable {
    public var jurisdiction: JurisdictionCode
    /// e.g. 平湖市交通运输行政执法队.
    public var name: String

    public init(jurisdiction: JurisdictionCode, name: String) {
        self.jurisdiction = jurisdiction
        self.name = name
    }
}

extension OperationAgency {
    /// Refuses an empty list of partners (`missing_partners`), or one naming an agency twice or this agency — the
    /// lead or convener — itself (`invalid_partners`).
    public func checkPartners(_ partners: [OperationAgency]) throws {
        guard !partners.isEmpty else {
            throw DomainError(code: "missing_partners", reason: "name at least one partner agency ('partners')")
        }
        let codes = [jurisdiction] + partners.map(\.jurisdiction)
        guard Set(codes).count == codes.count else {
            throw DomainError(code: "invalid_partners", reason: "each agency appears once, and \(name) is not its own partner")
        }
    }
}
