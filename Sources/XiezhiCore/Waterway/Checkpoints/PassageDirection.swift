/// 过卡方向 — which way a ship passed a checkpoint, relative to the order of its waterway's line.
public enum PassageDirection: String, CaseIterable, Hashable, Codable, Sendable {
    /// Travelling the way the waterway's line is drawn (from its first point towards its last).
    case forward
    /// Travelling against the line's order.
    case reverse

    /// The other direction.
    public var opposite: PassageDirection { self == .forward ? .reverse : .forward }
}
