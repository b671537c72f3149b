"""Browser test of the command centre, in headless Chromium (Debian's package) driven by Playwright.

Starts `xiezhi demo` (Pinghu's and Jinshan's nodes, federated) on loopback ports, then, on Pinghu's node: the
commander (平湖 ph.commander) logs in on a large screen and sees the map with units and the two clues referred to
Jinshan waiting (one overdue); a JT/T 808 terminal drives a truck over the speed limit on G228 in Pinghu and the alert
arrives live (server-sent events, no reload); the commander dispatches it to a unit; the officer (ph.officer) logs in
on a phone-sized viewport, accepts, arrives, ticks the on-site checklist, adds a note and reports the violation; back
on the commander's screen the order shows as reported, the commander closes it, and the alert has become a case. On
Jinshan's node the commander (js.commander) sees its own units and the same two referrals, received through
federation, and its partner liaison (js.partner-liaison) accepts one on the 跨区域协作 page, which Pinghu's node then
shows. Screenshots go to the directory given as the first argument. No internet is used."""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from playwright.sync_api import sync_playwright, expect

sys.path.insert(0, os.path.dirname(__file__))
import jt808_client  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.path.join(ROOT, ".build", "debug", "xiezhi")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TIMEOUT_MS = 60_000
expect.set_options(timeout=TIMEOUT_MS)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, seconds: float) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except Exception:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def login(page, base: str, username: str) -> None:
    page.goto(f"{base}/login.html")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "xiezhi-demo")
    page.click("button[type=submit]")


