// Shared by the display pages: Chinese labels, masking of anything that looks like an ID or phone number, loading
// one part of a page with its own error message, and the refresh loop.
"use strict";

const Display = (() => {
  const windows = {
    MARRIAGE_REGISTRATION: "婚姻登记", SOCIAL_ASSISTANCE: "社会救助", ELDERLY_CARE: "养老服务",
    CHILD_WELFARE: "儿童福利", ADOPTION_REGISTRATION: "收养登记", FUNERAL_SERVICES: "殡葬服务",
    VAGRANT_RELIEF: "救助管理", SOCIAL_ORGANIZATIONS: "社会组织登记", DISABILITY_WELFARE: "残疾人两项补贴",
    PLACE_NAMES: "区划地名",
  };

  // The services already mask; this is the page's own second line of defence (free text such as a reply could
  // still carry a number). ID numbers first: an 18-digit ID number contains 11 digits that look like a phone number.
  const idNumber = /(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])|(?<![0-9])([0-9]{6})[0-9]{5}([0-9]{4})(?![0-9])/g;
  const phone = /(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])/g;
  function mask(text) {
    return String(text ?? "")
      .replace(idNumber, (_, a, b, c, d) => a ? `${a}********${b}` : `${c}*****${d}`)
      .replace(phone, "$1****$2");
  }

  // Builds an element; strings become text nodes (masked), never HTML.
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
      if (value === undefined || value === null || value === false) continue;
      node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(mask(child)));
    }
    return node;
  }

  async function getJson(url, window) {
    const headers = { Accept: "application/json" };
    if (window) headers["X-Window-Type"] = window;
    const response = await fetch(url, { headers, cache: "no-store" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  // Loads one part of the page; when it fails, only that part says so and the rest of the page stays.
  async function loadPart(section, load, render) {
    const body = section.querySelector(".part-body");
    try {
      const data = await load();
      body.replaceChildren(...[render(data)].flat().filter(part => part !== null && part !== undefined));
      section.classList.remove("unavailable");
    } catch (error) {
      body.replaceChildren(el("p", { class: "unavailable-note", role: "status" }, "暂时无法加载，稍后自动重试"));
      section.classList.add("unavailable");
    }
  }

  // Refreshes every few seconds; a slow answer never overlaps the next round.
  function every(seconds, refresh) {
    const round = async () => {
      await refresh();
      document.body.dataset.refreshedAt = new Date().toISOString();
      const stamp = document.getElementById("refreshed");
      if (stamp) stamp.textContent = `更新于 ${new Date().toLocaleTimeString("zh-CN", { hour12: false })}`;
      setTimeout(round, seconds * 1000);
    };
    round();
  }

  // The bureau's day (Asia/Shanghai) as YYYY-MM-DD, whatever the screen's own clock zone.
  function officeToday() {
    return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  }

  function office() {
    const value = new URLSearchParams(location.search).get("office");
    return value && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : "";
  }

  function tick() {
    const clock = document.getElementById("clock");
    if (!clock) return;
    const show = () => clock.textContent = new Date().toLocaleString("zh-CN",
      { timeZone: "Asia/Shanghai", hour12: false, month: "long", day: "numeric", weekday: "long", hour: "2-digit", minute: "2-digit" });
    show();
    setInterval(show, 15000);
  }

  return { windows, mask, el, getJson, loadPart, every, officeToday, office, tick };
})();
