import Metrics
import XiezhiWire

/// The gateway's counters in `/metrics`, made once: a `Counter(label:)` per frame would look the metric up in the
/// registry (a lock and a hash of its label and dimensions) every time.
struct JT808Counters: Sendable {
    let connections = Counter(label: "xiezhi_jt808_connections_total")
    let positions = Counter(label: "xiezhi_jt808_positions_total")
    let events: [JT808SessionCounter.Kind: Counter] = Dictionary(
        uniqueKeysWithValues: JT808SessionCounter.Kind.allCases.map { ($0, Counter(label: "xiezhi_jt808_events_total", dimensions: [("kind", $0.rawValue)])) })
}
