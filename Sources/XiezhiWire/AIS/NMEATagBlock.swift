import Foundation

/// An NMEA 0183 v4 tag block: the `\c:1700000000,s:rx1*hh\` prefix a receiver or network puts before a sentence.
///
/// The receive time (`c:`) and the source station (`s:`) are kept; every other parameter (`d:` destination,
/// `g:` group, `n:` line count, `r:` relative time, `t:` text, `i:` information) is kept verbatim in `fields`.
public struct NMEATagBlock: Sendable, Hashable {
    /// The parameters in the order they appeared, as `(key, value)`; the key is the text before `:`.
    public var fields: [Field]

    /// One `key:value` parameter.
    public struct Field: Sendable, Hashable {
        /// The key (`c`, `s`, `g`, …).
        public var key: String
        /// The value, verbatim.
        public var value: String

        /// Creates a parameter.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// Creates a tag block from its parameters.
    public init(fields: [Field]) {
        self.fields = fields
    }

    /// The first value for `key`, if present.
    public func value(for key: String) -> String? {
        fields.first { $0.key == key }?.value
    }

    /// `c:` — the receive time (UNIX seconds in the standard).
    ///
    /// Some networks write milliseconds: a value of 100,000,000,000 or more (after year 5138 in seconds) is read
    /// as milliseconds. Nil when absent or not a number.
    public var receiveTime: Date? {
        guard let text = value(for: "c"), let number = Int64(text), number >= 0 else { return nil }
        if number >= 100_000_000_000 {
            return Date(timeIntervalSince1970: Double(number) / 1000)
        }
        return Date(timeIntervalSince1970: Double(number))
    }

    /// `s:` — the source (receiving station) identifier.
    public var source: String? {
        value(for: "s")
    }

    /// Parses the text between the two backslashes (`c:1700000000,s:rx1*5A`).
    ///
    /// The checksum is required; one or two hex digits are accepted (some encoders do not zero-pad it).
    /// `offset` is where the text starts in the line, for error offsets.
    public init(parsing text: Substring, offset: Int = 0) throws(AISError) {
        let bytes = Array(text.utf8)
        guard let star = bytes.lastIndex(of: UInt8(ascii: "*")) else {
            throw AISError(.malformedTagBlock, "The tag block has no *hh checksum.", offset: offset)
        }
        let digits = bytes[(star + 1)...]
        guard (1...2).contains(digits.count), let declared = NMEASentence.hexValue(digits) else {
            throw AISError(.malformedTagBlock, "The tag block checksum is not one or two hex digits.", offset: offset + star + 1)
        }
        let computed = bytes[..<star].reduce(UInt8(0), ^)
        guard computed == declared else {
            throw AISError(
                .badTagBlockChecksum,
                "The tag block checksum is \(NMEASentence.hex(declared)) but its content gives \(NMEASentence.hex(computed)).",
                offset: offset + star + 1
            )
        }
        var fields: [Field] = []
        var position = offset
        for part in bytes[..<star].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            guard let colon = part.firstIndex(of: UInt8(ascii: ":")), colon > part.startIndex else {
                throw AISError(.malformedTagBlock, "A tag block parameter is not key:value.", offset: position)
            }
            let key = String(decoding: part[..<colon], as: UTF8.self)
            let value = String(decoding: part[(colon + 1)...], as: UTF8.self)
            fields.append(Field(key: key, value: value))
            position += part.count + 1
        }
        self.fields = fields
    }
}
