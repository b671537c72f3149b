/// Reads a record's snake_case keys whatever key strategy the decoder was given.
///
/// The fast path reads the keys as the interface spells them (`record_id`). Only when a key is missing does it read
/// the object again with the camelCase forms (what `.convertFromSnakeCase` turns `record_id` into); if that fails
/// too, the first error is thrown, so a "missing key" error names the key as the interface spells it. (Asking the
/// container whether each key exists first would halve the decoding speed.) This relies on every type read this way
/// having a required multi-word key (`record_id`, `weight_kg`), so that the snake_case pass cannot succeed on a
/// camelCase object.
struct RecordKeys {
    let container: KeyedDecodingContainer<AnyCodingKey>
    let camelCase: Bool

    /// Decodes with `body`, snake_case first, camelCase when a key was missing.
    static func decode<Value>(_ decoder: any Decoder, _ body: (RecordKeys) throws -> Value) throws -> Value {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        do {
            return try body(RecordKeys(container: container, camelCase: false))
        } catch let original as DecodingError {
            guard case .keyNotFound = original else { throw original }
            do {
                return try body(RecordKeys(container: container, camelCase: true))
            } catch {
                throw original
            }
        }
    }

    /// The key to read for the interface name `snake` (e.g. `record_id`).
    func key(_ snake: String) -> AnyCodingKey {
        AnyCodingKey(stringValue: camelCase ? Self.camelCase(snake) : snake)
    }

    func decode<T: Decodable>(_ type: T.Type, _ snake: String) throws -> T {
        try container.decode(type, forKey: key(snake))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, _ snake: String) throws -> T? {
        try container.decodeIfPresent(type, forKey: key(snake))
    }

    /// `registered_mass_kg` → `registeredMassKg`.
    static func camelCase(_ snake: String) -> String {
        let parts = snake.split(separator: "_", omittingEmptySubsequences: true)
        guard let first = parts.first else { return snake }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
