import ArgumentParser
import Foundation
import XiezhiCore
import XiezhiData
import XiezhiServer
import XiezhiStore

/// `xiezhi wim judge`: an offline check of a vendor's weigh data — JSON lines in, one verdict per line out, with
/// the fine each jurisdiction of the region would quote.
struct Wim: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Weigh-in-motion tools.", subcommands: [Judge.self])

    struct Judge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Judge WIM records (JSON lines on stdin) and print one JSON line each.",
            discussion: """
                Each output line: record_id, station, class, limit_kg, over_kg, over_pct, tolerated_kg, article, tags, \
                judgement (Chinese lines), and fines: for every jurisdiction of the region, {amount_yuan, outcome, article}. \
                A line that is not a valid record prints {"line": N, "error": {"code", "reason"}}.
                """)

        @Option(help: "Whose weighing tolerance to apply (GB/T 2260 code); default: the national default.")
        var jurisdiction: String?
        @Option(name: .customLong("data"), help: "A node's data directory, to use its rule tables instead of the bundled ones.")
        var data: String?

        struct Fine: Encodable {
            var amountYuan: Double
            var outcome: String
            var article: String
        }

        struct Verdict: Encodable {
            var recordId: String
            var station: String
            var `class`: String
            var limitKg: Int?
            var overKg: Int?
            var overPct: Double?
            var toleratedKg: Int?
            var article: String?
            var tags: [String]
            var judgement: [String]
            var fines: [String: Fine]
        }

        struct Failure: Encodable {
            struct Reason: Encodable { var code: String; var reason: String }
            var line: Int
            var error: Reason
        }

        func run() throws {
            let tables = try tableContents()
            let limits = try OverloadLimits(json: Data(tables[RuleBook.overloadLimitsTable]!.utf8))
            let benchmarks = try PenaltyBenchmarks(json: Data(tables[RuleBook.penaltyBenchmarksTable]!.utf8))
            let region = try XiezhiCore.Region(geoJSON: try Data(contentsOf: BundledData.demoRegion), jointZoneRule: Data(tables[RuleBook.jointZoneTable]!.utf8))
            let judgedIn = try jurisdiction.map(JurisdictionCode.parse) ?? JurisdictionCode(rawValue: "000000")!
            let encoder = APIJSON.encoder
            var lineNumber = 0
            while let line = readLine(strippingNewline: true) {
                lineNumber += 1
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                let output: Data
                do {
                    let record = try WeighRecord(json: Data(line.utf8))
                    try record.validate()
                    let judgement = OverloadJudge.judge(record, jurisdiction: judgedIn, limits: limits)
                    var fines: [String: Fine] = [:]
                    if let limit = judgement.limitKg, judgement.overloadClass == .overloaded {
                        for place in region.jurisdictions {
                            let quote = try benchmarks.quoteOverload(jurisdiction: place.code, limitKg: limit, grossKg: record.grossKg)
                            fines[place.code.rawValue] = Fine(amountYuan: quote.amount.yuan, outcome: quote.outcome.rawValue, article: PenaltyQuoteView(quote).article)
                        }
                    }
                    output = try encoder.encode(Verdict(
                        recordId: record.recordID, station: record.station, class: judgement.overloadClass.rawValue, limitKg: judgement.limitKg,
                        overKg: judgement.overKg, overPct: judgement.overPct?.value, toleratedKg: judgement.toleratedKg,
                        article: judgement.primaryCitation?.description, tags: judgement.tags.map(\.id), judgement: judgement.judgementLines, fines: fines))
                } catch let error as DomainError {
                    output = try encoder.encode(Failure(line: lineNumber, error: .init(code: error.code, reason: error.reason)))
                }
                FileHandle.standardOutput.write(output + Data([0x0A]))
            }
        }

        func tableContents() throws -> [String: String] {
            if let data {
                let database = try NodeDatabase.open(directory: URL(fileURLWithPath: data))
                return Dictionary(uniqueKeysWithValues: try RuleTableStore(database: database, signingKey: nil).all().map { ($0.name, $0.content) })
            }
            return try RuleBook.bundledTables()
        }
    }
}