def main() -> None:
    shots = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "artifacts", "screenshots"))
    os.makedirs(shots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="xiezhi-browser-")
    http_port, jinshan_port, jt808_port, ais_port = free_port(), free_port(), free_port(), free_port()
    base = f"http://127.0.0.1:{http_port}"
    jinshan = f"http://127.0.0.1:{jinshan_port}"
    log = open(os.path.join(work, "demo.log"), "w")
    # No simulated fleet: the only terminal is the test's own, so the dispatch board holds only the test's order.
    node = subprocess.Popen(
        [BINARY, "demo", "--data", os.path.join(work, "data"), "--http", f"127.0.0.1:{http_port}", "--jinshan-http", f"127.0.0.1:{jinshan_port}",
         "--jt808", f"127.0.0.1:{jt808_port}", "--ais-tcp-listen", f"127.0.0.1:{ais_port}", "--terminals", "0"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_http(f"{base}/api/v1/health", 240)
        wait_http(f"{jinshan}/api/v1/health", 60)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            # 1. The commander on a big screen: the map with the units.
            commander = browser.new_page(viewport={"width": 1680, "height": 1000}, locale="zh-CN")
            commander.set_default_timeout(TIMEOUT_MS)
            login(commander, base, "ph.commander")
            commander.wait_for_url("**/command.html")
            expect(commander.locator("#map svg g.jurisdiction path").first).to_be_attached()
            expect(commander.locator(".unit-marker[data-unit-id='ph-team-1']")).to_be_attached()
            expect(commander.locator("#live")).to_have_text("● 实时")
            # The two clues Pinghu referred to Jinshan at seeding, one past its acceptance deadline.
            expect(commander.locator(".figure", has_text="移交线索待接收")).to_contain_text("2 / 1")
            commander.screenshot(path=os.path.join(shots, "1-command-centre.png"))

            # 2. A live alert: a truck speeding on G228 over real JT/T 808.
            jt808_client.speeding_run("127.0.0.1", jt808_port, "13800000808", "浙F·B0808")
            alert = commander.locator("#alerts li", has_text="浙FB0808").first
            expect(alert).to_be_visible()
            expect(alert).to_contain_text("超速")
            expect(commander.locator(".alert-marker").first).to_be_attached()
            commander.screenshot(path=os.path.join(shots, "2-live-alert.png"))

            # 3. Dispatch it to 平湖's own unit.
            alert.locator(".dispatch-button").click()
            choice = commander.locator("#dispatch-dialog li", has_text="平湖治超中队一组")
            expect(choice).to_be_visible()
            commander.screenshot(path=os.path.join(shots, "3-dispatch-suggestions.png"))
            choice.locator(".send-order").click()
            order = commander.locator("#board li[data-state='dispatched']").first
            expect(order).to_contain_text("平湖治超中队一组")
            order_id = order.get_attribute("data-order-id")

            # 4. The officer's phone: accept, arrive, checklist, note, report.
            phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN")
            phone.set_default_timeout(TIMEOUT_MS)
            login(phone, base, "ph.officer")
            phone.wait_for_url("**/officer.html")
            mine = phone.locator(f"#orders li[data-order-id='{order_id}']")
            expect(mine).to_be_visible()
            mine.locator(".open-order").click()
            phone.locator("#accept").click()
            phone.locator("#arrive").click()
            boxes = phone.locator("#order-detail ul.checklist input[type=checkbox]")
            expect(boxes.first).to_be_visible()
            for i in range(boxes.count()):
                boxes.nth(i).check()
            phone.fill("#note", "驾驶员承认超速，已制作询问笔录。")
            phone.locator("#add-note").click()
            expect(phone.locator("#order-detail ul.evidence")).to_contain_text("SHA-256")
            phone.screenshot(path=os.path.join(shots, "4-officer-phone-checklist.png"), full_page=True)
            phone.select_option("#result", "violation_confirmed")
            phone.fill("#result-note", "现场核实超速属实，已责令改正，转立案调查。")
            phone.locator("#report").click()
            expect(phone.locator(f"#orders li[data-order-id='{order_id}']")).to_have_attribute("data-state", "reported")
            phone.screenshot(path=os.path.join(shots, "5-officer-reported.png"), full_page=True)

            # 5. Back on the big screen: the order is reported (live), the commander closes it.
            reported = commander.locator(f"#board li[data-order-id='{order_id}']")
            expect(reported).to_have_attribute("data-state", "reported")
            reported.locator(".close-order").click()
            expect(commander.locator(f"#board li[data-order-id='{order_id}']")).to_have_attribute("data-state", "closed")
            # The unit is free again on the board (a live unit event) and the figures follow.
            expect(commander.locator("#units tr[data-unit-id='ph-team-1']")).to_contain_text("在岗")
            expect(commander.locator(".figure", has_text="在办派单")).to_contain_text("0 / 0")
            commander.screenshot(path=os.path.join(shots, "6-order-closed.png"))

            # The alert became a case through the officer's report.
            token = commander.evaluate("sessionStorage.getItem('xiezhi.token')")
            request = urllib.request.Request(f"{base}/api/v1/dispatch/{order_id}", headers={"Authorization": f"Bearer {token}"})
            detail = json.loads(urllib.request.urlopen(request).read())
            assert detail["order"]["state"] == "closed", detail["order"]["state"]
            assert detail["order"]["case_id"], "no case was opened from the confirmed violation"
            assert any(e["kind"] == "note" for e in detail["evidence"]), "the note is not in the evidence"

            # 6. The yearly report page renders for the agency.
            commander.goto(f"{base}/report.html")
            expect(commander.locator("#figures")).to_contain_text("办理行政处罚案件")
            commander.screenshot(path=os.path.join(shots, "7-yearly-report.png"), full_page=True)

            # 7. Jinshan's node: its own commander, its own units, Pinghu's units from the shared roster, and Pinghu's
            # referrals received through federation.
            other = browser.new_page(viewport={"width": 1680, "height": 1000}, locale="zh-CN")
            other.set_default_timeout(TIMEOUT_MS)
            login(other, jinshan, "js.commander")
            other.wait_for_url("**/command.html")
            expect(other.locator(".unit-marker[data-unit-id='js-team-1']")).to_be_attached()
            # Pinghu's units reach Jinshan's map through the shared roster (unit_roster, at the dispatch sweep), drawn as
            # the partner's; Jinshan could dispatch them across nodes (协作派单).
            expect(other.locator(".unit-marker.partner-unit[data-unit-id='ph-team-1']")).to_be_attached(timeout=60000)
            expect(other.locator(".unit-marker.partner-unit[data-unit-id='js-team-1']")).to_have_count(0)
            expect(other.locator(".figure", has_text="移交线索待接收")).to_contain_text("2 / 1")
            other.screenshot(path=os.path.join(shots, "8-jinshan-node.png"))

            # 8. 跨区域协作 on Jinshan's node: the partner liaison sees both referred clues (one 超期), opens one with
            # its evidence file (fetched with the token, shown as a blob) and accepts it; Pinghu's node shows the step.
            liaison = browser.new_page(viewport={"width": 1680, "height": 1000}, locale="zh-CN")
            liaison.set_default_timeout(TIMEOUT_MS)
            login(liaison, jinshan, "js.partner-liaison")
            liaison.wait_for_url("**/cases.html")
            liaison.goto(f"{jinshan}/collab.html")
            expect(liaison.locator("#incoming tr[data-referral]")).to_have_count(2)
            expect(liaison.locator("#incoming .badge.overdue")).to_have_count(1)
            clue = liaison.locator("#incoming tr[data-referral]", has_text="沪AB5678")
            clue.locator("[data-open-referral]").click()
            detail = liaison.locator("#referral-detail")
            expect(detail).to_contain_text("检查记录.txt")
            with liaison.expect_popup() as opened:
                detail.locator("[data-evidence]").first.click()
            evidence = opened.value
            expect(evidence.locator("body")).to_contain_text("货箱栏板加高")
            evidence.close()
            detail.locator("form[data-referral-action=accept] input[name=note]").fill("已接收，交金山治超中队核查。")
            detail.locator("form[data-referral-action=accept] button").click()
            expect(clue).to_contain_text("已接收")
            expect(detail.locator("ol.timeline")).to_contain_text("已接收，交金山治超中队核查。")
            liaison.screenshot(path=os.path.join(shots, "9-collaboration.png"), full_page=True)
            referrer = browser.new_page(viewport={"width": 1680, "height": 1000}, locale="zh-CN")
            referrer.set_default_timeout(TIMEOUT_MS)
            login(referrer, base, "ph.partner-liaison")
            referrer.wait_for_url("**/cases.html")
            referrer.goto(f"{base}/collab.html")
            sent = referrer.locator("#outgoing tr[data-referral]", has_text="沪AB5678")
            deadline = time.time() + 60
            while "已接收" not in sent.inner_text() and time.time() < deadline:
                time.sleep(1)
                referrer.click("#reload-referrals")
            expect(sent).to_contain_text("已接收")
            browser.close()
        print(f"browser test ok: screenshots in {shots}")
    except Exception:
        log.flush()
        with open(os.path.join(work, "demo.log")) as handle:
            print("---- demo log (tail) ----\n" + "".join(handle.readlines()[-60:]), file=sys.stderr)
        raise
    finally:
        os.killpg(node.pid, signal.SIGTERM)
        try:
            node.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(node.pid, signal.SIGKILL)


if __name__ == "__main__":
    main()
