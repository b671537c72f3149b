import Foundation
import NIOCore

/// Bytes read from a feed's socket with the time they were read.
struct AISTimedBytes: Sendable {
    /// The bytes of one socket read.
    var bytes: ByteBuffer
    /// When the event loop read them (the node's clock).
    var receivedAt: Date
}
