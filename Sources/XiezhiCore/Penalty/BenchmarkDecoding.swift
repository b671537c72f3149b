import Foundation

/// Strict decoding for the hand-edited benchmark file: unknown keys, missing citations and bad numbers are
/// refused with a ``DomainError`` that names the place in the file (`entries[1].violations.overload.scale`).
///
/// A legal office edits the file by hand, so a misspelt key (`toPercentofLimit`) must not be silently
/// ignored: it would turn a closed band into an open one.
enum BenchmarkDecoding: RuleTableDecoding {
    static let invalidTableCode = "invalid_benchmarks"
    static let unknownKeyCode = "unknown_benchmark_key"
    static let invalidValueCode = "invalid_benchmark_value"
    static let tableName = "the benchmark file"
    static let citationKeys: Set<String> = ["citation", "basis"]
    static let citationRule = "every number, and every adoption of another scale, needs its citation"
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

extension KeyedDecodingContainer {
    /// Decodes a benchmark citation at `key` (see ``RuleTableDecoding``).
    func citation(_ key: Key, in decoder: any Decoder) throws -> Citation {
        try citation(key, in: decoder, table: BenchmarkDecoding.self)
    }
}
