import Foundation
import Hummingbird
import NIOCore

/// `GET /openapi.json`: the API description, a file kept beside the code and checked against the router by a
/// test (every declared route is documented with the same access, and every documented operation exists).
struct OpenAPIController: APIController {
    func register(on api: APIRouter) {
        api.on(.get, "/openapi.json", access: .anonymous, summary: "The OpenAPI 3.1 document") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try OpenAPIDocument.data())))
        }
    }
}

/// The bundled `openapi.json`.
public enum OpenAPIDocument {
    public static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "OpenAPI") else {
            throw Problem(status: .internalServerError, code: "openapi_missing", detail: "openapi.json is not bundled")
        }
        return try Data(contentsOf: url)
    }
}

/// The console's static files (Chinese pages, scripts, Leaflet-free SVG map).
enum ConsoleFiles {
    static var directory: URL? {
        Bundle.module.url(forResource: "Console", withExtension: nil)
    }
}
