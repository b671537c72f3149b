/// Which side of a directed line a point is on, looking along the line's direction.
public enum PolylineSide: String, Hashable, Sendable, Codable {
    /// To the left (counter-clockwise side) of the direction of travel.
    case left
    /// To the right.
    case right
    /// Exactly on the line.
    case on
}
