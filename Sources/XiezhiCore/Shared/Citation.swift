/// Where a legal number or rule comes from: the instrument and the article.
///
/// Every limit, fine and deadline the code applies is read from data together with its citation, so that an
/// automated decision can always show "which article, which number".
public struct Citation: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The instrument, e.g. `超限运输车辆行驶公路管理规定（交通运输部令2016年第62号）`.
    public var law: String
    /// The article, e.g. `第四十三条` or `Art. 43`.
    public var article: String
    /// How sure the project is of the text (`text`, `secondary`, `unverified`), as labelled in the reference notes.
    public var confidence: Confidence

    public enum Confidence: String, Codable, Sendable {
        case text, secondary, unverified
    }

    public init(law: String, article: String, confidence: Confidence = .text) {
        self.law = law
        self.article = article
        self.confidence = confidence
    }

    /// `law article`, e.g. `中华人民共和国行政处罚法 第六十条`.
    public var description: String { "\(law) \(article)" }
}
