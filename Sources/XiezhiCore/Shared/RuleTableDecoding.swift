import Foundation

/// Strict decoding of a hand-edited rule table: a legal office edits these files by hand, so a misspelt key must
/// not be silently ignored, every number needs its citation, and every error names its place in the file
/// (`entries[1].violations.overload.scale`, `grossLimits[2].limitKg`).
///
/// A table conforms with its own error codes and wording; the checks are the same for all.
protocol RuleTableDecoding {
    /// A required key is missing or has the wrong type (`invalid_benchmarks`).
    static var invalidTableCode: String { get }
    /// A key the table does not know (`unknown_benchmark_key`).
    static var unknownKeyCode: String { get }
    /// A number out of range or a contradiction (`invalid_benchmark_value`).
    static var invalidValueCode: String { get }
    /// What the table is, for messages: `the benchmark file`.
    static var tableName: String { get }
    /// Keys whose absence is a missing citation, not a missing field.
    static var citationKeys: Set<String> { get }
    /// Why a citation is required, for messages.
    static var citationRule: String { get }
}

extension RuleTableDecoding {
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
            if citationKeys.contains(key.stringValue) {
                return DomainError(code: "missing_citation", reason: "\(place) is missing: \(citationRule)")
            }
            return DomainError(code: invalidTableCode, reason: "\(place) is required but missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return DomainError(code: invalidTableCode, reason: "\(path(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return DomainError(code: invalidTableCode, reason: "\(tableName) could not be decoded: \(error)")
        }
    }

    /// Throws the unknown-key error when the object at `decoder` holds a key outside `allowed`.
    static func rejectUnknownKeys(in decoder: any Decoder, allowed: Set<String>) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw DomainError(
                code: unknownKeyCode,
                reason: "unknown key '\(key.stringValue)' at \(path(decoder.codingPath)); allowed here: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    /// The invalid-value error naming the place.
    static func invalid(_ decoder: any Decoder, _ message: String) -> DomainError {
        DomainError(code: invalidValueCode, reason: "\(path(decoder.codingPath)): \(message)")
    }

    /// Throws the invalid-value error naming the place, unless `condition` holds.
    static func require(_ condition: Bool, _ decoder: any Decoder, _ message: String) throws {
        guard condition else { throw invalid(decoder, message) }
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
    /// Decodes the citation at `key` under `Table`'s rules: a missing key, an unknown key inside it, or a blank law
    /// or article is `missing_citation`.
    func citation<Table: RuleTableDecoding>(_ key: Key, in decoder: any Decoder, table: Table.Type) throws -> Citation {
        guard contains(key), try !decodeNil(forKey: key) else {
            throw DomainError(code: "missing_citation", reason: "\(Table.path(decoder.codingPath + [key])) is missing: \(Table.citationRule)")
        }
        let inner = try superDecoder(forKey: key)
        try Table.rejectUnknownKeys(in: inner, allowed: ["law", "article", "confidence"])
        let citation = try Citation(from: inner)
        try Table.requireFilled(citation, inner)
        return citation
    }
}

/// A coding key for any string or index (reading the keys an object actually has).
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue; self.intValue = nil }
    init(intValue: Int) { self.stringValue = "\(intValue)"; self.intValue = intValue }
}
