import Foundation

/// The non-site enforcement rule table (`rules/non-site-enforcement.json`): device announcement and calibration,
/// the owner's reporting window, the copy to the vehicle's home agency, and the 一超四罚 thresholds — national
/// defaults with per-province or per-county overrides (a county's after its province's, section by section).
public struct NonSiteRules: Hashable, Codable, Sendable {
    public var national: NonSiteRuleSet
    public var overrides: [NonSiteOverride]

    public init(national: NonSiteRuleSet, overrides: [NonSiteOverride]) {
        self.national = national
        self.overrides = overrides
    }

    /// Decodes the table; a malformed table or an override naming neither a province prefix nor a county code is a
    /// `DomainError` (`invalid_rules`).
    public static func decode(from data: Data) throws -> NonSiteRules {
        let rules: NonSiteRules
        do {
            rules = try JSONDecoder().decode(NonSiteRules.self, from: data)
        } catch {
            throw DomainError(code: "invalid_rules", reason: "non-site enforcement rules do not decode: \(error)")
        }
        for override in rules.overrides {
            let key = override.jurisdiction
            guard key.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), key.utf8.count == 2 || key.utf8.count == 6 else {
                throw DomainError(code: "invalid_rules", reason: "override '\(key)' is neither a 2-digit province prefix nor a 6-digit code")
            }
        }
        let periods = [rules.national.announcementLeadDays, rules.national.ownerReportDays, rules.national.homeAgencyCopyWorkingDays]
            + rules.overrides.flatMap { [$0.announcementLeadDays, $0.ownerReportDays].compactMap { $0 } }
        guard periods.allSatisfy({ $0.days >= 0 }) else {
            throw DomainError(code: "invalid_rules", reason: "a period in the non-site rules is negative")
        }
        return rules
    }

    /// The rules in force for a jurisdiction: national, then its province's override, then its own.
    public func resolved(for jurisdiction: JurisdictionCode) -> NonSiteRuleSet {
        var rules = national
        let applicable = overrides.filter { $0.jurisdiction == jurisdiction.provincePrefix } + overrides.filter { $0.jurisdiction == jurisdiction.rawValue }
        for override in applicable {
            if let value = override.announcementLeadDays { rules.announcementLeadDays = value }
            if let value = override.calibrationRequired { rules.calibrationRequired = value }
            if let value = override.ownerReportDays { rules.ownerReportDays = value }
            if let value = override.homeAgencyCopyWorkingDays { rules.homeAgencyCopyWorkingDays = value }
            if let value = override.repeatOffence { rules.repeatOffence = value }
        }
        return rules
    }
}

/// The non-site rules of one jurisdiction.
public struct NonSiteRuleSet: Hashable, Codable, Sendable {
    /// Least days between publishing a device's location and activating it.
    public var announcementLeadDays: CitedDays
    /// Whether records need a valid calibration certificate to be evidence.
    public var calibrationRequired: RuleFlag
    /// Days the owner has to come forward after the notice (浙江省公路条例 Art. 40).
    public var ownerReportDays: CitedDays
    /// Working days to copy a closed case to the vehicle's home agency (Order 62 Art. 44).
    public var homeAgencyCopyWorkingDays: CitedDays
    /// 一超四罚 thresholds (公路安全保护条例 Art. 66).
    public var repeatOffence: RepeatOffenceRule
}

/// A province's or county's replacements for some sections.
public struct NonSiteOverride: Hashable, Codable, Sendable {
    public var jurisdiction: String
    public var name: String?
    public var announcementLeadDays: CitedDays?
    public var calibrationRequired: RuleFlag?
    public var ownerReportDays: CitedDays?
    public var homeAgencyCopyWorkingDays: CitedDays?
    public var repeatOffence: RepeatOffenceRule?
}

/// A number of days with the article it comes from.
public struct CitedDays: Hashable, Codable, Sendable {
    public var days: Int
    public var citation: Citation
    public var note: String?
}

/// 一超四罚: more than `vehicleMaximum` overloads of one vehicle (or `driverMaximum` of one driver) within
/// `windowDays`, or more than `fleetShareMaximumPercent` of a carrier's fleet, call for the heavier measures.
public struct RepeatOffenceRule: Hashable, Codable, Sendable {
    public var windowDays: Int
    public var vehicleMaximum: Int
    public var driverMaximum: Int
    public var fleetShareMaximumPercent: Int
    public var citation: Citation
    public var note: String?
}
