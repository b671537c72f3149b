/// 公路 — a road of the region (expressway, national or provincial road), as an approximate centre line.
public struct Road: Hashable, Sendable, Codable {
    /// A stable id, e.g. `G60`.
    public var id: String
    /// The Chinese name, e.g. `沪昆高速`.
    public var name: String
    /// The route number, e.g. `G60`.
    public var ref: String
    /// The approximate centre line.
    public var line: GeoPolyline

    public init(id: String, name: String, ref: String, line: GeoPolyline) {
        self.id = id
        self.name = name
        self.ref = ref
        self.line = line
    }

    /// The road as facts name it: `G60沪昆高速`, and `G228国道（丹东—东兴）` for a name that repeats the number
    /// (`228国道（丹东—东兴）`; not `G228228国道…`).
    public var label: String {
        let number = ref.drop { $0.isLetter }
        return !number.isEmpty && name.hasPrefix(number) ? ref + name.dropFirst(number.count) : ref + name
    }
}
