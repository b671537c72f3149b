import Foundation
import Hummingbird
import Logging
import NIOCore
import XiezhiCore
import XiezhiStore

/// An RFC 9457 problem: every error the API returns is `application/problem+json` with a machine-readable
/// `code` and a `detail` that says why.
public struct Problem: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var detail: String

    public init(status: HTTPResponse.Status, code: String, detail: String) {
        self.status = status
        self.code = code
        self.detail = detail
    }

    public static func badRequest(_ code: String, _ detail: String) -> Problem { Problem(status: .badRequest, code: code, detail: detail) }
    public static func unauthorized(_ detail: String) -> Problem { Problem(status: .unauthorized, code: "unauthenticated", detail: detail) }
    public static func forbidden(_ code: String = "forbidden", _ detail: String) -> Problem { Problem(status: .forbidden, code: code, detail: detail) }
    public static func notFound(_ detail: String) -> Problem { Problem(status: .notFound, code: "not_found", detail: detail) }

    struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var code: String
        var instance: String?
    }

    func response(instance: String?) -> Response {
        let body = Body(
            type: "https://xiezhi.example/problems/\(code)", title: status.reasonPhrase, status: status.code,
            detail: detail, code: code, instance: instance)
        let data = (try? APIJSON.encoder.encode(body)) ?? Data()
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Maps a domain refusal to its HTTP status by its code.
    static func from(_ error: DomainError) -> Problem {
        let status: HTTPResponse.Status
        switch error.code {
        case let code where code.hasSuffix("_not_found"): status = .notFound
        case "wrong_jurisdiction", "role_not_allowed", "not_unit_member": status = .forbidden
        case "username_taken", "double_penalty", "duplicate", "already_exists", "alert_not_open", "already_dispatched": status = .conflict
        case let code where code.hasPrefix("invalid_") || code.hasPrefix("missing_"): status = .badRequest
        default: status = .unprocessableContent
        }
        return Problem(status: status, code: error.code, detail: error.reason)
    }
}

/// Turns every error thrown below it into a problem response; unknown errors are logged in full and answered with a
/// generic 500 that leaks nothing.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error, request: request, context: context)
            return problem.response(instance: request.uri.path)
        }
    }

    static func problem(for error: any Error, request: Request, context: Context) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let domain as DomainError:
            return Problem.from(domain)
        case let store as StoreError:
            context.logger.error("store failure", metadata: ["error.code": "\(store.code)", "error.reason": "\(store.reason)"])
            return Problem(status: .internalServerError, code: "internal_error", detail: "the node could not complete the request")
        case let http as any HTTPResponseError:
            let status = http.status
            let code: String
            let detail: String
            switch status {
            case .notFound: (code, detail) = ("not_found", "no route \(request.method) \(request.uri.path)")
            case .contentTooLarge: (code, detail) = ("body_too_large", "the request body exceeds \(context.maxUploadSize) bytes")
            case .methodNotAllowed: (code, detail) = ("method_not_allowed", "\(request.method) is not allowed on \(request.uri.path)")
            default:
                code = "http_\(status.code)"
                detail = (http as? HTTPError)?.body ?? status.reasonPhrase
            }
            return Problem(status: status, code: code, detail: detail)
        default:
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return Problem(status: .internalServerError, code: "internal_error", detail: "the node could not complete the request")
        }
    }
}
