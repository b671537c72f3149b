import Foundation

/// A kind of evidence that identified a ship at a checkpoint.
public enum IdentificationSource: String, CaseIterable, Hashable, Codable, Sendable {
    /// AIS — the ship's MMSI crossed the checkpoint line at the passage time.
    case ais
    /// 船名识别 — the camera read its name.
    case ocr
    /// 船舶指纹 — the laser measurement matches its fingerprint.
    case fingerprint

    /// The Chinese name, e.g. `船名识别`.
    public var chineseName: String {
        switch self {
        case .ais: "AIS"
        case .ocr: "船名识别"
        case .fingerprint: "船舶指纹"
        }
    }
}
