// The marriage hall's screen: the ticket each window is calling, the tickets waiting next, and today's places left
// per appointment slot. Refreshes every two seconds so a call shows up at once.
"use strict";

(() => {
  const { el, getJson, loadPart, every, office } = Display;
  const officeId = office();
  document.getElementById("office").textContent = officeId ? ` · ${officeId}` : "";
  Display.tick();

  const section = id => document.getElementById(id);

  function renderCalled(board) {
    const calls = [...(board.called ?? [])].sort((a, b) => (a.windowNumber ?? 0) - (b.windowNumber ?? 0));
    if (!calls.length) return el("p", { class: "muted big-note" }, "暂无叫号");
    return el("ul", { class: "calls" }, calls.map(call => el("li", { class: "call" },
      el("span", { class: "ticket-number" }, call.ticketNumber ?? ""),
      el("span", { class: "call-window" }, `请到 ${call.windowNumber ?? ""} 号窗口`))));
  }

  function renderNext(board) {
    const next = board.nextTickets ?? [];
    return [
      el("p", { class: "total" }, `等候 ${board.waiting ?? 0} 对`),
      next.length
        ? el("ol", { class: "next-tickets" }, next.map(number => el("li", { class: "ticket" }, number)))
        : el("p", { class: "muted" }, "暂无等候"),
    ];
  }

  function renderSlots(board) {
    const slots = board.slots ?? [];
    const note = board.appointmentOnly ? el("p", { class: "notice" }, "今日仅办理已预约业务") : null;
    if (!slots.length) return [note, el("p", { class: "muted" }, "今日未开放预约")];
    return [note, el("table", { class: "slots" },
      el("thead", {}, el("tr", {}, el("th", {}, "时段"), el("th", {}, "余号"), el("th", {}, "总数"))),
      el("tbody", {}, slots.map(slot => el("tr", { class: (slot.remaining ?? 0) > 0 ? "" : "full" },
        el("td", {}, `${slot.startTime ?? ""}–${slot.endTime ?? ""}`),
        el("td", { class: "remaining" }, (slot.remaining ?? 0) > 0 ? String(slot.remaining) : "已满"),
        el("td", {}, String(slot.capacity ?? 0))))))];
  }

  if (!officeId) {
    section("called").querySelector(".part-body").replaceChildren(
      el("p", {}, "请在地址中指定登记处，例如 /display/marriage-hall?office=xicheng-1"));
    return;
  }

  every(2, () => {
    const board = getJson(`/display/api/marriage/offices/${officeId}/hall/board`);
    board.catch(() => { }); // each part reports its own failure
    return Promise.all([
      loadPart(section("called"), () => board, renderCalled),
      loadPart(section("next"), () => board, renderNext),
      loadPart(section("slots"), () => board, renderSlots),
    ]);
  });
})();
