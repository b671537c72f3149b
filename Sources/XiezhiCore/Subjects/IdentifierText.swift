/// Text clean-up shared by the identifier types: what officers, cameras and old systems add around an identifier.
///
/// Internal: each public type documents which of these steps it applies.
enum IdentifierText {
    /// Folds full-width ASCII forms (U+FF01–U+FF5E, e.g. `Ｆ１２`) to ASCII and the ideographic space (U+3000) to a space.
    static func foldingFullWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(ascii)
            } else if scalar.value == 0x3000 {
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Removes every Unicode white-space scalar, wherever it is.
    static func removingWhitespace(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    /// Removes every scalar in `separators`.
    static func removing(_ separators: Set<Unicode.Scalar>, from text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !separators.contains($0) }))
    }

    /// Upper-cases ASCII letters only (Chinese characters have no case; other scripts are left alone).
    static func uppercasingASCII(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x61...0x7A).contains(scalar.value), let upper = Unicode.Scalar(scalar.value - 0x20) {
                scalars.append(upper)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Full-width folding, white-space removal and ASCII upper-casing, the common first step.
    static func compacted(_ text: String) -> String {
        uppercasingASCII(removingWhitespace(foldingFullWidth(text)))
    }

    /// `true` for the ASCII digits 0–9.
    static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= 0x30 && ascii <= 0x39
    }

    /// `true` for the ASCII capital letters A–Z.
    static func isUppercaseLetter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= 0x41 && ascii <= 0x5A
    }

    /// `true` for one CJK unified ideograph (basic block or extension A), the characters of Chinese names.
    static func isChineseCharacter(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// A personal or organisation name: surrounding white space trimmed, inner runs of white space kept as they are.
    ///
    /// Throws `invalid_name` when nothing is left.
    static func name(_ text: String, of what: String) throws(DomainError) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else {
            throw DomainError(code: "invalid_name", reason: "The \(what) name is empty.")
        }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
