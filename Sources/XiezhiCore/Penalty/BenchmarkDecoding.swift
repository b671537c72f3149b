import Foundation

/// Strict decoding for the hand-edited benchmark file: unknown keys, missing citations and bad numbers are
/// refused with a ``DomainError`` that names the place in the file (`entries[1].violations.overload.scale`).
///
/// A legal office edits the file by hand, so a misspelt key (`toPercentofLimit`) must not be silently
/// ignored: it would turn a closed band into an open one.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue; self.intValue = nil }
    init(intValue: Int) { self.stringValue = "\(intValue)"; self.intValue = intValue }
}

/// Upper bounds on the numbers of the file and of facts, far above any real value; they keep the integer
/// arithmetic (hundredths of a kilogram × yuan per tonne, fen × millimetres) far from overflow. Not legal numbers.
enum PlausibleBound {
    /// Amounts in yuan (caps, ranges, fixed picks): 100 million.
    static let yuan = 100_000_000
    /// Rates in yuan per tonne: 1 million.
    static let yuanPerTonne = 1_000_000
    /// Masses and mass thresholds in kilograms: 10,000 t.
    static let kg = 10_000_000
    /// Percentages of a limit: 10,000 %.
    static let percent = 10_000
    /// Lengths in millimetres: 1 km.
    static let mm = 1_000_000
}

enum BenchmarkDecoding {
    /// `entries[1].violations.overload`, or `the file` for the root.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "the file" : text
    }

    /// Turns a Foundation decoding error into a ``DomainError`` that says what and where.
    static func domainError(from error: DecodingError) -> DomainError {
        switch error {
        case .keyNotFound(let key, let context):
            let place = path(context.codingPath + [key])
            if key.stringValue == "citation" || key.stringValue == "basis" {
                return DomainError(code: "missing_citation", reason: "\(place) is missing: every number, and every adoption of another scale, needs its citation")
            }
            return DomainError(code: "invalid_benchmarks", reason: "\(place) is required but missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return DomainError(code: "invalid_benchmarks", reason: "\(path(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return DomainError(code: "invalid_benchmarks", reason: "the benchmark file could not be decoded: \(error)")
        }
    }

    /// Throws `unknown_benchmark_key` when the object at `decoder` holds a key outside `allowed`.
    static func rejectUnknownKeys(in decoder: any Decoder, allowed: Set<String>) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            let known = allowed.sorted().joined(separator: ", ")
            throw DomainError(
                code: "unknown_benchmark_key",
                reason: "unknown key '\(key.stringValue)' at \(path(decoder.codingPath)); allowed here: \(known)"
            )
        }
    }

    /// An `invalid_benchmark_value` error naming the place.
    static func invalid(_ decoder: any Decoder, _ message: String) -> DomainError {
        DomainError(code: "invalid_benchmark_value", reason: "\(path(decoder.codingPath)): \(message)")
    }

    /// Throws `invalid_benchmark_value` naming the place, unless `condition` holds.
    static func require(_ condition: Bool, _ decoder: any Decoder, _ message: String) throws {
        guard condition else {
            throw DomainError(code: "invalid_benchmark_value", reason: "\(path(decoder.codingPath)): \(message)")
        }
    }

    /// Throws `missing_citation` when a citation's law or article is blank.
    static func requireFilled(_ citation: Citation, _ decoder: any Decoder) throws {
        let blank = citation.law.trimmingCharacters(in: .whitespaces).isEmpty
            || citation.article.trimmingCharacters(in: .whitespaces).isEmpty
        guard !blank else {
            throw DomainError(code: "missing_citation", reason: "\(path(decoder.codingPath)): a citation needs both 'law' and 'article'")
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes the citation at `key`; a missing key or a blank law or article is `missing_citation`.
    func citation(_ key: Key, in decoder: any Decoder) throws -> Citation {
        guard contains(key), try !decodeNil(forKey: key) else {
            let place = BenchmarkDecoding.path(decoder.codingPath + [key])
            throw DomainError(code: "missing_citation", reason: "\(place) is missing: every number, and every adoption of another scale, needs its citation")
        }
        let inner = try superDecoder(forKey: key)
        try BenchmarkDecoding.rejectUnknownKeys(in: inner, allowed: ["law", "article", "confidence"])
        let citation = try Citation(from: inner)
        try BenchmarkDecoding.requireFilled(citation, inner)
        return citation
    }
}
