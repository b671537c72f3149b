import Foundation
import XiezhiCore

/// A user account. Each account holds one role and belongs to one agency, named by its jurisdiction.
public struct Account: Hashable, Sendable, Codable {
    public var id: String
    public var username: String
    /// The person's name as shown in the console and on documents, e.g. 张明.
    public var displayName: String
    public var role: Role
    public var jurisdiction: JurisdictionCode
    /// 执法证号 — the enforcement certificate number; officers acting in a case (立案, 调查) must hold one
    /// (行政处罚法 Art. 42).
    public var certificateNumber: String?
    public var active: Bool
    public var createdAt: Date

    public init(
        id: String, username: String, displayName: String, role: Role, jurisdiction: JurisdictionCode,
        certificateNumber: String?, active: Bool = true, createdAt: Date
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.jurisdiction = jurisdiction
        self.certificateNumber = certificateNumber
        self.active = active
        self.createdAt = createdAt
    }
}
