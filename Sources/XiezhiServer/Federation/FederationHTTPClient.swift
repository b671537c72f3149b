import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 client for posting envelopes to a partner's inbox: one connection per request, a deadline on
/// the whole exchange, a bounded response. (SwiftNIO's HTTP codec is already in the build through Hummingbird;
/// plain HTTP on the wire — TLS between agencies is the reverse proxy's job, see the README.)
struct FederationHTTPClient: Sendable {
    struct Reply: Sendable {
        var status: Int
        var body: Data
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let timeout: Duration
    /// Largest response body read (a problem JSON or an acknowledgement is far smaller).
    let maximumResponseBytes = 64 * 1024

    /// POSTs `body` as JSON to `url` and returns the status and body; throws on network failure or timeout.
    func post(_ url: URL, body: Data) async throws -> Reply {
        guard let host = url.host, url.scheme == "http" else { throw Failure(description: "unsupported URL \(url.absoluteString)") }
        let port = url.port ?? 80
        let path = (url.path.isEmpty ? "/" : url.path) + (url.query.map { "?" + $0 } ?? "")
        let limit = maximumResponseBytes
        let deadline = timeout
        return try await withThrowingTaskGroup(of: Reply.self) { group in
            group.addTask {
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connectTimeout(.seconds(Int64(deadline.components.seconds)))
                    .connect(host: host, port: port) { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHTTPClientHandlers()
                            return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                        }
                    }
                return try await channel.executeThenClose { inbound, outbound in
                    var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
                    head.headers.add(name: "Host", value: "\(host):\(port)")
                    head.headers.add(name: "Content-Type", value: "application/json")
                    head.headers.add(name: "Content-Length", value: "\(body.count)")
                    head.headers.add(name: "Connection", value: "close")
                    try await outbound.write(.head(head))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body))))
                    try await outbound.write(.end(nil))
                    var status = 0
                    var received = Data()
                    for try await part in inbound {
                        switch part {
                        case .head(let response): status = Int(response.status.code)
                        case .body(let buffer):
                            guard received.count + buffer.readableBytes <= limit else { throw Failure(description: "response larger than \(limit) bytes") }
                            received.append(contentsOf: buffer.readableBytesView)
                        case .end: return Reply(status: status, body: received)
                        }
                    }
                    throw Failure(description: "connection closed before the response ended")
                }
            }
            group.addTask {
                try await Task.sleep(for: deadline)
                throw Failure(description: "no response within \(deadline)")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw Failure(description: "no result") }
            return first
        }
    }
}
