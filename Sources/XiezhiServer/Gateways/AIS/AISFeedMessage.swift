import Foundation
import XiezhiWire

/// One decoded AIS message as a feed delivered it: what the node's sink receives.
///
/// Two clocks: `receiveTime` is the receiver's own stamp from the tag block (`c:`), when the feed sends tag
/// blocks; `receivedAt` is when this node read the last sentence from the socket (the node's clock).
public struct AISFeedMessage: Sendable, Hashable {
    /// The decoded message.
    public var message: AISMessage
    /// The NMEA line(s) that carried it, in fragment order, tag blocks included, without line breaks.
    public var sentences: [String]
    /// The feed's name (`AISFeedConfiguration.name`).
    public var feed: String
    /// The remote end of the connection or datagram (`IP:PORT`), when known.
    public var peer: String?
    /// The receiving station from the tag block (`s:`), if any.
    public var source: String?
    /// The receiver's receive time from the tag block (`c:`), if any.
    public var receiveTime: Date?
    /// When this node read the message's last sentence.
    public var receivedAt: Date
    /// The VHF channel, if the sentence named one.
    public var channel: AISChannel?
    /// True for `VDO` sentences (the receiving station's own ship), false for `VDM`.
    public var isOwnShip: Bool

    /// Creates a feed message.
    public init(
        message: AISMessage, sentences: [String], feed: String, peer: String? = nil, source: String? = nil,
        receiveTime: Date? = nil, receivedAt: Date, channel: AISChannel? = nil, isOwnShip: Bool = false
    ) {
        self.message = message
        self.sentences = sentences
        self.feed = feed
        self.peer = peer
        self.source = source
        self.receiveTime = receiveTime
        self.receivedAt = receivedAt
        self.channel = channel
        self.isOwnShip = isOwnShip
    }
}

/// What a feed hands each decoded message to; it may be slow (TCP feeds then stop reading, UDP feeds drop).
public typealias AISFeedSink = @Sendable (AISFeedMessage) async -> Void
