import Foundation
import Hummingbird
import XiezhiCore

/// `GET /api/v1/penalty/quote?jurisdiction=&violation=overload&limit_kg=&gross_kg=`: the amount the
/// jurisdiction's discretion benchmark (裁量基准) gives, with the article and the reasoning.
struct PenaltyController: APIController {
    let node: Node

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/penalty/quote", access: .authenticated, summary: "Quote a fine from a jurisdiction's discretion benchmark") { request, _ in
            let query = request.uri.queryParameters
            guard let jurisdictionText = query.get("jurisdiction") else { throw Problem.badRequest("missing_jurisdiction", "'jurisdiction' is required (GB/T 2260 code)") }
            let jurisdiction = try JurisdictionCode.parse(jurisdictionText)
            let violation = query.get("violation") ?? "overload"
            guard violation == "overload" else {
                throw Problem.badRequest("invalid_violation", "this endpoint quotes 'overload' (total mass); other kinds are quoted inside a case")
            }
            func kilograms(_ name: String) throws -> Int {
                guard let text = query.get(name) else { throw Problem.badRequest("missing_\(name)", "'\(name)' is required (kilograms)") }
                guard let value = Int(text) else { throw Problem.badRequest("invalid_\(name)", "'\(name)' must be an integer number of kilograms") }
                return value
            }
            let quote = try node.rules.current.benchmarks.quoteOverload(
                jurisdiction: jurisdiction, limitKg: try kilograms("limit_kg"), grossKg: try kilograms("gross_kg"))
            return PenaltyQuoteView(quote)
        }
    }
}

/// A quote as the API and `xiezhi penalty quote --json` print it.
public struct PenaltyQuoteView: ResponseEncodable, Sendable {
    public var jurisdiction: JurisdictionCode
    public var violation: String
    public var violationName: String
    public var outcome: PenaltyOutcome
    public var outcomeName: String
    /// The fine in yuan (fractions of a yuan are exact fen).
    public var amountYuan: Double
    public var amountFen: Int
    /// The article that sets the amount, e.g. `浙江省公路条例 第五十三条`.
    public var article: String
    public var citations: [Citation]
    public var reasoning: [String]
    public var benchmark: String

    public init(_ quote: PenaltyQuote) {
        jurisdiction = quote.jurisdiction
        violation = quote.violation.id
        violationName = quote.violation.nameZh
        outcome = quote.outcome
        outcomeName = quote.outcome.chineseName
        amountYuan = quote.amount.yuan
        amountFen = quote.amount.fen
        let basis = quote.benchmark.adoptionBasis
        article = (quote.citations.first { $0 != basis } ?? quote.citations.first).map(\.description) ?? ""
        citations = quote.citations
        reasoning = quote.reasoning
        benchmark = quote.benchmark.chineseLine
    }
}
