import Foundation
import XiezhiCore

/// The printable case documents, filled from the case and the rule tables: Chinese HTML with A4 print CSS.
enum CaseDocumentKind: String, CaseIterable, Sendable {
    /// 立案审批表
    case filingApproval = "filing-approval"
    /// 行政处罚事先告知书
    case priorNotice = "prior-notice"
    /// 行政处罚决定书
    case decision

    var title: String {
        switch self {
        case .filingApproval: "立案审批表"
        case .priorNotice: "行政处罚事先告知书"
        case .decision: "行政处罚决定书"
        }
    }

    func isAvailable(for value: EnforcementCase) -> Bool {
        switch self {
        case .filingApproval: value.filing != nil
        case .priorNotice: value.notice != nil
        case .decision: value.decision != nil
        }
    }
}

/// What a document needs besides the case: the agency, the rules in force for it, and display names.
struct DocumentContext {
    var agencyName: String
    var jurisdictionName: String
    var rules: ProcedureRuleSet
    var violationName: String
    /// The subject as the party is named on paper (registered label, else the key).
    var partyName: String
}

enum CaseDocumentRenderer {
    static func render(_ kind: CaseDocumentKind, _ value: EnforcementCase, context: DocumentContext) -> String {
        let body: String
        switch kind {
        case .filingApproval: body = filingApproval(value, context)
        case .priorNotice: body = priorNotice(value, context)
        case .decision: body = decision(value, context)
        }
        return page(title: kind.title, agency: context.agencyName, body: body)
    }

    // MARK: 立案审批表

    static func filingApproval(_ value: EnforcementCase, _ context: DocumentContext) -> String {
        guard let filing = value.filing else { return "" }
        let officers = filing.officers.map { "\(e($0.name))（执法证号 \(e($0.certificateNumber))）" }.joined(separator: "、")
        return """
        <p class="number">\(e(filing.registerNumber))</p>
        <table class="form">
          <tr><th>案由</th><td colspan="3">涉嫌\(e(context.violationName))</td></tr>
          <tr><th>案件来源</th><td>\(e(value.source))</td><th>发现时间</th><td>\(ChinaTime.format(value.discoveredAt))</td></tr>
          <tr><th>当事人</th><td colspan="3">\(e(context.partyName))（\(e(value.partyKind.chineseName))）</td></tr>
          <tr><th>违法时间</th><td>\(ChinaTime.format(value.occurredAt))</td><th>违法地点</th><td>\(e(value.place?.text ?? "—"))</td></tr>
          <tr><th>简要案情</th><td colspan="3" class="tall">\(e(value.facts))</td></tr>
          <tr><th>承办人</th><td colspan="3">\(officers)<br><span class="note">执法人员不少于两人（\(e(context.rules.investigation.minimumOfficers.citation.description))）</span></td></tr>
          <tr><th>审批意见</th><td colspan="3" class="tall">同意立案。<br><br>审批人：\(e(filing.approvedBy))　　\(ChinaTime.formatChineseDate(filing.at))</td></tr>
        </table>
        """
    }

    // MARK: 行政处罚事先告知书

    static func priorNotice(_ value: EnforcementCase, _ context: DocumentContext) -> String {
        guard let notice = value.notice else { return "" }
        let rules = context.rules
        let hearing = notice.hearingGrounds.isEmpty ? "" : """
        <p>根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求举行听证（\(notice.hearingGrounds.map(e).joined(separator: "；"))）。\
        如要求听证，应当在收到本告知书之日起\(rules.hearing.requestWindow.documentText)内提出，逾期视为放弃听证权利。</p>
        """
        return """
        <p class="number">\(e(value.filing?.registerNumber ?? ""))</p>
        <p class="party">\(e(context.partyName))：</p>
        <p>经查，你（单位）于\(ChinaTime.formatChineseDate(value.occurredAt))在\(e(value.place?.text ?? "本机关辖区"))实施了\(e(context.violationName))的违法行为。\(e(value.facts))</p>
        \(evidenceParagraph(value))
        <p>以上事实违反了有关法律法规的规定。依据\(citation(notice.penalty.citation))，本机关拟对你（单位）作出如下行政处罚：<strong>\(e(measuresText(notice.penalty.measures)))</strong>。</p>
        \(reasoningList(notice.penalty.reasoning))
        <p>根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩。\
        请在收到本告知书之日起\(rules.statement.period.documentText)内向本机关提出陈述、申辩意见；逾期未提出的，视为放弃上述权利。</p>
        \(hearing)
        \(signature(context.agencyName, notice.at))
        """
    }

    // MARK: 行政处罚决定书

