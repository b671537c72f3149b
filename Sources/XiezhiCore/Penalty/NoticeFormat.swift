/// How numbers are printed on a penalty notice: thousands separators, yuan without needless decimals,
/// kilograms and metres with only the decimals they need.
enum NoticeFormat {
    /// `80,000`.
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// `4,410` for whole yuan, `500.50` otherwise (no unit).
    static func yuan(_ money: Money) -> String {
        let whole = grouped(money.fen / 100)
        let cents = abs(money.fen % 100)
        return cents == 0 ? whole : "\(whole).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `4,410 元`.
    static func yuanText(_ money: Money) -> String { "\(yuan(money)) 元" }

    /// Kilograms from hundredths: `9,800`, `3,599.4`, `3,599.45` (no unit).
    static func kg(centi: Int) -> String {
        let whole = grouped(centi / 100)
        let fraction = centi % 100
        if fraction == 0 { return whole }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `9,800 千克`.
    static func kgText(centi: Int) -> String { "\(kg(centi: centi)) 千克" }

    /// Hundredths of a percent as `63.27%`.
    static func percent(hundredths: Int) -> String {
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    /// `excess / limit` in hundredths of a percent, rounded half up (63.27 % → 6327).
    static func percentHundredths(part: Int, of whole: Int) -> Int {
        (part * 20_000 + whole) / (2 * whole)
    }

    /// Metres from millimetres with two decimals, three when the millimetre matters: `4.60`, `2.555`.
    static func metres(mm: Int) -> String {
        let whole = mm / 1000
        let fraction = mm % 1000
        if fraction % 10 == 0 {
            let centi = fraction / 10
            return "\(whole).\(centi < 10 ? "0" : "")\(centi)"
        }
        let padded = fraction < 10 ? "00\(fraction)" : (fraction < 100 ? "0\(fraction)" : "\(fraction)")
        return "\(whole).\(padded)"
    }

    /// `4.60 米`.
    static func metresText(mm: Int) -> String { "\(metres(mm: mm)) 米" }

    /// `200 元以下` when the minimum is zero, otherwise `200–1,000 元`.
    static func range(minYuan: Int, maxYuan: Int) -> String {
        minYuan == 0 ? "\(grouped(maxYuan)) 元以下" : "\(grouped(minYuan))–\(grouped(maxYuan)) 元"
    }
}
