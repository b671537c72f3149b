import ArgumentParser
import Foundation
import XiezhiCore
import XiezhiData
import XiezhiServer
import XiezhiStore

/// `xiezhi penalty quote --jurisdiction CODE --violation overload --limit-kg L --gross-kg G [--json]`.
struct Penalty: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Discretion benchmarks (裁量基准).", subcommands: [Quote.self])

    struct Quote: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Quote the fine a jurisdiction's benchmark gives, with the article and the reasoning.",
            discussion: "Reads the node's rule table when --data points at a node, otherwise the bundled benchmarks.")

        @Option(help: "GB/T 2260 code of the jurisdiction where the act happened, e.g. 330482 (Pinghu) or 310116 (Jinshan).")
        var jurisdiction: String
        @Option(help: "Violation kind; 'overload' (total mass).")
        var violation: String = "overload"
        @Option(name: .customLong("limit-kg"), help: "The applicable gross-mass limit in kilograms.")
        var limitKg: Int
        @Option(name: .customLong("gross-kg"), help: "The measured gross mass in kilograms.")
        var grossKg: Int
        @Option(name: .customLong("data"), help: "A node's data directory, to use its (possibly edited) benchmark table.")
        var data: String?
        @Flag(help: "Print one JSON object (amount_yuan, article, reasoning, …).")
        var json = false

        func run() throws {
            guard violation == "overload" else { throw ValidationError("only 'overload' can be quoted from the command line") }
            let benchmarks = try PenaltyBenchmarks(json: try benchmarkTable())
            let quote: PenaltyQuote
            do {
                quote = try benchmarks.quoteOverload(jurisdiction: try JurisdictionCode.parse(jurisdiction), limitKg: limitKg, grossKg: grossKg)
            } catch let error as DomainError {
                throw ValidationError(error.reason)
            }
            let view = PenaltyQuoteView(quote)
            if json {
                print(String(decoding: try APIJSON.encoder.encode(view), as: UTF8.self))
                return
            }
            print("\(view.outcomeName)：\(quote.amount) 元")
            print("依据：\(view.article)")
            for line in view.reasoning { print("  \(line)") }
        }

        func benchmarkTable() throws -> Data {
            if let data {
                let database = try NodeDatabase.open(directory: URL(fileURLWithPath: data))
                if let table = try RuleTableStore(database: database, signingKey: nil).table(name: RuleBook.penaltyBenchmarksTable) {
                    return Data(table.content.utf8)
                }
            }
            return try BundledData.rulesFile(RuleBook.penaltyBenchmarksTable)
        }
    }
}