    static func decision(_ value: EnforcementCase, _ context: DocumentContext) -> String {
        guard let decision = value.decision else { return "" }
        let rules = context.rules
        let surcharge = rules.payment.surcharge
        let fine = decision.fineTotal > .zero ? """
        <p>罚款自收到本决定书之日起\(rules.payment.deadline.documentText)内缴至指定银行或者通过电子支付系统缴纳（\(citation(rules.payment.deadline.citation))）。\
        到期不缴纳罚款的，本机关可以每日按罚款数额的百分之\(ChineseNumerals.text(surcharge.percentPerDay))加处罚款，加处罚款的数额不超过罚款的数额（\(citation(surcharge.citation))），\
        并可以依法申请人民法院强制执行。</p>
        """ : ""
        return """
        <p class="number">\(e(decision.number))</p>
        <p class="party">当事人：\(e(context.partyName))（\(e(value.partyKind.chineseName))）</p>
        <p>当事人于\(ChinaTime.formatChineseDate(value.occurredAt))在\(e(value.place?.text ?? "本机关辖区"))实施了\(e(context.violationName))的违法行为。\(e(value.facts))</p>
        \(evidenceParagraph(value))
        <p>本机关已于\(value.notice.map { ChinaTime.formatChineseDate($0.at) } ?? "—")向当事人告知拟作出行政处罚的事实、理由、依据及其依法享有的权利。\(statementsText(value))</p>
        \(decision.fromRecords.map { "<p>本机关已依法告知车辆所有人接受处理，车辆所有人逾期未接受处理。依据\(citation($0))，本机关依据电子技术监控设备记录的违法事实作出本决定。</p>" } ?? "")
        <p>依据\(citation(decision.citation))，本机关决定对当事人作出如下行政处罚：<strong>\(e(measuresText(decision.measures)))</strong>。</p>
        \(reasoningList(decision.reasoning))
        \(fine)
        <p>如不服本决定，可以在收到本决定书之日起\(rules.enforcement.reviewPeriod.documentText)内依法申请行政复议，\
        或者在\(rules.enforcement.litigationPeriod.documentText)内依法向人民法院提起行政诉讼。\
        行政复议和行政诉讼期间，本决定不停止执行（《中华人民共和国行政处罚法》第七十三条）。</p>
        \(signature(context.agencyName, decision.decidedAt))
        """
    }

    // MARK: Parts

    static func evidenceParagraph(_ value: EnforcementCase) -> String {
        guard !value.evidence.isEmpty else { return "" }
        let items = value.evidence.map { item in
            "<li>\(e(item.kind.chineseName))：\(e(item.description))（来源：\(e(item.source))；SHA-256 <code>\(e(item.sha256))</code>）</li>"
        }.joined()
        return "<p>上述事实有下列证据证明：</p><ol class=\"evidence\">\(items)</ol>"
    }

    static func reasoningList(_ lines: [String]) -> String {
        guard !lines.isEmpty else { return "" }
        return "<p>裁量理由及计算：</p><ul class=\"reasoning\">" + lines.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
    }

    static func statementsText(_ value: EnforcementCase) -> String {
        if value.hearing?.isHeld == true { return "当事人要求听证，本机关依法组织了听证。" }
        if value.statements.isEmpty { return "当事人在规定期限内未提出陈述、申辩意见。" }
        return "当事人提出了陈述、申辩意见，本机关已进行复核。"
    }

    static func measuresText(_ measures: [PenaltyMeasure]) -> String {
        measures.map { measure in
            var text = measure.kind.chineseName
            if let amount = measure.amount { text += "人民币\(amount)元" }
            if let detail = measure.detail, !detail.isEmpty { text += "（\(detail)）" }
            return text
        }.joined(separator: "；")
    }

    static func citation(_ citation: Citation) -> String {
        let law = citation.law.hasPrefix("《") ? citation.law : "《\(citation.law)》"
        return e("\(law)\(citation.article)") + (citation.confidence == .text ? "" : "<span class=\"note\">（依据待核）</span>")
    }

    static func signature(_ agency: String, _ date: Date) -> String {
        """
        <div class="signature"><p>\(e(agency))</p><p>（印章）</p><p>\(ChinaTime.formatChineseDate(date))</p></div>
        """
    }

    static func page(title: String, agency: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>\(e(title))</title>
        <style>
        @page { size: A4; margin: 25mm 20mm; }
        body { font-family: "FangSong","STFangsong","Noto Serif CJK SC","Source Han Serif SC",serif; font-size: 16pt; line-height: 1.8; color: #000; max-width: 170mm; margin: 0 auto; }
        h1 { text-align: center; font-family: "SimHei","Noto Sans CJK SC",sans-serif; font-size: 22pt; margin: 0 0 4mm; letter-spacing: 2pt; }
        .agency { text-align: center; font-size: 18pt; margin-top: 10mm; }
        .number { text-align: right; }
        .party { font-weight: bold; }
        p { text-indent: 2em; margin: 2mm 0; }
        p.number, p.party, .signature p { text-indent: 0; }
        table.form { width: 100%; border-collapse: collapse; font-size: 13pt; }
        table.form th, table.form td { border: 1px solid #000; padding: 2mm 3mm; vertical-align: top; }
        table.form th { width: 22mm; white-space: nowrap; }
        td.tall { height: 30mm; }
        .note { font-size: 10pt; color: #444; }
        code { font-size: 8pt; word-break: break-all; }
        ol.evidence, ul.reasoning { font-size: 13pt; }
        .signature { text-align: right; margin-top: 15mm; }
        @media print { .noprint { display: none; } }
        </style></head>
        <body>
        <p class="noprint" style="text-indent:0"><button onclick="window.print()">打印</button></p>
        <div class="agency">\(e(agency))</div>
        <h1>\(e(title))</h1>
        \(body)
        </body></html>
        """
    }

    /// HTML-escapes text.
    static func e(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
