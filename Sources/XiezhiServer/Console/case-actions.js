// The forms for a case's allowed actions. Each field maps to the action's payload (see /openapi.json); actions
// with nested payloads (hearings, consent, summary decisions) get a JSON editor pre-filled with a template.
"use strict";

const CaseActions = {
  nowLocal() {
    const d = new Date(Date.now() + 8 * 3600 * 1000);
    return d.toISOString().slice(0, 16);
  },
  iso(local) { return new Date(local + ":00+08:00").toISOString(); },

  /** field: [name, label, type, options] — type: text, textarea, number, yuan, datetime, select, checkbox, officers, file-hash */
  forms: {
    refuse_filing: [["reason", "不予立案理由", "textarea"]],
    file: [["officer_ids", "承办执法人员（两名持证）", "officers"]],
    add_evidence: [["kind", "证据种类", "select", [["electronic_data", "电子数据"], ["audio_visual", "视听资料"], ["documentary", "书证"], ["physical", "物证"], ["witness", "证人证言"], ["party_statement", "当事人陈述"], ["expert_opinion", "鉴定意见"], ["inspection_record", "勘验笔录、现场笔录"]]],
      ["description", "证据说明", "text"], ["source", "来源", "text"], ["file", "证据文件（计算 SHA-256）", "file-hash"]],
    extend_decision_limit: [["reason", "延长理由", "textarea"]],
    notify: [["limit_kg", "限值（千克）", "number"], ["gross_kg", "车货总质量（千克）", "number"]],
    record_statement: [["stated_by", "陈述人", "text"], ["content", "陈述申辩内容", "textarea"], ["waives_rights", "当事人明确放弃陈述申辩（及听证）权利", "checkbox"]],
    request_hearing: [["requested_by", "申请人", "text"]],
    submit_for_legal_review: [["note", "提请说明", "textarea"]],
    approve_legal_review: [["opinion", "审核意见", "textarea"]],
    return_legal_review: [["reason", "退回理由", "textarea"]],
    decide: [["number", "决定书文号（留空自动编号）", "text"]],
    decide_no_penalty: [["ground", "不予处罚理由", "select", [["first_violation", "首违不罚"], ["minor_and_corrected", "轻微并及时改正"], ["no_fault", "没有主观过错"], ["facts_not_established", "违法事实不能成立"]]], ["education_record", "教育记录", "textarea"]],
    report_suspected_crime: [["reason", "涉嫌犯罪情况", "textarea"]],
    transfer_to_police: [["police_agency", "接收公安机关", "text"], ["approved_at", "批准移送时间", "datetime"]],
    decline_transfer: [["reason", "不予移送理由", "textarea"]],
    serve: [["method", "送达方式", "select", [["direct", "直接送达"], ["left_at_address", "留置送达"], ["mail", "邮寄送达"], ["electronic", "电子送达"], ["commissioned", "委托送达"], ["announcement", "公告送达"]]], ["recipient", "受送达人", "text"], ["proof", "送达凭证", "text"]],
    record_payment: [["amount", "缴款金额（元）", "yuan"], ["paid_at", "缴款时间", "datetime"], ["reference", "缴款凭证号", "text"]],
    remind: [["reference", "催告书文号", "text"]],
    record_appeal: [["kind", "类型", "select", [["administrative_review", "行政复议"], ["litigation", "行政诉讼"]]], ["filed_at", "提起时间", "datetime"], ["body", "受理机关", "text"]],
    conclude_appeal: [["outcome", "结果", "select", [["upheld", "维持"], ["revoked", "撤销"], ["changed", "变更"], ["withdrawn", "撤回"]]], ["summary", "结果摘要", "textarea"]],
    apply_to_court: [["court", "人民法院", "text"], ["reference", "申请书文号", "text"]],
    close: [["report", "结案报告", "textarea"]],
    file_summary: [["reference", "备案编号", "text"]],
    notice_owner: [["channel", "告知方式", "select", [["app", "应用程序推送"], ["sms", "短信"], ["mail", "邮寄"], ["announcement", "网上公告（前次告知未成功时）"]]], ["delivered", "已送达车主（公告：已发布）", "checkbox"], ["effective_at", "送达时间 / 公告期满时间", "datetime"], ["proof", "回执、短信编号、邮件单号或公告网址", "text"]],
    record_owner_appearance: [["note", "到案情况", "textarea"]],
    identify_parties: [["driver", "驾驶人（person:身份证号，可留空）", "text"], ["carrier", "运输企业（organisation:统一社会信用代码，可留空）", "text"]],
  },

  templates: {
    record_service_consent: { consent: { reference: "送达地址确认书编号", addresses: ["手机 138xxxxxxxx"], signed_at: new Date().toISOString() } },
    schedule_hearing: { schedule: { hearing_at: new Date(Date.now() + 8 * 86400000).toISOString(), place: "听证室", chair: { account_id: "主持人账号ID", name: "主持人姓名" } } },
    hold_hearing: { record: { chair: { account_id: "主持人账号ID", name: "主持人姓名" }, party_attended: true, summary: "听证笔录摘要" } },
    summary_decision: { penalty: { measures: [{ kind: "fine", amount: 20000 }], citation: { law: "法规名称", article: "第X条", confidence: "text" }, reasoning: ["裁量理由"] }, officer_ids: ["本人账号ID", "同行执法人员账号ID"], recipient: "当事人姓名" },
  },

  async officerOptions() {
    try {
      const accounts = await Xiezhi.api("GET", "/api/v1/accounts");
      return accounts.filter((a) => a.certificate_number && a.active).map((a) => [a.id, `${a.display_name}（${a.role_name}，证号 ${a.certificate_number}）`]);
    } catch { return null; }
  },

  async render(container, detail, submit) {
    const e = Xiezhi.escape;
    container.innerHTML = detail.allowed_actions.length ? "" : `<span class="muted">当前阶段本账号无可办理事项</span>`;
    const violation = detail.record.violation_kind;
    for (const { action, label } of detail.allowed_actions) {
      const form = document.createElement("form");
      form.dataset.action = action;
      let fields = CaseActions.forms[action];
      if (action === "notify" && violation !== "overload") fields = null;
      let html = `<strong>${e(label)}</strong>`;
      if (fields) {
        for (const [name, text, type, options] of fields) {
          if (type === "textarea") html += `<label style="flex-basis:100%">${text}<textarea name="${name}" rows="2"></textarea></label>`;
          else if (type === "select") html += `<label>${text}<select name="${name}">${options.map(([v, t]) => `<option value="${v}">${t}</option>`).join("")}</select></label>`;
          else if (type === "checkbox") html += `<label><span><input type="checkbox" name="${name}"> ${text}</span></label>`;
          else if (type === "datetime") html += `<label>${text}<input type="datetime-local" name="${name}" value="${CaseActions.nowLocal()}"></label>`;
          else if (type === "number" || type === "yuan") html += `<label>${text}<input type="number" step="${type === "yuan" ? "0.01" : "1"}" name="${name}"></label>`;
          else if (type === "officers") html += `<label>${text}<select name="${name}" multiple size="4" data-officers></select></label>`;
          else if (type === "file-hash") html += `<label>${text}<input type="file" name="${name}"><input name="sha256" placeholder="或直接填写 SHA-256" size="66"></label>`;
          else html += `<label>${text}<input name="${name}"></label>`;
        }
      } else {
        const template = action === "notify"
          ? { penalty: { measures: [{ kind: "fine", amount: 20000 }], citation: { law: "法规名称", article: "第X条", confidence: "text" }, reasoning: ["裁量理由"] } }
          : CaseActions.templates[action] || {};
        html += `<label style="flex-basis:100%">内容（JSON）<textarea name="json" rows="6">${e(JSON.stringify(template, null, 2))}</textarea></label>`;
      }
      html += `<button type="submit">${e(label)}</button><span class="error"></span>`;
      form.innerHTML = html;
      container.appendChild(form);
      const officers = form.querySelector("[data-officers]");
      if (officers) {
        CaseActions.officerOptions().then((options) => {
          if (options) officers.innerHTML = options.map(([v, t]) => `<option value="${v}">${e(t)}</option>`).join("");
          else officers.outerHTML = `<input name="officer_ids" placeholder="两名执法人员账号ID，逗号分隔" size="60">`;
        });
      }
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const error = form.querySelector(".error");
        error.textContent = "";
        try {
          await submit(action, await CaseActions.payload(form, fields));
        } catch (err) { error.textContent = err.message; }
      });
    }
  },

  async payload(form, fields) {
    if (!fields) return JSON.parse(form.elements.json.value);
    const payload = {};
    for (const [name, , type] of fields) {
      const el = form.elements[name];
      if (type === "checkbox") payload[name] = el.checked;
      else if (type === "number") { if (el.value) payload[name] = Number(el.value); }
      else if (type === "yuan") payload[name] = Math.round(Number(el.value) * 100);
      else if (type === "datetime") { if (el.value) payload[name] = CaseActions.iso(el.value); }
      else if (type === "officers") payload[name] = el.tagName === "SELECT" ? Array.from(el.selectedOptions).map((o) => o.value) : el.value.split(/[,，\s]+/).filter(Boolean);
      else if (type === "file-hash") {
        let hash = form.elements.sha256.value.trim();
        if (el.files && el.files[0]) {
          const digest = await crypto.subtle.digest("SHA-256", await el.files[0].arrayBuffer());
          hash = Array.from(new Uint8Array(digest)).map((b) => b.toString(16).padStart(2, "0")).join("");
        }
        payload.sha256 = hash;
      } else if (el.value !== "") payload[name] = el.value;
    }
    const action = form.dataset.action;
    if (action === "add_evidence") return { item: payload };
    if (action === "notify") return { overload: { limit_kg: payload.limit_kg, gross_kg: payload.gross_kg } };
    return payload;
  },
};
