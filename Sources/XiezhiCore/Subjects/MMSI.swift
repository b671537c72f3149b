/// 水上移动通信业务标识码 — a Maritime Mobile Service Identity: nine digits, validated, e.g. `413123456`.
///
/// Any nine digits are accepted (AIS carries whatever a transponder is programmed with, and detectors need to hold
/// wrong identities too); the format class is read from the digits per ITU-R M.585 (the project's AIS notes only
/// record 98MID and the Chinese MIDs, the rest is from the recommendation):
/// - `MIDxxxxxx` ship station (first digit 2–7), e.g. 413123456;
/// - `0MIDxxxxx` group of ships; `00MIDxxxx` coast station;
/// - `111MIDxxx` SAR aircraft;
/// - `8MIDxxxxx` handheld VHF transceiver with DSC and GNSS;
/// - `98MIDxxxx` craft associated with a parent ship (auxiliary craft, e.g. a ship's boat);
/// - `99MIDxxxx` aid to navigation (AtoN);
/// - `970xxyyyy` AIS-SART, `972xxyyyy` man-overboard device, `974xxyyyy` EPIRB-AIS (no MID).
/// A MID outside 201–775 (the allocated range) makes the class ``Station/other`` with no MID.
///
/// Normalisation: white space removed, full-width digits folded. An AIS integer below 100,000,000 is padded with
/// leading zeros (an MMSI is a 30-bit integer on the wire: 2579999 is the coast station 002579999).
public struct MMSI: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The nine digits, e.g. `413123456`.
    public let value: String

    /// The MIDs of mainland China (412, 413, 414). Hong Kong (477) and Macao (453) have their own.
    public static let chineseMIDs: Set<Int> = [412, 413, 414]

    /// The format class of an MMSI.
    public enum Station: String, CaseIterable, Hashable, Codable, Sendable {
        /// 船舶电台 — a ship station, `MIDxxxxxx`.
        case ship
        /// 船舶群呼 — a group of ships, `0MIDxxxxx`.
        case groupOfShips = "group_of_ships"
        /// 海岸电台 — a coast station, `00MIDxxxx`.
        case coastStation = "coast_station"
        /// 搜救航空器 — a SAR aircraft, `111MIDxxx`.
        case searchAndRescueAircraft = "sar_aircraft"
        /// 手持甚高频 — a handheld VHF with DSC and GNSS, `8MIDxxxxx`.
        case handheldVHF = "handheld_vhf"
        /// 母船附属艇 — a craft associated with a parent ship, `98MIDxxxx`.
        case craftAssociatedWithParentShip = "craft_associated_with_parent_ship"
        /// 助航标志 — an aid to navigation (AtoN), `99MIDxxxx`.
        case aidToNavigation = "aid_to_navigation"
        /// AIS 搜救应答器 — an AIS-SART, `970xxyyyy`.
        case searchAndRescueTransmitter = "ais_sart"
        /// 落水人员示位 — a man-overboard device, `972xxyyyy`.
        case manOverboard = "man_overboard"
        /// 应急示位标 — an EPIRB-AIS, `974xxyyyy`.
        case epirb
        /// Any other pattern (unallocated MID, test or default values such as 000000000 or 123456789).
        case other
    }

    /// Normalises and validates `text`; throws `invalid_mmsi` unless it is exactly nine digits.
    public init(_ text: String) throws(DomainError) {
        let digits = IdentifierText.removingWhitespace(IdentifierText.foldingFullWidth(text))
        guard digits.count == 9, digits.allSatisfy(IdentifierText.isDigit) else {
            let what = digits.allSatisfy(IdentifierText.isDigit) ? "\(digits.count) digits" : "a character that is not a digit"
            throw DomainError(code: "invalid_mmsi", reason: "'\(digits)' has \(what); an MMSI is exactly 9 digits.")
        }
        value = digits
    }

    /// The MMSI as AIS carries it (an unsigned 30-bit integer), padded to nine digits; throws `invalid_mmsi` outside
    /// 0…999,999,999.
    public init(_ number: Int) throws(DomainError) {
        guard (0...999_999_999).contains(number) else {
            throw DomainError(code: "invalid_mmsi", reason: "\(number) is outside 0…999999999; an MMSI is 9 digits.")
        }
        let text = String(number)
        value = String(repeating: "0", count: 9 - text.count) + text
    }

    /// The MMSI as an integer (as AIS encodes it).
    public var number: Int { Int(value)! }

    /// The format class read from the digits.
    public var station: Station { classified.station }

    /// The Maritime Identification Digits (country), e.g. `413`; `nil` for SART/MOB/EPIRB and ``Station/other``.
    public var mid: Int? { classified.mid }

    /// `true` when the MID is mainland China's (412, 413, 414), whatever the station class.
    public var isChinese: Bool { mid.map(Self.chineseMIDs.contains) ?? false }

    /// The nine digits.
    public var description: String { value }

    /// Orders by the canonical text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    /// Decodes a string or an integer through the validating initialisers; refused with `invalid_mmsi`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            try self.init(number)
        } else {
            try self.init(container.decode(String.self))
        }
    }

    /// Encodes the nine digits as a string (leading zeros matter).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    // MARK: - Classification

    private var classified: (station: Station, mid: Int?) {
        let digits = Array(value)
        func mid(from offset: Int) -> Int? {
            let number = Int(String(digits[offset..<offset + 3]))!
            return Self.allocatedMIDs.contains(number) ? number : nil
        }
        func with(_ station: Station, midAt offset: Int) -> (Station, Int?) {
            guard let mid = mid(from: offset) else { return (.other, nil) }
            return (station, mid)
        }
        let prefix = String(digits[0..<3])
        switch digits[0] {
        case "0":
            return digits[1] == "0" ? with(.coastStation, midAt: 2) : with(.groupOfShips, midAt: 1)
        case "1":
            return prefix == "111" ? with(.searchAndRescueAircraft, midAt: 3) : (.other, nil)
        case "2"..."7":
            return with(.ship, midAt: 0)
        case "8":
            return with(.handheldVHF, midAt: 1)
        default:
            switch prefix {
            case "970": return (.searchAndRescueTransmitter, nil)
            case "972": return (.manOverboard, nil)
            case "974": return (.epirb, nil)
            default: break
            }
            if digits[1] == "8" { return with(.craftAssociatedWithParentShip, midAt: 2) }
            if digits[1] == "9" { return with(.aidToNavigation, midAt: 2) }
            return (.other, nil)
        }
    }

    /// The allocated MID range of ITU-R M.585 (Maritime Identification Digits 201–775).
    private static let allocatedMIDs = 201...775
}
