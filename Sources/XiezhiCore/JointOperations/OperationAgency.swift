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
