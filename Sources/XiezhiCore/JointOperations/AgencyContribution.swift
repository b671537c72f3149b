import Foundation

/// One agency's part in a joint operation: the units and officers it commits (its own 执法单元, see
/// ``EnforcementUnit``) and the results it records. Each agency records only its own; the record is the body of a
/// ``FederationKind/jointOperationReport`` message to every other agency on the operation, and a node keeps the
/// latest ``reportedAt`` per agency.
public struct AgencyContribution: Codable, Hashable, Sendable {
    public var operationId: String
    public var agency: OperationAgency
    public var units: [OperationUnit]
    public var officers: [OperationOfficer]
    /// Nil until the agency records results.
    public var results: OperationResults?
    public var reportedAt: Date

    public init(operationId: String, agency: OperationAgency, units: [OperationUnit], officers: [OperationOfficer], results: OperationResults?, reportedAt: Date) {
        self.operationId = operationId
        self.agency = agency
        self.units = units
        self.officers = officers
        self.results = results
        self.reportedAt = reportedAt
    }
}

/// A unit an agency commits, copied from its unit register so the partners see its name and kind.
public struct OperationUnit: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: UnitKind

    public init(id: String, name: String, kind: UnitKind) {
        self.id = id
        self.name = name
        self.kind = kind
    }

    public init(_ unit: EnforcementUnit) {
        self.init(id: unit.id, name: unit.name, kind: unit.kind)
    }
}

/// An officer taking part (a member of a committed unit): the account id on the agency's node and the name.
public struct OperationOfficer: Codable, Hashable, Sendable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// What an agency's side of a joint operation found (战果): vehicles or ships inspected, violations found, cases
/// opened, with the ids of those cases on the agency's node when linked.
public struct OperationResults: Codable, Hashable, Sendable {
    /// 检查车辆（船舶）数.
    public var inspections: Int
    /// 查处违法行为数.
    public var violations: Int
    /// 立案数.
    public var casesOpened: Int
    /// The agency's case ids for (some of) the cases opened.
    public var caseIds: [String]
    public var note: String?

    public init(inspections: Int, violations: Int, casesOpened: Int, caseIds: [String] = [], note: String? = nil) {
        self.inspections = inspections
        self.violations = violations
        self.casesOpened = casesOpened
        self.caseIds = caseIds
        self.note = note
    }

    public static let zero = OperationResults(inspections: 0, violations: 0, casesOpened: 0)

    /// Counts are non-negative, a violation is found in an inspection, a case is opened on a violation, and the
    /// linked case ids are distinct and no more than the cases opened.
    public func validate() throws {
        guard inspections >= 0, violations >= 0, casesOpened >= 0 else {
            throw DomainError(code: "invalid_results", reason: "'inspections', 'violations' and 'cases_opened' are counts, not negative")
        }
        guard violations <= inspections else {
            throw DomainError(code: "invalid_results", reason: "\(violations) violations found in \(inspections) inspections: a violation is found in an inspection")
        }
        guard casesOpened <= violations else {
            throw DomainError(code: "invalid_results", reason: "\(casesOpened) cases opened on \(violations) violations: a case is opened on a violation")
        }
        guard Set(caseIds).count == caseIds.count, caseIds.count <= casesOpened else {
            throw DomainError(code: "invalid_results", reason: "'case_ids' are distinct and no more than 'cases_opened' (\(casesOpened))")
        }
    }

    /// The sum of two agencies' results (case ids kept in order).
    public static func + (lhs: OperationResults, rhs: OperationResults) -> OperationResults {
        OperationResults(
            inspections: lhs.inspections + rhs.inspections, violations: lhs.violations + rhs.violations, casesOpened: lhs.casesOpened + rhs.casesOpened,
            caseIds: lhs.caseIds + rhs.caseIds)
    }
}
