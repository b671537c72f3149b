import Hummingbird

/// `limit` / `offset` query parameters: limit 1…200 (default 50), offset ≥ 0.
enum Pagination {
    static let defaultLimit = 50
    static let maximumLimit = 200

    /// `maximum`: a larger cap for lists a map draws whole (vessels, vehicles).
    static func limit(_ query: Parameters, maximum: Int = maximumLimit) throws -> Int {
        guard let text = query.get("limit") else { return defaultLimit }
        guard let value = Int(text), (1...maximum).contains(value) else {
            throw Problem.badRequest("invalid_query", "'limit' must be an integer from 1 to \(maximum)")
        }
        return value
    }

    static func offset(_ query: Parameters) throws -> Int {
        guard let text = query.get("offset") else { return 0 }
        guard let value = Int(text), value >= 0 else { throw Problem.badRequest("invalid_query", "'offset' must be a non-negative integer") }
        return value
    }
}

/// A page of a list: the items, the total matching, and the paging used.
struct Page<Item: Encodable & Sendable>: ResponseEncodable, Sendable {
    var items: [Item]
    var total: Int
    var limit: Int
    var offset: Int
}
