import Foundation

/// The procedure rule table (`rules/procedure.json`): national defaults plus per-jurisdiction overrides.
///
/// The server loads it once and passes it to ``CaseWorkflow`` and ``CaseClocks``; they resolve the rules for
/// each case's jurisdiction with ``resolved(for:)``.
public struct ProcedureRules: Hashable, Codable, Sendable {
    /// The rules everywhere unless overridden.
    public var national: ProcedureRuleSet
    /// Province and county overrides; a county's override is applied after its province's.
    public var overrides: [ProcedureOverride]
    /// The working days that working-day periods count (not in `procedure.json`: the node sets it from
    /// `work-calendar.json`); weekends only when unset.
    public var workCalendar: WorkCalendar?

    /// Creates the value with every field given.
    public init(national: ProcedureRuleSet, overrides: [ProcedureOverride] = []) {
        self.national = national
        self.overrides = overrides
    }

    /// Decodes `procedure.json` and checks that every override names a 2-digit prefix or a 6-digit code,
    /// at most once each.
    public static func decode(from data: Data) throws -> ProcedureRules {
        let rules: ProcedureRules
        do {
            rules = try JSONDecoder().decode(ProcedureRules.self, from: data)
        } catch {
            throw DomainError(code: "invalid_rules", reason: "procedure rules do not decode: \(error)")
        }
        var seen = Set<String>()
        for override in rules.overrides {
            let key = override.jurisdiction
            let digits = key.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
            guard digits, key.utf8.count == 2 || key.utf8.count == 6 else {
                throw DomainError(
                    code: "invalid_rules",
                    reason: "override '\(key)' is neither a 2-digit province prefix nor a 6-digit GB/T 2260 code"
                )
            }
            guard seen.insert(key).inserted else {
                throw DomainError(code: "invalid_rules", reason: "override '\(key)' appears more than once")
            }
        }
        return rules
    }

    /// The rules for `jurisdiction`: national, then its province's override, then its own.
    public func resolved(for jurisdiction: JurisdictionCode) -> ProcedureRuleSet {
        var rules = national
        rules.workCalendar = workCalendar
        for override in overrides where override.isProvince && override.applies(to: jurisdiction) {
            rules = rules.applying(override)
        }
        for override in overrides where !override.isProvince && override.applies(to: jurisdiction) {
            rules = rules.applying(override)
        }
        return rules
    }
}
