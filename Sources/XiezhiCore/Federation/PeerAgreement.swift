/// What two agencies agreed may flow between their nodes (协作协议): the message kinds, and the body fields
/// (数据最小化). The same agreement governs both directions: this node sends only what it names and refuses what it
/// does not.
public struct PeerAgreement: Codable, Hashable, Sendable {
    /// Message kinds (``FederationKind`` raw values).
    public var kinds: Set<String>
    /// Body fields that may flow, for every kind. Fields a kind needs but the agreement lacks make that kind unusable.
    public var fields: Set<String>
    /// Working days the receiving agency has to accept or reject a referred clue (the agreement's term, e.g. 3).
    public var referralAcceptWorkingDays: Int

    public init(kinds: Set<String>, fields: Set<String>, referralAcceptWorkingDays: Int = 3) {
        self.kinds = kinds
        self.fields = fields
        self.referralAcceptWorkingDays = referralAcceptWorkingDays
    }

    /// Every kind, and every field of those kinds except the personal ones not listed in `personal`.
    public static func standard(kinds: Set<String> = Set(FederationKind.allCases.map(\.rawValue)), personal: Set<String> = []) -> PeerAgreement {
        let known = kinds.compactMap(FederationKind.init(rawValue:)).reduce(into: Set<String>()) { $0.formUnion($1.knownFields) }
        return PeerAgreement(kinds: kinds, fields: known.subtracting(FederationKind.personalFields).union(personal))
    }

    /// Refuses a message of `kind` with these body fields unless the agreement allows both.
    public func check(kind: String, bodyFields: Set<String>) throws(FederationRefusal) {
        guard kinds.contains(kind) else {
            throw FederationRefusal(.kindNotAgreed, "the agreement with this sender does not include messages of kind '\(kind)'")
        }
        let outside = bodyFields.subtracting(fields)
        guard outside.isEmpty else {
            throw FederationRefusal(.fieldNotAgreed, "field(s) \(outside.sorted().joined(separator: ", ")) are outside the agreement (数据最小化)")
        }
    }

    /// The fields of a body that may be sent, or a refusal naming the required ones the agreement lacks. `oneOf`: fields
    /// of which at least one present must be sent (a watchlist entry's plate, MMSI or ship name).
    public func outgoingFields(kind: FederationKind, present: Set<String>, oneOf: Set<String> = []) throws(FederationRefusal) -> Set<String> {
        guard kinds.contains(kind.rawValue) else {
            throw FederationRefusal(.kindNotAgreed, "the agreement does not include messages of kind '\(kind.rawValue)'")
        }
        let missing = kind.requiredFields.subtracting(fields)
        guard missing.isEmpty else {
            throw FederationRefusal(.fieldNotAgreed, "the agreement lacks field(s) \(missing.sorted().joined(separator: ", ")) that '\(kind.rawValue)' needs")
        }
        let identifying = present.intersection(oneOf)
        guard identifying.isEmpty || !identifying.isDisjoint(with: fields) else {
            throw FederationRefusal(.fieldNotAgreed, "the agreement names none of \(identifying.sorted().joined(separator: ", ")); '\(kind.rawValue)' needs one")
        }
        return present.intersection(fields)
    }
}
