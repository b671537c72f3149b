// 獬豸 console: 跨区域协作 — clues referred between agencies (移交违法线索), partners' requests (送达互助, 抄告车籍地)
// and joint operations (联合执法行动), all on the node's JSON API. Partner nodes are named by their local peer name;
// agencies on an operation by jurisdiction code, shown with the region's agency names.
"use strict";
(() => {
  const account = Xiezhi.requireLogin();
  if (!account) return;
  Xiezhi.header("collab");
  const e = Xiezhi.escape;
  const time = (iso) => Xiezhi.chinaTime(iso);
  const $ = (id) => document.getElementById(id);

  // Who may do what (the API's route policies; the API refuses anyone else anyway).
  const can = {
    refer: ["officer", "case_handler", "agency_head", "partner_liaison"].includes(account.role),
    decide: ["agency_head", "partner_liaison"].includes(account.role),
    prove: ["partner_liaison", "case_handler", "agency_head"].includes(account.role),
    organise: ["commander", "agency_head", "partner_liaison"].includes(account.role),
  };

  const violationKinds = { overload: "超限超载", illegal_operation: "非法营运", dangerous_goods: "危险货物运输", other: "其他" };
  const referralSteps = { referred: "移交线索", accepted: "接收", rejected: "退回", concluded: "反馈处理结果" };
  const requestKinds = { notice_service_request: "送达互助", home_agency_copy: "抄告车籍地（第62号令第四十四条）" };
  const serviceMethods = { direct: "直接送达", left_at_address: "留置送达", mail: "邮寄送达", electronic: "电子送达", commissioned: "委托送达", announcement: "公告送达" };
  const targets = { overload: "超限超载", illegal_passenger_transport: "非法客运", dangerous_goods: "危险货物运输", waterway: "水路运输", transport_market_order: "运输市场秩序" };
  const operationStates = { planned: "已计划", under_way: "进行中", concluded: "已结束", cancelled: "已取消" };
  const options = (map) => Object.entries(map).map(([value, label]) => `<option value="${e(value)}">${e(label)}</option>`).join("");

  /** A datetime-local value, read as China time → ISO UTC. */
  const fromChinaInput = (value) => new Date(`${value}:00+08:00`).toISOString();
  /** Now as a datetime-local value in China time. */
  const chinaNowInput = () => time(new Date().toISOString()).replace(" ", "T");

  // The region (agency names, sites, borders) and the partner nodes, for labels and the forms.
  const agencies = new Map();
  let peers = [];
  const agencyName = (code) => agencies.get(code) || code;
  const peerLabel = (name) => {
    const peer = peers.find((p) => p.name === name);
    return peer && peer.jurisdictions.length ? `${agencyName(peer.jurisdictions[0])}（${name}）` : name;
  };

  async function loadContext() {
    try {
      const region = await Xiezhi.api("GET", "/api/v1/region");
      for (const feature of region.features) {
        const p = feature.properties;
        if (p.kind === "jurisdiction") agencies.set(p.code, p.agency);
        if (p.kind === "site") $("plan-site").add(new Option(p.name, p.id));
        if (p.kind === "border") $("plan-border").add(new Option(p.name, p.id));
      }
      $("plan-partners").insertAdjacentHTML("beforeend", [...agencies].filter(([code]) => code !== account.jurisdiction)
        .map(([code, name]) => `<label><input type="checkbox" name="partners" value="${e(code)}"> ${e(name)}（${e(code)}）</label>`).join(""));
    } catch (error) { $("plan-result").textContent = error.message; }
    $("plan-targets").insertAdjacentHTML("beforeend", Object.entries(targets)
      .map(([code, name]) => `<label><input type="checkbox" name="targets" value="${e(code)}"> ${e(name)}</label>`).join(""));
    try {
      peers = (await Xiezhi.api("GET", "/api/v1/federation/peers")).items;
    } catch { peers = []; } // Only the liaison, the head and the auditor see the peers; the others pick from known partners.
  }

  function fillPeerSelect() {
    const select = $("refer-peer");
    const names = peers.length
      ? peers.filter((p) => p.agreement.kinds.includes("referral")).map((p) => p.name)
      : [...new Set(referrals.map((r) => r.peer))];
    select.innerHTML = names.map((name) => `<option value="${e(name)}">${e(peerLabel(name))}</option>`).join("")
      || `<option value="">（无可移交的协作方）</option>`;
  }

  // ---- Tabs ----
  const loaders = { referrals: loadReferrals, requests: loadRequests, operations: loadOperations };
  function showTab(name) {
    if (!loaders[name]) name = "referrals";
    for (const tab of Object.keys(loaders)) $(`tab-${tab}`).hidden = tab !== name;
    for (const button of document.querySelectorAll("nav.tabs button")) button.classList.toggle("active", button.dataset.tab === name);
    history.replaceState(null, "", `#${name}`);
    loaders[name]();
  }
  for (const button of document.querySelectorAll("nav.tabs button")) button.addEventListener("click", () => showTab(button.dataset.tab));
  window.addEventListener("hashchange", () => showTab(location.hash.slice(1)));

  // ---- 线索移交 ----
  let referrals = [];
  let openReferral = null;

  async function loadReferrals() {
    $("referrals-error").textContent = "";
    try {
      const page = await Xiezhi.api("GET", "/api/v1/federation/referrals" + ($("overdue-only").checked ? "?overdue=true" : ""));
      referrals = page.items;
    } catch (error) { $("referrals-error").textContent = error.message; return; }
    for (const direction of ["incoming", "outgoing"]) {
      $(direction).innerHTML = referrals.filter((r) => r.direction === direction).map(referralRow).join("")
        || `<tr><td colspan="8" class="muted">无</td></tr>`;
    }
    if (!peers.length) fillPeerSelect();
    const open = referrals.find((r) => r.id === openReferral);
    if (open) showReferral(open); else $("referral-detail").hidden = true;
  }

  function referralStatus(r) {
    const css = r.status === "rejected" ? "soon" : r.status === "referred" ? "" : "met";
    return `<span class="badge ${css}">${e(r.status_name)}</span>${r.overdue ? ` <span class="badge overdue">超期</span>` : ""}`;
  }

  function referralRow(r) {
    return `<tr data-referral="${e(r.id)}"${r.id === openReferral ? ` class="selected"` : ""}>
      <td>${e(peerLabel(r.peer))}</td><td>${e(Xiezhi.subjectLabel(r.subject))}</td><td>${e(violationKinds[r.violation_kind] || r.violation_kind)}</td>
      <td>${e(r.summary)}</td><td>${time(r.referred_at)}</td><td>${time(r.accept_by)}</td><td>${referralStatus(r)}</td>
      <td><button type="button" class="secondary" data-open-referral="${e(r.id)}">详情</button></td></tr>`;
  }

  function referralActions(r) {
    if (r.direction !== "incoming" || !can.decide) return "";
    if (r.status === "referred") {
      return `<form data-referral-action="accept"><strong>接收线索</strong>
          <label>备注（可选） <input name="note" size="28"></label><button type="submit">接收</button></form>
        <form data-referral-action="reject"><strong>退回线索</strong>
          <label>退回理由 <input name="reason" size="36" required placeholder="如：违法地点不在本机关辖区"></label><button type="submit" class="secondary">退回</button></form>`;
    }
    if (r.status === "accepted") {
      return `<form data-referral-action="result"><strong>反馈处理结果</strong>
          <label>处理结果 <textarea name="result" required placeholder="如：已立案查处，罚款 5000 元"></textarea></label>
          <label>案件编号（可选） <input name="case_number" size="24"></label><button type="submit">反馈</button></form>`;
    }
    return "";
  }

  function showReferral(r) {
    openReferral = r.id;
    for (const row of document.querySelectorAll("tr[data-referral]")) row.classList.toggle("selected", row.dataset.referral === r.id);
    const incoming = r.direction === "incoming";
    const card = $("referral-detail");
    card.hidden = false;
    card.innerHTML = `<h2>线索详情：${e(Xiezhi.subjectLabel(r.subject))} <span class="muted">${incoming ? "协作方移交本机关" : "本机关移交协作方"}</span></h2>
      <div class="grid2"><div>
        <dl class="kv">
          <dt>${incoming ? "移交机关" : "接收机关"}</dt><dd>${e(peerLabel(r.peer))}</dd>
          <dt>违法类型</dt><dd>${e(violationKinds[r.violation_kind] || r.violation_kind)}</dd>
          <dt>违法地点</dt><dd>${e(r.place || "—")}</dd>
          <dt>发现时间</dt><dd>${r.occurred_at ? time(r.occurred_at) : "—"}</dd>
          <dt>线索概要</dt><dd>${e(r.summary)}</dd>
          <dt>移交时间</dt><dd>${time(r.referred_at)}</dd>
          <dt>接收期限</dt><dd>${time(r.accept_by)}${r.overdue ? ` <span class="badge overdue">超期</span>` : ""}</dd>
          <dt>状态</dt><dd>${referralStatus(r)}</dd>
          ${r.reason ? `<dt>退回理由</dt><dd>${e(r.reason)}</dd>` : ""}
          ${r.result ? `<dt>处理结果</dt><dd>${e(r.result)}</dd>` : ""}
          <dt>移交编号</dt><dd class="hash">${e(r.id)}</dd>
        </dl>
        <h2>证据材料</h2>
        <ul class="evidence">${r.evidence.map((f) => `<li><a href="#" data-evidence="${e(f.sha256)}" data-name="${e(f.name)}">${e(f.name)}</a>
          <span class="muted">${e(f.media_type)}，${f.size} 字节</span><div class="hash">SHA-256 ${e(f.sha256)}</div></li>`).join("") || `<li class="muted">无</li>`}</ul>
      </div><div>
        <h2>办理过程（双方节点一致）</h2>
        <ol class="timeline">${r.events.map((step) => `<li><strong>${e(referralSteps[step.kind] || step.kind)}</strong> ${time(step.at)}
          ${step.note ? `<div>${e(step.note)}</div>` : ""}</li>`).join("")}</ol>
        <div class="actions">${referralActions(r)}</div>
        <p class="error" id="referral-error"></p>
      </div></div>`;
  }

  /** Evidence needs the bearer token: fetched, then opened as a blob in a new tab (or downloaded if pop-ups are blocked). */
  async function openEvidence(sha256, name) {
    const tab = window.open("", "_blank");
    try {
      const response = await fetch(`/api/v1/federation/evidence/${encodeURIComponent(sha256)}`, { headers: { Authorization: `Bearer ${Xiezhi.token()}` } });
      if (!response.ok) {
        const problem = await response.json().catch(() => null);
        throw new Error(problem && problem.detail ? problem.detail : `HTTP ${response.status}`);
      }
      const url = URL.createObjectURL(await response.blob());
      if (tab) tab.location.href = url;
      else Object.assign(document.createElement("a"), { href: url, download: name }).click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      tab?.close();
      $("referral-error").textContent = `无法打开证据材料：${error.message}`;
    }
  }

  const referralPaths = {
    accept: (id) => `/api/v1/federation/referrals/${encodeURIComponent(id)}/accept`,
    reject: (id) => `/api/v1/federation/referrals/${encodeURIComponent(id)}/reject`,
    result: (id) => `/api/v1/federation/referrals/${encodeURIComponent(id)}/result`,
  };

  for (const direction of ["incoming", "outgoing"]) {
    $(direction).addEventListener("click", (event) => {
      const button = event.target.closest("[data-open-referral]");
      const referral = button && referrals.find((r) => r.id === button.dataset.openReferral);
      if (referral) { showReferral(referral); $("referral-detail").scrollIntoView({ behavior: "smooth", block: "nearest" }); }
    });
  }
  $("referral-detail").addEventListener("click", (event) => {
    const link = event.target.closest("[data-evidence]");
    if (!link) return;
    event.preventDefault();
    openEvidence(link.dataset.evidence, link.dataset.name);
  });
  $("referral-detail").addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-referral-action]");
    if (!form) return;
    event.preventDefault();
    const action = form.dataset.referralAction, f = form.elements;
    const body = action === "accept" ? { note: f.note.value.trim() || undefined }
      : action === "reject" ? { reason: f.reason.value.trim() }
      : { result: f.result.value.trim(), case_number: f.case_number.value.trim() || undefined };
    try {
      await Xiezhi.api("POST", referralPaths[action](openReferral), body);
      await loadReferrals();
    } catch (error) { $("referral-error").textContent = error.message; }
  });
  $("overdue-only").addEventListener("change", loadReferrals);
  $("reload-referrals").addEventListener("click", loadReferrals);

  function readBase64(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).split(",", 2)[1] || "");
      reader.onerror = () => reject(new Error(`读取文件失败：${file.name}`));
      reader.readAsDataURL(file);
    });
  }

  const refer = $("refer");
  refer.hidden = !can.refer;
  $("refer-kind").innerHTML = options(violationKinds);
  refer.addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = refer.elements, result = $("refer-result");
    result.textContent = "";
    try {
      const body = {
        peer: f.peer.value, subject: `vehicle:${f.plate.value.replace(/\s/g, "")}:${f.plate_colour.value}`, violation_kind: f.violation_kind.value,
        summary: f.summary.value.trim(), place: f.place.value.trim() || undefined,
        occurred_at: f.occurred_at.value ? fromChinaInput(f.occurred_at.value) : undefined,
      };
      const file = f.evidence.files[0];
      if (file) body.evidence = [{ name: file.name, media_type: file.type || "application/octet-stream", content_base64: await readBase64(file) }];
      const referral = await Xiezhi.api("POST", "/api/v1/federation/referrals", body);
      result.textContent = `已移交 ${peerLabel(referral.peer)}：${Xiezhi.subjectLabel(referral.subject)}，接收期限 ${time(referral.accept_by)}`;
      refer.reset();
      openReferral = referral.id;
      await loadReferrals();
    } catch (error) { result.textContent = error.message; result.className = "error"; return; }
    result.className = "muted";
  });

  // ---- 协助请求 ----
  let requests = [];
  let proofFor = null;
  const proof = $("proof");
  $("proof-method").innerHTML = options(serviceMethods);
  proof.elements.method.value = "direct";

  async function loadRequests() {
    $("requests-error").textContent = "";
    try {
      requests = (await Xiezhi.api("GET", "/api/v1/federation/requests?limit=200")).items;
    } catch (error) { $("requests-error").textContent = error.message; return; }
    $("requests").innerHTML = requests.map((r) => {
      const service = r.kind === "notice_service_request";
      const state = r.status === "served" ? `<span class="badge met">已送达</span>` : service ? `<span class="badge soon">待送达</span>` : `<span class="badge">已收到</span>`;
      const done = r.proof ? `${e(serviceMethods[r.proof.method] || r.proof.method)} ${time(r.proof.served_at)}
        ${r.proof.receipt ? `<div class="result-line">回执：${e(r.proof.receipt)}</div>` : ""}${r.proof.note ? `<div class="result-line muted">${e(r.proof.note)}</div>` : ""}` : "";
      const action = service && r.status === "received" && can.prove ? `<button type="button" data-proof="${e(r.id)}">填写送达回证</button>` : "";
      return `<tr data-request="${e(r.id)}"><td>${e(requestKinds[r.kind] || r.kind)}</td><td>${e(peerLabel(r.peer))}</td><td>${e(Xiezhi.subjectLabel(r.subject))}</td>
        <td>${e(r.summary)}</td><td>${time(r.received_at)}</td><td>${state}</td><td>${done}</td><td>${action}</td></tr>`;
    }).join("") || `<tr><td colspan="8" class="muted">无</td></tr>`;
  }

  $("requests").addEventListener("click", (event) => {
    const button = event.target.closest("[data-proof]");
    const request = button && requests.find((r) => r.id === button.dataset.proof);
    if (!request) return;
    proofFor = request.id;
    proof.hidden = false;
    $("proof-title").textContent = `送达回证：${Xiezhi.subjectLabel(request.subject)}（${peerLabel(request.peer)}请求）`;
    $("proof-result").textContent = "";
    proof.elements.served_at.value = chinaNowInput();
    proof.scrollIntoView({ behavior: "smooth", block: "nearest" });
  });
  $("proof-cancel").addEventListener("click", () => { proof.hidden = true; proofFor = null; });
  proof.addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = proof.elements;
    try {
      await Xiezhi.api("POST", `/api/v1/federation/requests/${encodeURIComponent(proofFor)}/proof`, {
        method: f.method.value, served_at: fromChinaInput(f.served_at.value), receipt: f.receipt.value.trim() || undefined, note: f.note.value.trim() || undefined,
      });
      proof.reset();
      proof.hidden = true;
      proofFor = null;
      await loadRequests();
    } catch (error) { $("proof-result").textContent = error.message; }
  });

  // ---- 联合行动 ----
  let operations = [];
  let openOperation = null;

  async function loadOperations() {
    $("operations-error").textContent = "";
    const state = $("operation-filters").elements.state.value;
    try {
      operations = (await Xiezhi.api("GET", "/api/v1/joint-operations" + (state ? `?state=${state}` : ""))).items;
    } catch (error) { $("operations-error").textContent = error.message; return; }
    $("operations").innerHTML = operations.map((o) => `<tr data-operation="${e(o.id)}"${o.id === openOperation ? ` class="selected"` : ""}>
        <td>${e(o.title)}</td><td>${time(o.starts_at)}<br>至 ${time(o.ends_at)}</td><td>${e(o.place.name)}</td><td>${e(o.lead.name)}</td>
        <td>${o.partners.map((p) => e(p.name)).join("<br>")}</td><td>${o.targets.map((t) => e(t.name)).join("、")}</td>
        <td>${operationBadge(o)}</td><td>${o.totals.inspections} / ${o.totals.violations} / ${o.totals.cases_opened}</td>
        <td><button type="button" class="secondary" data-open-operation="${e(o.id)}">详情</button></td></tr>`).join("")
      || `<tr><td colspan="9" class="muted">无</td></tr>`;
    const open = operations.find((o) => o.id === openOperation);
    if (open) showOperation(open); else $("operation-detail").hidden = true;
  }

  function operationBadge(o) {
    const css = { planned: "", under_way: "soon", concluded: "met", cancelled: "overdue" }[o.state] ?? "";
    return `<span class="badge ${css}">${e(o.state_name)}</span>`;
  }

  function placeText(place) {
    const parts = [e(place.name)];
    if (place.site) parts.push(`站点 ${e($("plan-site").querySelector(`option[value="${CSS.escape(place.site)}"]`)?.textContent || place.site)}`);
    if (place.border) parts.push(`毗邻区域 ${e($("plan-border").querySelector(`option[value="${CSS.escape(place.border)}"]`)?.textContent || place.border)}`);
    if (place.point) parts.push(`${place.point[0]}, ${place.point[1]}${place.radius_m ? `（半径 ${place.radius_m} 米）` : ""}`);
    return parts.join("<br>");
  }

  function operationActions(o) {
    const involved = [o.lead, ...o.partners].some((a) => a.jurisdiction === account.jurisdiction);
    if (!can.organise || !involved) return "";
    let html = "";
    if (o.lead.jurisdiction === account.jurisdiction && (o.state === "planned" || o.state === "under_way")) {
      html += `<form data-operation-action="transition"><strong>牵头单位：变更行动状态</strong>
        <label>说明（取消时必填） <input name="note" size="32"></label>
        ${o.state === "planned" ? `<button type="submit" value="start">开始行动</button>` : `<button type="submit" value="conclude">结束行动</button>`}
        <button type="submit" class="secondary" value="cancel">取消行动</button></form>`;
    }
    if (o.state === "under_way" || o.state === "concluded") {
      const own = o.contributions.find((c) => c.agency.jurisdiction === account.jurisdiction)?.results;
      html += `<form data-operation-action="results"><strong>本机关战果</strong>
        <label>检查车辆（船舶） <input type="number" name="inspections" min="0" required value="${own ? own.inspections : 0}"></label>
        <label>查处违法行为 <input type="number" name="violations" min="0" required value="${own ? own.violations : 0}"></label>
        <label>立案 <input type="number" name="cases_opened" min="0" required value="${own ? own.cases_opened : 0}"></label>
        <label>立案案件编号（可选，逗号分隔） <input name="case_ids" size="28" value="${e(own ? own.case_ids.join(", ") : "")}"></label>
        <label>说明 <input name="note" size="24" value="${e(own?.note || "")}"></label>
        <button type="submit">报送战果</button></form>`;
    }
    return html;
  }

  function showOperation(o) {
    openOperation = o.id;
    for (const row of document.querySelectorAll("tr[data-operation]")) row.classList.toggle("selected", row.dataset.operation === o.id);
    const card = $("operation-detail");
    card.hidden = false;
    const byAgency = [o.lead, ...o.partners].map((agency) => {
      const c = o.contributions.find((x) => x.agency.jurisdiction === agency.jurisdiction);
      const r = c && c.results;
      return `<tr><td>${e(agency.name)}${agency.jurisdiction === o.lead.jurisdiction ? ` <span class="badge">牵头</span>` : ""}</td>
        <td>${c && c.units.length ? c.units.map((u) => e(u.name)).join("、") : `<span class="muted">未投入</span>`}</td><td>${c ? c.officers.length : 0}</td>
        ${r ? `<td>${r.inspections}</td><td>${r.violations}</td><td>${r.cases_opened}</td><td>${e(r.case_ids.join("、"))}${r.note ? `<div class="muted">${e(r.note)}</div>` : ""}</td>`
            : `<td colspan="4" class="muted">未报送战果</td>`}
        <td>${c ? time(c.reported_at) : ""}</td></tr>`;
    }).join("");
    card.innerHTML = `<h2>${e(o.title)} ${operationBadge(o)}</h2>
      <div class="grid2"><div><dl class="kv">
        <dt>时间</dt><dd>${time(o.starts_at)} 至 ${time(o.ends_at)}</dd>
        <dt>地点</dt><dd>${placeText(o.place)}</dd>
        <dt>牵头单位</dt><dd>${e(o.lead.name)}（${e(o.lead.jurisdiction)}）</dd>
        <dt>配合单位</dt><dd>${o.partners.map((p) => `${e(p.name)}（${e(p.jurisdiction)}）`).join("<br>")}</dd>
        <dt>整治重点</dt><dd>${o.targets.map((t) => e(t.name)).join("、")}</dd>
        <dt>投入力量</dt><dd>${o.unit_count} 个执法单元，${o.officer_count} 名执法人员</dd>
        ${o.note ? `<dt>说明</dt><dd>${e(o.note)}</dd>` : ""}
        <dt>战果合计</dt><dd>检查 ${o.totals.inspections}，查处违法 ${o.totals.violations}，立案 ${o.totals.cases_opened}</dd>
      </dl></div><div>
        <h2>行动过程</h2>
        <ol class="timeline">${o.events.map((step) => `<li><strong>${e(operationStates[step.state] || step.state)}</strong> ${time(step.at)}
          ${step.note ? `<div>${e(step.note)}</div>` : ""}</li>`).join("")}</ol>
      </div></div>
      <h2>各单位投入与战果</h2>
      <table class="list"><thead><tr><th>单位</th><th>执法单元</th><th>执法人员</th><th>检查</th><th>查处违法</th><th>立案</th><th>立案案件</th><th>报送时间</th></tr></thead>
        <tbody>${byAgency}</tbody></table>
      <div class="actions">${operationActions(o)}</div>
      <p class="error" id="operation-error"></p>`;
  }

  $("operations").addEventListener("click", (event) => {
    const button = event.target.closest("[data-open-operation]");
    const operation = button && operations.find((o) => o.id === button.dataset.openOperation);
    if (operation) { showOperation(operation); $("operation-detail").scrollIntoView({ behavior: "smooth", block: "nearest" }); }
  });
  $("operation-detail").addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-operation-action]");
    if (!form) return;
    event.preventDefault();
    const f = form.elements, id = encodeURIComponent(openOperation);
    try {
      if (form.dataset.operationAction === "transition") {
        const action = event.submitter ? event.submitter.value : "start";
        await Xiezhi.api("POST", `/api/v1/joint-operations/${id}/transition`, { action, note: f.note.value.trim() || undefined });
      } else {
        const caseIds = f.case_ids.value.split(/[,，、\s]+/).filter(Boolean);
        await Xiezhi.api("POST", `/api/v1/joint-operations/${id}/results`, {
          inspections: Number(f.inspections.value), violations: Number(f.violations.value), cases_opened: Number(f.cases_opened.value),
          case_ids: caseIds, note: f.note.value.trim() || undefined,
        });
      }
      await loadOperations();
    } catch (error) { $("operation-error").textContent = error.message; }
  });
  $("operation-filters").addEventListener("submit", (event) => { event.preventDefault(); loadOperations(); });

  const plan = $("plan");
  plan.hidden = !can.organise;
  plan.addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = plan.elements, result = $("plan-result");
    result.className = "error";
    const checked = (name) => [...plan.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
    const place = { name: f.place_name.value.trim() };
    if (f.site.value) place.site = f.site.value;
    if (f.border.value) place.border = f.border.value;
    const lon = f.longitude.value.trim(), lat = f.latitude.value.trim();
    if (lon || lat) {
      if (!lon || !lat) { result.textContent = "经度、纬度须同时填写"; return; }
      place.point = [Number(lon), Number(lat)];
      if (f.radius_m.value.trim()) place.radius_m = Number(f.radius_m.value);
    } else if (f.radius_m.value.trim()) { result.textContent = "半径须与经纬度一并填写"; return; }
    try {
      const operation = await Xiezhi.api("POST", "/api/v1/joint-operations", {
        title: f.title.value.trim(), starts_at: fromChinaInput(f.starts_at.value), ends_at: fromChinaInput(f.ends_at.value), place,
        partners: checked("partners"), targets: checked("targets"), note: f.note.value.trim() || undefined,
      });
      plan.reset();
      result.className = "muted";
      result.textContent = `已发起：${operation.title}（已通知 ${operation.partners.map((p) => p.name).join("、")}）`;
      openOperation = operation.id;
      await loadOperations();
    } catch (error) { result.textContent = error.message; }
  });

  loadContext().then(() => { fillPeerSelect(); showTab(location.hash.slice(1)); });
})();
