/// A JSON writer for the few records written at volume (a weigh record per truck), where `JSONEncoder`'s
/// generic machinery costs more than the database insert. It writes compact JSON with keys in the order given;
/// the result decodes with `JSONDecoder` like the encoder's output (tests hold the two to the same value).
public struct JSONText: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func beginObject() { bytes.append(0x7B) }
    public mutating func endObject() { bytes.append(0x7D) }
    public mutating func beginArray() { bytes.append(0x5B) }
    public mutating func endArray() { bytes.append(0x5D) }
    public mutating func comma() { bytes.append(0x2C) }

    /// `"key":` — preceded by a comma unless `first`.
    public mutating func key(_ key: StaticString, first: Bool = false) {
        if !first { comma() }
        bytes.append(0x22)
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    /// A string with the escapes JSON requires (quote, backslash, control characters).
    public mutating func string(_ value: String) {
        bytes.append(0x22)
        for byte in value.utf8 {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    public mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A finite number in Swift's shortest round-trip form; `null` for NaN or infinity (JSON has neither).
    public mutating func double(_ value: Double) {
        guard value.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int64(value)).utf8)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }
}
