import Foundation

/// An enforcement unit (执法单元): a team, a patrol car, a patrol boat or an unmanned boat, with its members (the
/// accounts of the officers in it), its status and its last known position (from an officer's phone or the patrol
/// car's JT/T 808 terminal).
public struct EnforcementUnit: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    /// The agency the unit belongs to.
    public var jurisdiction: JurisdictionCode
    /// The unit's name, e.g. 平湖治超中队一组.
    public var name: String
    public var kind: UnitKind
    public var status: UnitStatus
    /// The ids of the officers' accounts in the unit.
    public var members: [String]
    /// The post the unit works from (治超站, 执法站 …), a site id of the region when it has one.
    public var post: String?
    /// The last known position, and when it was reported.
    public var position: GeoPoint?
    public var positionAt: Date?
    /// The JT/T 808 terminal on the patrol car (its phone number), whose positions move the unit.
    public var terminalPhone: String?
    /// The partner node that reports this unit (its roster, ``UnitRosterBody``); nil for the node's own units.
    public var peer: String?

    public init(
        id: String, jurisdiction: JurisdictionCode, name: String, kind: UnitKind, status: UnitStatus = .onDuty, members: [String] = [],
        post: String? = nil, position: GeoPoint? = nil, positionAt: Date? = nil, terminalPhone: String? = nil
    ) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.name = name
        self.kind = kind
        self.status = status
        self.members = members
        self.post = post
        self.position = position
        self.positionAt = positionAt
        self.terminalPhone = terminalPhone
    }
}
