// 执法终端 (the officer's phone view): my units and their status, my orders; an order's place to go, the on-site
// checklist of its scene (现场执法规范流程), photos and notes as evidence with their SHA-256, and the result.
"use strict";

(async () => {
  const account = Xiezhi.requireLogin();
  if (!account) return;
  Xiezhi.header("officer");
  const esc = Xiezhi.escape;
  const $ = (id) => document.getElementById(id);
  let units = [];
  let myPosition = null;
  let openOrderId = null;

  async function loadUnits() {
    units = (await Xiezhi.api("GET", "/api/v1/units")).items.filter((u) => u.unit.members.includes(account.id));
    $("my-units").innerHTML = units.length === 0 ? `<p class="muted">您不在任何执法单元中。</p>` : units.map((u) => `
      <div data-unit-id="${esc(u.unit.id)}"><strong>${esc(u.unit.name)}</strong>（${esc(u.kind_name)}）<span class="badge unit-status">${esc(u.status_name)}</span>
      <div>${["on_duty", "off"].map((s) => `<button class="secondary set-status" data-unit-id="${esc(u.unit.id)}" data-status="${s}">${s === "on_duty" ? "上岗" : "离岗"}</button>`).join("")}
      <button class="secondary report-position" data-unit-id="${esc(u.unit.id)}">上报位置</button></div></div>`).join("");
  }

  $("my-units").addEventListener("click", async (event) => {
    const status = event.target.closest(".set-status");
    const position = event.target.closest(".report-position");
    try {
      if (status) await Xiezhi.api("PUT", `/api/v1/units/${status.dataset.unitId}/status`, { status: status.dataset.status });
      if (position) await reportPosition(position.dataset.unitId);
      await loadUnits();
    } catch (error) { alert(error.message); }
  });

  function locate() {
    return new Promise((resolve) => {
      if (!navigator.geolocation) return resolve(null);
      navigator.geolocation.getCurrentPosition((p) => resolve([p.coords.longitude, p.coords.latitude]), () => resolve(null), { timeout: 5000 });
    });
  }

  async function reportPosition(unitId) {
    const point = await locate();
    if (!point) throw new Error("无法获取定位（请允许浏览器使用位置信息）");
    myPosition = point;
    await Xiezhi.api("POST", `/api/v1/units/${unitId}/position`, { longitude: point[0], latitude: point[1] });
  }

  function distanceKm(a, b) {
    const k = Math.cos(((a[1] + b[1]) / 2) * Math.PI / 180);
    const dx = (a[0] - b[0]) * 111.32 * k, dy = (a[1] - b[1]) * 110.57;
    return Math.sqrt(dx * dx + dy * dy);
  }

  async function loadOrders() {
    const orders = (await Xiezhi.api("GET", "/api/v1/dispatch/mine")).items;
    $("orders").innerHTML = orders.map((o) => `
      <li class="state-${esc(o.order.state)}" data-order-id="${esc(o.order.id)}" data-state="${esc(o.order.state)}">
        <div><strong>${esc(o.scene_name)}</strong> <span class="badge">${esc(o.state_name)}</span></div>
        <div>${esc(Xiezhi.subjectLabel(o.order.subject))} · ${esc(o.order.summary)}</div>
        <div class="muted">${esc(Xiezhi.chinaTime(o.order.created_at))} · ${esc(o.unit_name)}</div>
        <button class="open-order" data-order-id="${esc(o.order.id)}">查看任务</button></li>`).join("") || `<li class="muted">暂无任务</li>`;
    if (openOrderId) showOrder(orders.find((o) => o.order.id === openOrderId));
    return orders;
  }

  $("orders").addEventListener("click", async (event) => {
    const button = event.target.closest(".open-order");
    if (!button) return;
    openOrderId = button.dataset.orderId;
    showOrder(await Xiezhi.api("GET", `/api/v1/dispatch/${openOrderId}`));
  });

  function showOrder(o) {
    if (!o) return;
    const d = o.order, box = $("order-detail");
    box.hidden = false;
    const target = d.target;
    const away = myPosition ? `，距您约 ${distanceKm(myPosition, target).toFixed(1)} km` : "";
    const done = JSON.parse(localStorage.getItem(`xiezhi.checklist.${d.id}`) || "{}");
    const steps = {
      dispatched: `<button id="accept">接单</button><input type="text" id="decline-reason" placeholder="拒单原因"><button class="secondary" id="decline">拒单</button>`,
      accepted: `<button id="arrive">已到场</button>`,
      arrived: `<label>处置结果<select id="result">
          <option value="violation_confirmed">确认违法，转立案</option><option value="checked_no_violation">检查无异常</option><option value="target_not_found">未发现目标</option></select></label>
        <textarea id="result-note" rows="3" placeholder="现场情况说明"></textarea><button id="report">提交反馈</button>`,
    }[d.state] || `<p class="muted">${esc(o.state_name)}${d.result ? "：" + esc(o.result_name) + " — " + esc(d.result_note) : ""}</p>`;
    box.innerHTML = `
      <h2>${esc(o.scene_name)} · ${esc(Xiezhi.subjectLabel(d.subject))}</h2>
      <p>${esc(d.summary)}</p>
      <div class="go">前往：东经 ${target[0].toFixed(5)}，北纬 ${target[1].toFixed(5)}${away}</div>
      <div class="steps">${steps}</div>
      <p class="error" id="order-error"></p>
      ${(o.checklists || []).map((list, li) => `<h3>${esc(list.name_zh)}（现场执法规范流程）</h3><ul class="checklist">${list.items.map((item, ii) => `
        <li><label><input type="checkbox" data-key="${li}.${ii}" ${done[`${li}.${ii}`] ? "checked" : ""}><span>${esc(item.text_zh)}<span class="cite">${esc(item.citation.law)} ${esc(item.citation.article)}</span></span></label></li>`).join("")}</ul>`).join("")}
      <h3>证据</h3>
      <ul class="evidence">${(o.evidence || []).map((e) => `<li>${e.kind === "photo" ? "照片" : "笔记"} ${esc(e.name || e.note || "")} · SHA-256 ${esc(e.sha256)}</li>`).join("") || "<li class='muted'>尚无</li>"}</ul>
      ${["accepted", "arrived"].includes(d.state) ? `<input type="file" id="photo" accept="image/*" capture="environment"><textarea id="note" rows="2" placeholder="现场笔记"></textarea><button class="secondary" id="add-note">添加笔记</button>` : ""}`;
    box.querySelectorAll(".checklist input").forEach((input) => input.addEventListener("change", () => {
      done[input.dataset.key] = input.checked;
      localStorage.setItem(`xiezhi.checklist.${d.id}`, JSON.stringify(done));
    }));
    const act = async (step, body) => {
      try { showOrder(await Xiezhi.api("POST", `/api/v1/dispatch/${d.id}/${step}`, body)); await loadOrders(); await loadUnits(); }
      catch (error) { $("order-error").textContent = error.message; }
    };
    box.querySelector("#accept")?.addEventListener("click", () => act("accept", {}));
    box.querySelector("#decline")?.addEventListener("click", () => act("decline", { reason: $("decline-reason").value }));
    box.querySelector("#arrive")?.addEventListener("click", () => act("arrive", {}));
    box.querySelector("#report")?.addEventListener("click", () => act("report", { result: $("result").value, note: $("result-note").value }));
    box.querySelector("#add-note")?.addEventListener("click", async () => {
      try { await Xiezhi.api("POST", `/api/v1/dispatch/${d.id}/evidence`, { kind: "note", note: $("note").value }); showOrder(await Xiezhi.api("GET", `/api/v1/dispatch/${d.id}`)); }
      catch (error) { $("order-error").textContent = error.message; }
    });
    box.querySelector("#photo")?.addEventListener("change", async (event) => {
      const file = event.target.files[0];
      if (!file) return;
      try {
        const base64 = await shrink(file);
        await Xiezhi.api("POST", `/api/v1/dispatch/${d.id}/evidence`, { kind: "photo", name: file.name, media_type: "image/jpeg", content_base64: base64 });
        showOrder(await Xiezhi.api("GET", `/api/v1/dispatch/${d.id}`));
      } catch (error) { $("order-error").textContent = error.message; }
    });
  }

  /** A photo scaled to at most 1280 px and re-encoded as JPEG (the API takes up to 1 MiB per request). */
  function shrink(file) {
    return new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = () => {
        const scale = Math.min(1, 1280 / Math.max(image.width, image.height));
        const canvas = document.createElement("canvas");
        canvas.width = Math.round(image.width * scale); canvas.height = Math.round(image.height * scale);
        canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
        resolve(canvas.toDataURL("image/jpeg", 0.8).split(",")[1]);
      };
      image.onerror = () => reject(new Error("无法读取照片"));
      image.src = URL.createObjectURL(file);
    });
  }

  await loadUnits();
  await loadOrders();
  setInterval(loadOrders, 10000);
  if (units.length > 0) setInterval(() => { reportPosition(units[0].unit.id).catch(() => {}); }, 60000);
})();
