// 獬豸 console: shared helpers. Talks to the node's JSON API with the bearer token kept in sessionStorage
// (and mirrored in a SameSite=Strict cookie so printable documents open in a new tab).
"use strict";

const Xiezhi = {
  /** Chinese names for the API's problem codes (the API's own detail stays in English, after the name). */
  problemNames: {
    double_penalty: "一事不再罚：该当事人同一违法行为已有处罚决定",
    transition_not_allowed: "当前阶段不能办理此事项",
    role_not_allowed: "本账号角色无权办理此事项",
    wrong_jurisdiction: "非本机关管辖",
    legal_review_required: "重大执法决定须先经法制审核",
    hearing_period_running: "陈述申辩或听证申请期限未届满",
    certificate_required: "须由持有执法证件的人员办理",
    electronic_service_needs_consent: "电子送达须经当事人同意并签署送达地址确认书",
    summary_amount_too_high: "超出简易程序罚款限额",
    not_on_first_violation_list: "不在首违不罚清单内",
    limitation_expired: "已超过行政处罚追责时效",
    outside_jurisdiction: "地点不在本机关辖区或毗邻联合执法区域内",
    invalid_plate: "号牌号码无效",
    invalid_credit_code: "统一社会信用代码无效",
    malformed_json: "提交的数据格式有误",
    missing_reason: "须说明理由",
    kind_not_agreed: "协作协议未约定此事项",
    referral_transition_not_allowed: "该线索当前状态不能办理此事项",
    operation_transition_not_allowed: "该行动当前状态不能办理此事项",
    unauthenticated: "请登录",
  },

  token() { return sessionStorage.getItem("xiezhi.token"); },
  account() { try { return JSON.parse(sessionStorage.getItem("xiezhi.account")); } catch { return null; } },

  saveSession(session) {
    sessionStorage.setItem("xiezhi.token", session.token);
    sessionStorage.setItem("xiezhi.account", JSON.stringify(session.account));
    document.cookie = `xiezhi_session=${session.token}; path=/; SameSite=Strict`;
  },

  clearSession() {
    sessionStorage.removeItem("xiezhi.token");
    sessionStorage.removeItem("xiezhi.account");
    document.cookie = "xiezhi_session=; path=/; max-age=0; SameSite=Strict";
  },

  /** Calls the API; throws an Error whose message is the problem's detail. Redirects to login on 401. */
  async api(method, path, body) {
    const headers = { "Accept": "application/json" };
    const token = Xiezhi.token();
    if (token) headers["Authorization"] = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401 && path !== "/api/v1/session") {
      Xiezhi.clearSession();
      location.href = "/login.html?next=" + encodeURIComponent(location.pathname + location.search);
      throw new Error("请重新登录");
    }
    if (response.status === 204) return null;
    const type = response.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await response.json() : await response.text();
    if (!response.ok) {
      const label = data && data.code && Xiezhi.problemNames[data.code];
      const detail = data && data.detail ? data.detail : `HTTP ${response.status}`;
      const error = new Error(label ? `${label}（${detail}）` : detail);
      error.code = data && data.code;
      throw error;
    }
    return data;
  },

  /** Ensures a session; returns the account or redirects to the login page. */
  requireLogin() {
    const account = Xiezhi.account();
    if (!Xiezhi.token() || !account) {
      location.href = "/login.html?next=" + encodeURIComponent(location.pathname + location.search);
      return null;
    }
    return account;
  },

  /** Renders the top bar with the navigation and the logged-in person. */
  header(active) {
    const account = Xiezhi.account();
    const header = document.createElement("header");
    header.className = "top";
    header.innerHTML = `
      <span class="brand">獬豸 · 区域执法协作</span>
      <nav>
        <a href="/command.html" data-page="command">指挥中心</a>
        <a href="/officer.html" data-page="officer">执法终端</a>
        <a href="/cases.html" data-page="cases">案件</a>
        <a href="/wim.html" data-page="wim">非现场治超</a>
        <a href="/watchlist.html" data-page="watchlist">布控</a>
        <a href="/collab.html" data-page="collab">跨区域协作</a>
        <a href="/map.html" data-page="map">辖区地图</a>
        <a href="/report.html" data-page="report">年度报告</a>
        <a href="/assessment.html" data-page="assessment">协作考核</a>
      </nav>
      <span class="who"></span>
      <button class="secondary" id="logout">退出</button>`;
    header.querySelector(`[data-page="${active}"]`)?.classList.add("active");
    if (account) header.querySelector(".who").textContent = `${account.display_name}（${account.role_name}，${account.jurisdiction}）`;
    header.querySelector("#logout").addEventListener("click", async () => {
      try { await Xiezhi.api("DELETE", "/api/v1/session"); } catch {}
      Xiezhi.clearSession();
      location.href = "/login.html";
    });
    document.body.prepend(header);
  },

  /** UTC ISO time → China time "2024-03-05 09:02". */
  chinaTime(iso, withTime = true) {
    if (!iso) return "";
    const date = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
    const pad = (n) => String(n).padStart(2, "0");
    const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    return withTime ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
  },

  yuan(fen) {
    if (fen === null || fen === undefined) return "";
    return (fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + " 元";
  },

  /** `vehicle:沪AB0808:yellow` → `沪AB0808（黄牌）`; `vessel:…` and others without their prefix. */
  subjectLabel(key) {
    const parts = String(key ?? "").split(":");
    const colours = { blue: "蓝牌", yellow: "黄牌", black: "黑牌", white: "白牌", green: "绿牌", yellow_green: "黄绿牌", other: "其他" };
    if (parts[0] === "vehicle" && parts.length >= 3) return `${parts[1]}（${colours[parts[2]] || parts[2]}）`;
    return parts.length > 1 ? parts.slice(1).join(":") : String(key ?? "");
  },

  escape(text) {
    return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  },

  /** A clock badge: label, due date, days left, coloured by state. */
  clockBadge(clock) {
    const soon = clock.state === "running" && clock.days_left !== null && clock.days_left !== undefined && clock.days_left <= 3;
    const css = clock.state === "overdue" ? "overdue" : soon ? "soon" : clock.state === "met" ? "met" : "";
    let text = `${clock.label}`;
    if (clock.state === "overdue") text += ` 已超期（${Xiezhi.chinaTime(clock.due_at, false)}）`;
    else if (clock.state === "met") text += " 已完成";
    else if (clock.state === "paused") text += " 暂停";
    else if (clock.due_at) text += ` 剩 ${clock.days_left} 天（${Xiezhi.chinaTime(clock.due_at, false)}）`;
    return `<span class="clock ${css}" title="${Xiezhi.escape(clock.citation || "")}">${Xiezhi.escape(text)}</span>`;
  },
};
