// 獬豸 console: shared helpers. Talks to the node's JSON API with the bearer token kept in sessionStorage
// (and mirrored in a SameSite=Strict cookie so printable documents open in a new tab).
"use strict";

const Xiezhi = {
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
      const error = new Error(data && data.detail ? data.detail : `HTTP ${response.status}`);
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
        <a href="/cases.html" data-page="cases">案件</a>
        <a href="/map.html" data-page="map">辖区地图</a>
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
