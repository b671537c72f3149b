import Foundation

/// Builds one gpsd-style JSON object: keys in insertion order, numbers printed with C `printf` formats.
struct GPSDJSONWriter {
    private(set) var text = "{"
    private var empty = true

    private mutating func key(_ name: String) {
        if !empty { text += "," }
        empty = false
        text += "\""
        text += name
        text += "\":"
    }

    /// `"name":123`
    mutating func int(_ name: String, _ value: Int) {
        key(name)
        text += String(value)
    }

    /// `"name":true`
    mutating func bool(_ name: String, _ value: Bool) {
        key(name)
        text += value ? "true" : "false"
    }

    /// `"name":"escaped text"`
    mutating func string(_ name: String, _ value: String) {
        key(name)
        text += "\""
        text += Self.escaped(value)
        text += "\""
    }

    /// `"name":<literal>` — the literal is written as given (a number already formatted, or a quoted legend).
    mutating func raw(_ name: String, _ literal: String) {
        key(name)
        text += literal
    }

    /// `"name":<value printed with "%.{digits}f">`.
    mutating func fixed(_ name: String, _ value: Double, digits: Int) {
        raw(name, Self.fixed(value, digits: digits))
    }

    /// A number printed like C `printf("%.{digits}f")` (glibc rounding of the exact binary value).
    static func fixed(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// The finished object.
    var object: String { text + "}" }

    /// gpsd's `json_stringify`: backslash before `"` and `\`, `\b \f \n \r \t` for those controls, `\u00XX` for
    /// other control and non-ASCII bytes.
    static func escaped(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value > 0x7E {
                    for byte in String(scalar).utf8 {
                        let digits = String(byte, radix: 16)
                        result += "\\u00" + (digits.count == 1 ? "0" + digits : digits)
                    }
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
