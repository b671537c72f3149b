/// 车辆标识 — what identifies a vehicle: its plate number and plate colour.
///
/// The colour is part of the key because the same number can be issued in two colours (a blue 浙F12345 car and a
/// yellow 浙F12345 truck are different vehicles); JT/T 808 and JT/T 809 always send the pair.
public struct VehicleKey: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The plate number.
    public var plate: PlateNumber
    /// The plate colour.
    public var color: PlateColor

    /// A key from a validated plate and a colour.
    public init(plate: PlateNumber, color: PlateColor) {
        self.plate = plate
        self.color = color
    }

    /// A key from plate text (normalised and validated by ``PlateNumber/init(_:)``) and a colour.
    public init(plate: String, color: PlateColor) throws(DomainError) {
        self.init(plate: try PlateNumber(plate), color: color)
    }

    /// Parses the string form `浙F12345:yellow` (the form inside ``SubjectKey``); throws `invalid_vehicle_key`,
    /// `invalid_plate` or `invalid_plate_color`.
    public init(_ text: String) throws(DomainError) {
        guard let colon = text.lastIndex(of: ":") else {
            throw DomainError(code: "invalid_vehicle_key", reason: "'\(text)' is not a vehicle key of the form plate:colour, e.g. 浙F12345:yellow.")
        }
        let colorText = String(text[text.index(after: colon)...])
        guard let color = PlateColor(rawValue: colorText) else {
            throw DomainError(code: "invalid_plate_color", reason: "'\(colorText)' in '\(text)' is not a plate colour (blue, yellow, black, white, green, other).")
        }
        try self.init(plate: String(text[..<colon]), color: color)
    }

    /// The string form `浙F12345:yellow`: canonical plate, a colon, the colour's English name.
    public var stringValue: String { "\(plate.value):\(color.rawValue)" }

    /// The label printed in documents, e.g. `浙F12345（黄色）`.
    public var chineseLabel: String { "\(plate.value)（\(color.chineseName)）" }

    /// The string form, e.g. `浙F12345:yellow`.
    public var description: String { stringValue }

    /// Orders by plate, then colour code.
    public static func < (lhs: VehicleKey, rhs: VehicleKey) -> Bool {
        (lhs.plate.value, lhs.color.jt808Code) < (rhs.plate.value, rhs.color.jt808Code)
    }
}
