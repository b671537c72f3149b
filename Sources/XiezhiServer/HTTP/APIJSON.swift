import Foundation
import Hummingbird
import NIOCore
import XiezhiStore

/// JSON on the API: snake_case keys, UTC ISO 8601 times with milliseconds, sorted keys (stable output).
public enum APIJSON {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }

    public static var decoder: JSONDecoder {
        let decoder = CanonicalJSON.decoder
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    /// Encodes responses with ``APIJSON/encoder``.
    public struct ResponseEncoder: Hummingbird.ResponseEncoder {
        public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response {
            let data = try APIJSON.encoder.encode(value)
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// Decodes request bodies with ``APIJSON/decoder``; a malformed body is a 400 problem naming the field.
    public struct RequestDecoder: Hummingbird.RequestDecoder {
        public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
            var request = request
            let buffer = try await request.collectBody(upTo: context.maxUploadSize)
            return try APIJSON.decodeBody(type, from: Data(buffer.readableBytesView))
        }
    }

    /// Decodes bytes into `T`, turning decoding errors into a 400 problem that says what and where.
    public static func decodeBody<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard !data.isEmpty else { throw Problem.badRequest("malformed_json", "the request body is empty; a JSON object is expected") }
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw Problem.badRequest("malformed_json", describe(error))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
            return keys.isEmpty ? "the body" : "'" + keys.joined(separator: ".") + "'"
        }
        switch error {
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError, context.codingPath.isEmpty {
                return "the body is not valid JSON (\(underlying.localizedDescription))"
            }
            return "\(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            var keys = context.codingPath.map(\.stringValue)
            keys.append(key.stringValue)
            return "missing field '\(keys.map(snakeCase).joined(separator: "."))'"
        case .typeMismatch(let type, let context):
            return "\(path(context)) has the wrong type; expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context)) is null; expected \(type)"
        @unknown default:
            return "the body could not be decoded"
        }
    }

    static func snakeCase(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
