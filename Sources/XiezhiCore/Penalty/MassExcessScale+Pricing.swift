extension MassExcessScale {
    /// Prices a gross mass against its limit: no violation, the lenient tier, or the banded per-tonne fine
    /// rounded by `amountRounding` and capped at `cap`.
    func price(_ facts: MassFacts) throws -> PricedScale {
        if let problem {
            throw DomainError(code: "invalid_benchmark_value", reason: "the mass_excess scale cannot price: \(problem)")
        }
        let limit = facts.limitKg
        let excessKg = facts.grossKg - limit
        guard excessKg > 0 else {
            let line = "车货总质量 \(NoticeFormat.grouped(facts.grossKg)) 千克，未超过限值 \(NoticeFormat.grouped(limit)) 千克，不构成超限运输违法行为"
            let step = PenaltyStep(kind: .noViolation, label: "未超限", quantity: Measure.kg(centi: facts.grossKg * 100), line: line)
            return PricedScale(outcome: .none, amount: .zero, steps: [step], citations: [])
        }
        let excess = excessKg * 100
        let percent = NoticeFormat.percentHundredths(part: excessKg, of: limit)
        var steps = [
            PenaltyStep(
                kind: .facts, label: "超限",
                quantity: Measure.kg(centi: excess),
                line: "车货总质量 \(NoticeFormat.grouped(facts.grossKg)) 千克，限值 \(NoticeFormat.grouped(limit)) 千克，"
                    + "超限 \(NoticeFormat.grouped(excessKg)) 千克（\(NoticeFormat.percent(hundredths: percent))）"
            ),
        ]

        if let lenient, excess <= lenient.upTo.centiKg(limitKg: limit) {
            let bound = switch lenient.upTo {
            case .kg: " \(lenient.upTo.chinese)"
            case .percentOfLimit: "限值的 \(lenient.upTo.chinese)"
            }
            steps.append(PenaltyStep(
                kind: .lenient, label: "超限未超过\(bound)", quantity: Measure.kg(centi: excess),
                line: "超限未超过\(bound)：\(lenient.outcome.chineseName)"
            ))
            return PricedScale(outcome: lenient.outcome, amount: .zero, steps: steps, citations: [lenient.citation])
        }

        var citations: [Citation] = []
        let lowest = bands[0].from
        let unfined = min(lowest.centiKg(limitKg: limit), excess)
        if unfined > 0 {
            let label = "超限 \(lowest.chineseBeforeWord)以内部分"
            steps.append(PenaltyStep(
                kind: .unfinedPortion, label: label, quantity: Measure.kg(centi: unfined), amount: .zero,
                line: "\(label) \(NoticeFormat.kgText(centi: unfined))，不计罚款"
            ))
        }

        var total = Money.zero
        for band in bands {
            let start = band.from.centiKg(limitKg: limit)
            let end = band.to.map { $0.centiKg(limitKg: limit) } ?? Int.max
            let portion = min(excess, end) - start
            guard portion > 0 else { continue }
            let (amount, counted) = price(portion: portion, yuanPerTonne: band.yuanPerTonne)
            total += amount
            citations.append(band.citation)
            steps.append(PenaltyStep(
                kind: .band, label: band.chineseLabel,
                quantity: Measure.kg(centi: portion), rate: Measure.yuanPerTonne(band.yuanPerTonne), amount: amount,
                line: "\(band.chineseLabel) \(NoticeFormat.kgText(centi: portion))\(counted) × "
                    + "\(NoticeFormat.grouped(band.yuanPerTonne)) 元/吨 = \(NoticeFormat.yuanText(amount))"
            ))
        }

        let rounded = amountRounding.apply(to: total)
        if rounded != total {
            steps.append(PenaltyStep(
                kind: .rounding, label: amountRounding.chineseName, amount: rounded,
                line: "\(NoticeFormat.yuanText(total))\(amountRounding.chineseName)为 \(NoticeFormat.yuanText(rounded))"
            ))
        }
        let capped = min(rounded, cap.money)
        citations.append(cap.citation)
        let capText = NoticeFormat.yuanText(cap.money)
        let totalLine = rounded > cap.money
            ? "合计 \(NoticeFormat.yuanText(rounded))，超过最高 \(capText)，按最高 \(capText)计"
            : "合计 \(NoticeFormat.yuanText(rounded))，未超过最高 \(capText)"
        steps.append(PenaltyStep(kind: .total, label: "合计", amount: capped, line: totalLine))
        return PricedScale(outcome: .fine, amount: capped, steps: steps, citations: citations)
    }

    /// The amount for `portion` hundredths of a kilogram at `yuanPerTonne`, and the `（不足 1 吨按 1 吨计，计 N 吨）`
    /// note when the counting rule counts whole tonnes.
    private func price(portion: Int, yuanPerTonne: Int) -> (Money, String) {
        let centiKgPerTonne = 100_000
        switch massCounting {
        case .exactKg:
            // fen = (portion / 100 kg) × (yuanPerTonne / 1,000 kg) × 100 fen/yuan, to the nearest fen.
            return (Money(fen: (portion * yuanPerTonne + 500) / 1000), "")
        case .startedTonne:
            let tonnes = (portion + centiKgPerTonne - 1) / centiKgPerTonne
            return (Money(yuan: tonnes * yuanPerTonne), "（不足 1 吨按 1 吨计，计 \(tonnes) 吨）")
        case .wholeTonne:
            let tonnes = portion / centiKgPerTonne
            return (Money(yuan: tonnes * yuanPerTonne), "（不足 1 吨不计，计 \(tonnes) 吨）")
        }
    }
}
