// 指挥中心: live situation map, alert queue, dispatch board, units. Live updates arrive over server-sent events
// (/api/v1/events); vehicles and vessels are refreshed every 10 s.
"use strict";

(async () => {
  const account = Xiezhi.requireLogin();
  if (!account) return;
  Xiezhi.header("command");
  const esc = Xiezhi.escape;
  const state = { alerts: new Map(), orders: new Map(), units: new Map(), vehicles: [], vessels: [], figures: null, fresh: new Set(), duty: new Map() };
  const $ = (id) => document.getElementById(id);
  let map = null;

  // ---- map ----
  try {
    map = XiezhiMap.draw($("map"), await Xiezhi.api("GET", "/api/v1/region"));
  } catch (error) { $("map").innerHTML = `<p class="error">${esc(error.message)}</p>`; }

  function drawOverlay() {
    if (!map) return;
    const parts = [];
    for (const v of state.vehicles) {
      const [x, y] = map.project(v.longitude, v.latitude);
      parts.push(`<circle class="vehicle-marker" cx="${x}" cy="${y}" r="4" fill="#6a1b9a"><title>${esc(Xiezhi.subjectLabel(v.subject))} ${esc(v.kind)} ${v.speed_kmh} km/h</title></circle>`);
    }
    for (const s of state.vessels) {
      if (!s.latest) continue;
      const [x, y] = map.project(s.latest.longitude, s.latest.latitude);
      parts.push(`<rect class="vessel-marker" x="${x - 3}" y="${y - 3}" width="6" height="6" fill="#00838f"><title>${esc(s.name || s.mmsi)}</title></rect>`);
    }
    for (const item of state.alerts.values()) {
      const a = item.alert;
      if (a.status !== "open") continue;
      const [x, y] = map.project(a.longitude, a.latitude);
      parts.push(`<circle class="alert-marker" data-alert-id="${esc(a.id)}" cx="${x}" cy="${y}" r="8" fill="none" stroke="#d50000" stroke-width="3"><title>${esc(a.kind_name)} ${esc(Xiezhi.subjectLabel(a.subject))}</title></circle>`);
    }
    for (const item of state.units.values()) {
      const u = item.unit;
      if (!u.position) continue;
      const [x, y] = map.project(u.position[0], u.position[1]);
      const color = u.status === "busy" ? "#ff9800" : u.status === "off" ? "#9e9e9e" : "#1565c0";
      parts.push(`<g class="unit-marker${u.peer ? " partner-unit" : ""}" data-unit-id="${esc(u.id)}"><circle cx="${x}" cy="${y}" r="7" fill="${color}" stroke="${u.peer ? "#0d47a1" : "#fff"}" stroke-width="2" ${u.peer ? 'stroke-dasharray="3 2"' : ""}></circle><text x="${x + 9}" y="${y + 4}" font-size="12" fill="#0d47a1">${esc(u.name)}</text><title>${esc(u.name)} ${esc(item.kind_name)} ${esc(item.status_name)}${u.peer ? "（协作方 " + esc(u.jurisdiction) + "，经节点 " + esc(u.peer) + " 共享）" : ""}</title></g>`);
    }
    map.overlay.innerHTML = parts.join("");
  }

  // ---- figures ----
  function drawFigures() {
    const f = state.figures;
    if (!f) return;
    const tiles = [
      ["今日预警", f.alerts_today_total, ""],
      ["待处置预警", f.alerts_today.open || 0, (f.alerts_today.open || 0) > 0 ? "warn" : ""],
      ["在办案件", f.open_cases, ""],
      ["期限将届满（3日内）", f.clocks_due_soon, f.clocks_due_soon > 0 ? "warn" : ""],
      ["已超期", f.clocks_overdue, f.clocks_overdue > 0 ? "bad" : ""],
      ["协作请求待办", f.partner_requests_waiting, ""],
      ["移交线索待接收 / 超期", `${f.referrals_waiting} / ${f.referrals_overdue}`, f.referrals_overdue > 0 ? "bad" : ""],
      ["在办派单 / 超时", `${f.orders_active} / ${f.orders_escalated}`, f.orders_escalated > 0 ? "bad" : ""],
      ["非现场处罚占比", f.non_site_share_percent === null || f.non_site_share_percent === undefined ? "—" : `${f.non_site_share_percent}%`, ""],
    ];
    if (f.identification_rate_percent !== null && f.identification_rate_percent !== undefined) tiles.push(["卡口识别率", `${f.identification_rate_percent}%`, ""]);
    $("figures").innerHTML = tiles.map(([label, value, css]) => `<div class="figure ${css}"><b>${esc(value)}</b><span>${esc(label)}</span></div>`).join("")
      + `<div class="figure"><b id="clock">${esc(Xiezhi.chinaTime(new Date().toISOString()).slice(11))}</b><span>北京时间 · 在岗单元 ${f.units_on_duty}，任务中 ${f.units_busy}</span></div>`;
  }

  // ---- alert queue ----
  function activeOrderFor(alertId) {
    for (const o of state.orders.values()) if (o.order.alert_id === alertId && !["closed", "declined", "cancelled"].includes(o.order.state)) return o;
    return null;
  }

  function drawAlerts() {
    const status = $("f-status").value, source = $("f-source").value, kind = $("f-kind").value;
    const kinds = new Map();
    const items = [...state.alerts.values()].sort((a, b) => b.alert.detected_at.localeCompare(a.alert.detected_at));
    items.forEach((i) => kinds.set(i.alert.kind, i.alert.kind_name));
    const select = $("f-kind");
    const current = select.value;
    select.innerHTML = `<option value="">全部</option>` + [...kinds].map(([k, n]) => `<option value="${esc(k)}">${esc(n)}</option>`).join("");
    select.value = current;
    const shown = items.filter((i) => (!status || i.alert.status === status) && (!source || i.alert.source === source) && (!kind || i.alert.kind === kind));
    $("alert-count").textContent = `（${shown.length}）`;
    $("alerts").innerHTML = shown.slice(0, 200).map((i) => {
      const a = i.alert;
      const order = activeOrderFor(a.id);
      const statusName = { open: "待处置", case_opened: "已立案", dismissed: "已排除" }[a.status] || a.status;
      const action = a.status !== "open" ? "" : order
        ? `<span class="badge">已派 ${esc(order.unit_name || "")}（${esc(order.state_name)}）</span>`
        : `<button class="dispatch-button" data-alert-id="${esc(a.id)}">派单</button>`;
      return `<li class="status-${esc(a.status)} ${state.fresh.has(a.id) ? "fresh" : ""}" data-alert-id="${esc(a.id)}">
        <div><strong>${esc(a.kind_name)}</strong> · ${esc(Xiezhi.subjectLabel(a.subject))} <span class="badge">${esc(statusName)}</span></div>
        <div>${esc(a.summary)}</div>
        <div class="meta">${esc(Xiezhi.chinaTime(a.detected_at))} · ${esc(a.jurisdiction || "")}${a.notify ? " → 通报 " + esc(a.notify) : ""} ${action}</div></li>`;
    }).join("");
    state.fresh.clear();
  }

  $("alerts").addEventListener("click", (event) => {
    const button = event.target.closest(".dispatch-button");
    if (button) openDispatch(button.dataset.alertId);
  });
  ["f-status", "f-source", "f-kind"].forEach((id) => $(id).addEventListener("change", drawAlerts));

  async function openDispatch(alertId) {
    const dialog = $("dispatch-dialog");
    const alert = state.alerts.get(alertId)?.alert;
    dialog.hidden = false;
    dialog.innerHTML = `<strong>派单：${esc(alert?.kind_name)} · ${esc(Xiezhi.subjectLabel(alert?.subject))}</strong><p class="muted">正在计算可派单元…</p>`;
    try {
      const suggestions = (await Xiezhi.api("GET", `/api/v1/dispatch/suggest?alert=${encodeURIComponent(alertId)}`)).items;
      dialog.innerHTML = `<strong>派单：${esc(alert?.kind_name)} · ${esc(Xiezhi.subjectLabel(alert?.subject))}</strong>
        <p class="muted">${esc(alert?.summary)}</p>
        ${suggestions.length === 0 ? `<p class="error">没有可派的在岗单元（须在岗、类型适合、位于辖区或毗邻联合执法区域）。</p>` : ""}
        <ul>${suggestions.map((s, index) => `<li><span>${index === 0 ? "★ " : ""}${esc(s.unit_name)}（${esc(s.kind_name)}${s.is_partner ? "，协作方 " + esc(s.jurisdiction) : ""}）<br><span class="muted">${(s.distance_metres / 1000).toFixed(1)} km · 约 ${s.eta_minutes} 分钟</span></span>
          <button class="send-order" data-unit-id="${esc(s.unit_id)}">派给此单元</button></li>`).join("")}</ul>
        <p class="error" id="dispatch-error"></p>
        <button class="secondary" id="dispatch-close">关闭</button>`;
      dialog.querySelectorAll(".send-order").forEach((b) => b.addEventListener("click", async () => {
        try {
          const created = await Xiezhi.api("POST", "/api/v1/dispatch", { alert_id: alertId, unit_id: b.dataset.unitId });
          state.orders.set(created.order.id, created);
          dialog.hidden = true;
          render();
        } catch (error) { $("dispatch-error").textContent = error.message; }
      }));
      $("dispatch-close").addEventListener("click", () => { dialog.hidden = true; });
    } catch (error) {
      dialog.innerHTML = `<p class="error">${esc(error.message)}</p><button class="secondary" onclick="this.parentNode.hidden=true">关闭</button>`;
    }
  }

  // ---- dispatch board ----
  function drawBoard() {
    const orders = [...state.orders.values()].sort((a, b) => b.order.created_at.localeCompare(a.order.created_at)).slice(0, 60);
    $("board").innerHTML = orders.map((o) => {
      const d = o.order;
      const last = d.history[d.history.length - 1];
      return `<li class="state-${esc(d.state)} ${o.overdue && !["closed", "cancelled", "declined"].includes(d.state) ? "overdue" : ""}" data-order-id="${esc(d.id)}" data-state="${esc(d.state)}">
        <div><strong>${esc(o.unit_name || d.unit_id)}</strong> <span class="badge order-state">${esc(o.state_name)}</span>${o.overdue ? ' <span class="badge overdue">超时未接单</span>' : ""}${d.by_rule ? ' <span class="badge">规则派单</span>' : ""}</div>
        <div>${esc(o.scene_name || d.scene)} · ${esc(Xiezhi.subjectLabel(d.subject))}</div>
        ${d.result ? `<div>反馈：${esc(o.result_name)} — ${esc(d.result_note)}${d.case_id ? ` · <a href="/case.html?id=${esc(d.case_id)}">案件</a>` : ""}</div>` : ""}
        <div class="meta">${esc(Xiezhi.chinaTime(d.created_at))} 派单 · 最近：${esc(Xiezhi.chinaTime(last.at))} ${esc(last.action)}${last.note ? "（" + esc(last.note) + "）" : ""}</div>
        ${d.peer ? `<div class="meta">协作派单 · ${d.jurisdiction === account.jurisdiction ? "协作方节点 " + esc(d.peer) + " 执行" : "来自 " + esc(d.jurisdiction) + "（" + esc(d.peer) + "）"}</div>` : ""}
        ${d.state === "reported" && d.jurisdiction === account.jurisdiction ? `<button class="close-order" data-order-id="${esc(d.id)}">办结</button>` : ""}
        ${d.state === "awaiting_partner" && d.partner_jurisdiction === account.jurisdiction ? assignControl(d) : ""}
        ${["dispatched", "accepted", "arrived", "awaiting_partner"].includes(d.state) && d.jurisdiction === account.jurisdiction ? `<button class="secondary cancel-order" data-order-id="${esc(d.id)}">撤销</button>` : ""}</li>`;
    }).join("") || `<li class="muted">暂无派单</li>`;
  }

  // A partner's order waiting for us (协作派单): our commander gives it to one of our units on duty.
  function assignControl(d) {
    const own = [...state.units.values()].filter((u) => u.unit.jurisdiction === account.jurisdiction && !u.unit.peer && u.unit.status === "on_duty");
    const options = own.map((u) => `<option value="${esc(u.unit.id)}" ${u.unit.id === d.unit_id ? "selected" : ""}>${esc(u.unit.name)}（${esc(u.kind_name)}）</option>`).join("");
    return own.length ? `<select class="assign-unit" data-order-id="${esc(d.id)}">${options}</select> <button class="assign-order" data-order-id="${esc(d.id)}">指派本单位</button>` : `<span class="muted">本单位暂无在岗执法单元</span>`;
  }

  $("board").addEventListener("click", async (event) => {
    const close = event.target.closest(".close-order");
    const cancel = event.target.closest(".cancel-order");
    const assign = event.target.closest(".assign-order");
    try {
      if (assign) {
        const unit = $("board").querySelector(`.assign-unit[data-order-id="${assign.dataset.orderId}"]`).value;
        state.orders.set(assign.dataset.orderId, await Xiezhi.api("POST", `/api/v1/dispatch/${assign.dataset.orderId}/assign`, { unit_id: unit }));
      }
      if (close) state.orders.set(close.dataset.orderId, await Xiezhi.api("POST", `/api/v1/dispatch/${close.dataset.orderId}/close`, { note: "指挥中心确认办结" }));
      if (cancel) {
        const reason = prompt("撤销原因");
        if (!reason) return;
        state.orders.set(cancel.dataset.orderId, await Xiezhi.api("POST", `/api/v1/dispatch/${cancel.dataset.orderId}/cancel`, { reason }));
      }
      render();
    } catch (error) { alert(error.message); }
  });

  function drawUnits() {
    const units = [...state.units.values()].filter((u) => u.unit.jurisdiction === account.jurisdiction)
      .concat([...state.units.values()].filter((u) => u.unit.jurisdiction !== account.jurisdiction));
    $("units").innerHTML = units.map((u) => `<tr data-unit-id="${esc(u.unit.id)}"><td>${esc(u.unit.name)}${u.unit.jurisdiction !== account.jurisdiction ? ` <span class="muted">(${esc(u.unit.jurisdiction)})</span>` : ""}</td><td>${esc(u.kind_name)}</td><td><span class="badge">${esc(u.status_name)}</span></td><td class="muted">${esc(state.duty.get(u.unit.id) || "—")}</td></tr>`).join("");
  }

  function render() { drawFigures(); drawAlerts(); drawBoard(); drawUnits(); drawOverlay(); }

  // ---- initial load ----
  const [alerts, orders, units, figures, duty] = await Promise.all([
    Xiezhi.api("GET", "/api/v1/alerts?limit=200"),
    Xiezhi.api("GET", "/api/v1/dispatch?limit=100"),
    Xiezhi.api("GET", "/api/v1/units"),
    Xiezhi.api("GET", "/api/v1/command/figures"),
    Xiezhi.api("GET", "/api/v1/duty"),
  ]);
  for (const s of duty.items) {
    const text = `${Xiezhi.chinaTime(s.shift.starts_at).slice(11)}–${Xiezhi.chinaTime(s.shift.ends_at).slice(11)} ${s.shift.post}`;
    state.duty.set(s.shift.unit_id, state.duty.has(s.shift.unit_id) ? `${state.duty.get(s.shift.unit_id)}；${text}` : text);
  }
  alerts.items.forEach((i) => state.alerts.set(i.alert.id, i));
  orders.items.forEach((o) => state.orders.set(o.order.id, o));
  units.items.forEach((u) => state.units.set(u.unit.id, u));
  state.figures = figures;
  render();

  async function refreshMovers() {
    try { state.vehicles = (await Xiezhi.api("GET", "/api/v1/vehicles?limit=2000")).items; } catch { state.vehicles = []; }
    try { state.vessels = (await Xiezhi.api("GET", "/api/v1/vessels?limit=200")).items; } catch { state.vessels = []; }
    drawOverlay();
  }
  refreshMovers();
  setInterval(refreshMovers, 10000);

  // Figures follow changes: fetched again shortly after an alert or order event (at most every 3 s).
  let figuresTimer = null;
  function figuresSoon() {
    if (figuresTimer) return;
    figuresTimer = setTimeout(async () => {
      figuresTimer = null;
      try { state.figures = await Xiezhi.api("GET", "/api/v1/command/figures"); drawFigures(); } catch {}
    }, 3000);
  }

  // ---- live feed ----
  function connect() {
    const source = new EventSource("/api/v1/events");
    source.addEventListener("hello", () => { $("live").textContent = "● 实时"; $("live").style.color = "#4caf50"; });
    source.addEventListener("alert", (event) => {
      const item = JSON.parse(event.data);
      if (!state.alerts.has(item.alert.id)) state.fresh.add(item.alert.id);
      state.alerts.set(item.alert.id, item);
      drawAlerts(); drawOverlay(); figuresSoon();
    });
    source.addEventListener("order", (event) => { const o = JSON.parse(event.data); state.orders.set(o.order.id, o); drawBoard(); drawAlerts(); figuresSoon(); });
    source.addEventListener("unit", (event) => { const u = JSON.parse(event.data); state.units.set(u.unit.id, u); drawUnits(); drawOverlay(); });
    source.addEventListener("figures", (event) => { state.figures = JSON.parse(event.data); drawFigures(); });
    source.onerror = () => { $("live").textContent = "○ 重连中"; $("live").style.color = "#ffb347"; };
  }
  connect();
})();
