import Foundation
import NIOCore

/// Stamps each socket read with the time it happened, in the channel pipeline, before the async consumer (which
/// may lag behind a slow sink) sees it: message times and fragment timeouts then follow the feed, not the sink.
final class AISReadTimestamper: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = AISTimedBytes

    private let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        context.fireChannelRead(wrapInboundOut(AISTimedBytes(bytes: bytes, receivedAt: now())))
    }
}
