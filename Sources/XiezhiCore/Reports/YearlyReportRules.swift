import Foundation

/// The yearly report's counting rules (`yearly-report.json`): the seed 004 report's categories, with the report as
/// the source.
public struct YearlyReportRules: Sendable, Hashable {
    /// A decided fine at or above this amount counts as a 罚款1万元以上 case.
    public var largeFine: Money
    public var largeFineCitation: Citation
    /// The non-site share the agency aims for, percent.
    public var nonSiteShareTargetPercent: Int
    public var nonSiteShareCitation: Citation

    public init(largeFine: Money, largeFineCitation: Citation, nonSiteShareTargetPercent: Int, nonSiteShareCitation: Citation) {
        self.largeFine = largeFine
        self.largeFineCitation = largeFineCitation
        self.nonSiteShareTargetPercent = nonSiteShareTargetPercent
        self.nonSiteShareCitation = nonSiteShareCitation
    }

    public init(json: Data) throws {
        do {
            self = try JSONDecoder().decode(File.self, from: json).rules
        } catch let error as DecodingError {
            throw YearlyReportRulesDecoding.domainError(from: error)
        }
    }

    private struct File: Decodable {
        var rules: YearlyReportRules

        init(from decoder: any Decoder) throws {
            typealias D = YearlyReportRulesDecoding
            try D.rejectUnknownKeys(in: decoder, allowed: ["titleZh", "edition", "note", "largeFineYuan", "nonSiteShareTargetPercent"])
            let root = try decoder.container(keyedBy: AnyCodingKey.self)
            func cited(_ name: String, _ range: ClosedRange<Int>) throws -> (Int, Citation) {
                let inner = try root.superDecoder(forKey: AnyCodingKey(stringValue: name))
                try D.rejectUnknownKeys(in: inner, allowed: ["value", "citation", "note"])
                let container = try inner.container(keyedBy: AnyCodingKey.self)
                let value = try container.decode(Int.self, forKey: AnyCodingKey(stringValue: "value"))
                try D.require(range.contains(value), inner, "value \(value) must be between \(range.lowerBound) and \(range.upperBound)")
                return (value, try container.citation(AnyCodingKey(stringValue: "citation"), in: inner, table: D.self))
            }
            let large = try cited("largeFineYuan", 1...100_000_000)
            let share = try cited("nonSiteShareTargetPercent", 0...100)
            rules = YearlyReportRules(
                largeFine: Money(yuan: large.0), largeFineCitation: large.1, nonSiteShareTargetPercent: share.0, nonSiteShareCitation: share.1)
        }
    }
}

enum YearlyReportRulesDecoding: RuleTableDecoding {
    static let invalidTableCode = "invalid_report_rules"
    static let unknownKeyCode = "unknown_report_key"
    static let invalidValueCode = "invalid_report_value"
    static let tableName = "the yearly-report file"
    static let citationKeys: Set<String> = ["citation"]
    static let citationRule = "every counting threshold needs its source"
}
