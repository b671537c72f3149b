import Foundation

/// A joint operation as a node shows it: the lead's plan with every agency's contribution and the totals.
public struct JointOperation: Codable, Hashable, Sendable {
    public var plan: JointOperationPlan
    /// One per agency that has committed forces or recorded results, in the plan's agency order.
    public var contributions: [AgencyContribution]

    public init(plan: JointOperationPlan, contributions: [AgencyContribution]) {
        self.plan = plan
        let order = plan.agencies.map(\.jurisdiction)
        self.contributions = contributions
            .filter { plan.involves($0.agency.jurisdiction) }
            .sorted { (order.firstIndex(of: $0.agency.jurisdiction) ?? 0) < (order.firstIndex(of: $1.agency.jurisdiction) ?? 0) }
    }

    /// The results of every agency added up.
    public var totals: OperationResults {
        contributions.compactMap(\.results).reduce(.zero, +)
    }

    /// Units committed by all agencies.
    public var unitCount: Int { contributions.reduce(0) { $0 + $1.units.count } }

    /// Officers committed by all agencies.
    public var officerCount: Int { contributions.reduce(0) { $0 + $1.officers.count } }
}
