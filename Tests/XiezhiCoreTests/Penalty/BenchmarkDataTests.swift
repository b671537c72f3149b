import Foundation
import Testing
import XiezhiCore

/// The shipped benchmark file: decodes, every number stands beside a citation, and the labels match rules.md.
@Suite("Shipped benchmark data")
struct BenchmarkDataTests {
    @Test("Decodes with the expected entries and kinds")
    func decodes() throws {
        let benchmarks = try PenaltyFixtures.real()
        #expect(benchmarks.entries.map(\.code.text) == ["national", "33", "31", "32"])
        #expect(benchmarks.violationKinds.map(\.id) == ["overload", "over_dimension"])
        #expect(!benchmarks.edition.isEmpty)
    }

    /// Walks the raw JSON: any object that holds a number must hold a `citation` with a law and an article.
    /// This is independent of the Swift types, so a number added to the file in a new place is caught too.
    @Test("Every number in the raw file sits in an object with a citation")
    func rawNumbersCited() throws {
        let root = try JSONSerialization.jsonObject(with: try PenaltyFixtures.realBytes())
        var numbers = 0
        var uncited: [String] = []
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                let numericKeys = object.keys.filter { object[$0] is NSNumber }.sorted()
                if !numericKeys.isEmpty {
                    numbers += numericKeys.count
                    let citation = object["citation"] as? [String: Any]
                    let law = (citation?["law"] as? String) ?? ""
                    let article = (citation?["article"] as? String) ?? ""
                    let confidence = (citation?["confidence"] as? String) ?? ""
                    if law.isEmpty || article.isEmpty || !["text", "secondary", "unverified"].contains(confidence) {
                        uncited.append(contentsOf: numericKeys.map { "\(path).\($0)" })
                    }
                }
                for (key, child) in object { walk(child, "\(path).\(key)") }
            } else if let array = value as? [Any] {
                for (index, child) in array.enumerated() { walk(child, "\(path)[\(index)]") }
            }
        }
        // (Foundation bridges 0 and 1 to Bool as well, so every NSNumber counts; the file holds no booleans.)
        walk(root, "$")
        #expect(uncited == [])
        // The decoded structure accounts for every one of those numbers, each with its citation.
        let cited = try PenaltyFixtures.real().citedNumbers
        #expect(cited.count == numbers)
        #expect(numbers == 30)
    }

    @Test("Every decoded number has a filled citation")
    func decodedNumbersCited() throws {
        let cited = try PenaltyFixtures.real().citedNumbers
        #expect(!cited.isEmpty)
        for number in cited {
            #expect(!number.citation.law.isEmpty && !number.citation.article.isEmpty, "\(number.path)")
        }
    }

    /// The confidence labels follow rules.md: Order 62 and 浙江省公路条例 are [text]; Jiangsu's applicability is
    /// unverified; the dimension picks are the project's placeholders, unverified.
    @Test("Confidence labels")
    func confidence() throws {
        let cited = try PenaltyFixtures.real().citedNumbers
        let byPath = Dictionary(uniqueKeysWithValues: cited.map { ($0.path, $0) })
        #expect(byPath["national.overload.bands[0].yuanPerTonne"]?.value == 500)
        #expect(byPath["national.overload.bands[0].yuanPerTonne"]?.citation.confidence == .text)
        #expect(byPath["33.overload.bands[0].yuanPerTonne"]?.value == 300)
        #expect(byPath["33.overload.bands[1].yuanPerTonne"]?.value == 500)
        #expect(byPath["33.overload.lenient.upToPercentOfLimit"]?.value == 20)
        #expect(byPath["33.overload.cap.yuan"]?.citation == Citation(law: "浙江省公路条例", article: "第五十三条", confidence: .text))
        #expect(byPath["national.combinedViolations.capYuan"]?.value == 30_000)
        for index in 0..<3 {
            #expect(byPath["national.over_dimension.bands[\(index)].pick.yuan"]?.citation.confidence == .unverified)
        }
        let jiangsu = try PenaltyFixtures.real().benchmark(for: PenaltyFixtures.wujiang, violation: "overload")
        #expect(jiangsu.adoptionBasis?.confidence == .unverified)
        let shanghai = try PenaltyFixtures.real().benchmark(for: PenaltyFixtures.jinshan, violation: "overload")
        #expect(shanghai.adoptionBasis?.confidence == .text)
    }

    @Test("Encoding and decoding give back the same benchmarks")
    func roundTrip() throws {
        let benchmarks = try PenaltyFixtures.real()
        let again = try PenaltyBenchmarks(json: try JSONEncoder().encode(benchmarks))
        #expect(again == benchmarks)
    }

    @Test("A quote survives JSON for storage and the API")
    func quoteRoundTrip() throws {
        let quote = try PenaltyFixtures.real().quoteOverload(jurisdiction: PenaltyFixtures.jinshan, limitKg: 49_000, grossKg: 80_000)
        let again = try JSONDecoder().decode(PenaltyQuote.self, from: try JSONEncoder().encode(quote))
        #expect(again == quote)
        #expect(again.benchmark.edition == (try PenaltyFixtures.real().edition))
    }
}
