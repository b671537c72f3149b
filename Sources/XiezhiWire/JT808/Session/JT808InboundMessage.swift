import Foundation

/// A message from the terminal handed to the host as is (`Action.deliver`).
public struct JT808InboundMessage: Hashable, Sendable {
    /// The header; for a reassembled message, the first packet's header without its package item and
    /// with the whole body's length.
    public var header: JT808Header
    /// The decoded message (`.other` with its body for IDs the codec does not model).
    public var message: JT808Message
    /// When it arrived (its last packet, if subpackaged), by the host's clock.
    public var receivedAt: Date

    /// Creates an inbound message.
    public init(header: JT808Header, message: JT808Message, receivedAt: Date) {
        self.header = header
        self.message = message
        self.receivedAt = receivedAt
    }
}
