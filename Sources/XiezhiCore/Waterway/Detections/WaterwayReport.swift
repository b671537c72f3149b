import Foundation

/// What the monitor produced in one step: the passages it identified and the clues it found.
public struct WaterwayReport: Hashable, Codable, Sendable {
    /// The passages judged in this step, in passage-time order.
    public var identifications: [Identification]
    /// The clues found in this step.
    public var clues: [WaterwayClue]

    /// Creates the value.
    public init(identifications: [Identification] = [], clues: [WaterwayClue] = []) {
        self.identifications = identifications
        self.clues = clues
    }

    /// Appends another report's content.
    public mutating func append(_ other: WaterwayReport) {
        identifications += other.identifications
        clues += other.clues
    }
}
