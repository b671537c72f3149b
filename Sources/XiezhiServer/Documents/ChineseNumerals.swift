import XiezhiCore

/// Small integers in Chinese numerals for formal documents: 15 → 十五, 60 → 六十, 105 → 一百零五.
enum ChineseNumerals {
    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    static func text(_ value: Int) -> String {
        guard value > 0 else { return value == 0 ? "零" : "负" + text(-value) }
        guard value < 10_000 else { return String(value) }
        let units = ["千", "百", "十", ""]
        let parts = [value / 1000, value / 100 % 10, value / 10 % 10, value % 10]
        var result = ""
        var pendingZero = false
        for (index, digit) in parts.enumerated() {
            if digit == 0 {
                if !result.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { result += "零"; pendingZero = false }
            // 十五 rather than 一十五 when the number starts at the tens.
            if !(digit == 1 && index == 2 && result.isEmpty) { result += digits[digit] }
            result += units[index]
        }
        return result
    }
}


extension StatutoryPeriod {
    /// The period in formal document style, numerals in Chinese: 十五日, 六十日, 六个月, 二十四小时.
    var documentText: String {
        let unit = switch self.unit {
        case .hours: "小时"
        case .days: "日"
        case .workingDays: "个工作日"
        case .months: "个月"
        case .years: "年"
        }
        return ChineseNumerals.text(amount) + unit
    }
}
