// A window's public wall: who serves here and what they promise (三亮), its designations, this month's
// satisfaction and the replies to suggestions. Each part loads on its own and refreshes every few seconds.
"use strict";

(() => {
  const { el, getJson, loadPart, every, officeToday, office, windows } = Display;
  const windowCode = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() ?? "");
  const officeId = office();
  const name = windows[windowCode] ?? windowCode;

  document.title = `${name}窗口公示`;
  document.getElementById("title").textContent = `${name}窗口`;
  document.getElementById("office").textContent = officeId ? ` · ${officeId}` : "";
  Display.tick();

  const dutyLabels = { ON_DUTY: "在岗", ON_LEAVE: "请假", OUT: "外出", TRAINING: "培训", OFF: "休息" };
  const commitmentLabels = { PUBLISHED: "进行中", KEPT: "已兑现", BROKEN: "未兑现", OVERDUE: "已逾期" };
  const designationLabels = { PARTY_MEMBER_MODEL_WINDOW: "党员示范窗口", PARTY_MEMBER_PIONEER_POST: "党员先锋岗" };
  const levelLabels = [
    ["VERY_SATISFIED", "非常满意"], ["SATISFIED", "满意"], ["BASICALLY_SATISFIED", "基本满意"],
    ["DISSATISFIED", "不满意"], ["VERY_DISSATISFIED", "非常不满意"],
  ];

  const section = id => document.getElementById(id);
  const api = path => `/display/api/${path}`;

  function photo(staff) {
    // staff-conduct accepts an http(s) address or a path on the bureau's own site (photos/a001.jpg).
    const given = staff.photoUrl ?? "";
    const url = /^https?:\/\//.test(given) || given.startsWith("/") ? given : given && !given.includes(":") ? `/${given}` : "";
    const placeholder = () => el("div", { class: "photo placeholder", "aria-hidden": true }, (staff.name ?? "").slice(0, 1));
    if (!url) return placeholder();
    const image = el("img", { class: "photo", src: url, alt: `${staff.name ?? ""}的照片` });
    image.addEventListener("error", () => image.replaceWith(placeholder()), { once: true });
    return image;
  }

  function commitment(c) {
    const status = c.status ?? "PUBLISHED";
    return el("li", { class: `commitment status-${status.toLowerCase()}` },
      el("span", { class: "commitment-text" }, c.text ?? ""),
      el("span", { class: "commitment-meta" },
        el("span", {}, `期限 ${c.deadline ?? ""}`),
        el("span", { class: "chip" }, commitmentLabels[status] ?? status)));
  }

  function staffCard(show) {
    const staff = show.staff ?? {};
    const duty = show.dutyToday ?? "DUTY_STATUS_UNSPECIFIED";
    const badges = (show.designations ?? []).filter(d => d.inForce !== false)
      .map(d => el("span", { class: "badge honour" }, designationLabels[d.kind] ?? d.kind));
    return el("article", { class: `staff-card duty-${duty.toLowerCase()}` },
      photo(staff),
      el("div", { class: "staff-body" },
        el("div", { class: "staff-head" },
          el("h3", { class: "staff-name" }, staff.name ?? ""),
          el("span", { class: "chip duty" }, dutyLabels[duty] ?? "未登记")),
        el("p", { class: "staff-post" }, staff.post ?? "",
          staff.badgeNumber ? el("span", { class: "badge-number" }, ` 工号 ${staff.badgeNumber}`) : null),
        el("p", { class: "badges" }, staff.partyMember ? el("span", { class: "badge party" }, "共产党员") : null, badges),
        el("h4", {}, "岗位职责"),
        (staff.duties ?? []).length
          ? el("ul", { class: "duties" }, staff.duties.map(d => el("li", {}, d)))
          : el("p", { class: "muted" }, "暂无"),
        el("h4", {}, "服务承诺"),
        (show.commitments ?? []).length
          ? el("ul", { class: "commitments" }, show.commitments.map(commitment))
          : el("p", { class: "muted" }, "暂无")));
  }

  function renderStaff(data) {
    const order = show => (show.dutyToday === "ON_DUTY" ? 0 : 1);
    const shows = [...(data.staff ?? [])].sort((a, b) => order(a) - order(b));
    if (!shows.length) return el("p", { class: "muted" }, "本窗口暂无公示人员");
    return el("div", { class: "staff-list" }, shows.map(staffCard));
  }

  function renderDesignations(data) {
    const held = (data.designations ?? [])
      .filter(d => d.inForce !== false && (!officeId || !d.officeId || d.officeId === officeId));
    if (!held.length) return el("p", { class: "muted" }, "暂无");
    return el("ul", { class: "designations" }, held.map(d =>
      el("li", { class: "designation" }, el("span", { class: "badge honour big" }, designationLabels[d.kind] ?? d.kind),
        el("span", { class: "muted" }, ` ${d.grantedOn ?? ""} 授予`))));
  }

  function renderSatisfaction(summary) {
    const total = summary.total ?? 0;
    const counts = Object.fromEntries((summary.counts ?? []).map(c => [c.level, c.count ?? 0]));
    const rate = total ? `${(100 * (summary.satisfactionRate ?? 0)).toFixed(1)}%` : "—";
    return [
      el("p", { class: "rate" }, el("span", { class: "rate-value", id: "satisfaction-rate" }, rate),
        el("span", { class: "rate-label" }, "满意率（满意及以上）")),
      el("p", { class: "total" }, `本月评价 ${total} 次`),
      el("dl", { class: "levels" }, levelLabels.flatMap(([level, label]) =>
        [el("dt", {}, label), el("dd", {}, String(counts[level] ?? 0))])),
    ];
  }

  function when(timestamp) {
    return timestamp ? new Date(timestamp).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" }) : "";
  }

  function renderReplies(list) {
    const answered = (list.suggestions ?? []).filter(s => !s.hidden && (s.replies ?? []).length).slice(0, 5);
    if (!answered.length) return el("p", { class: "muted" }, "暂无回复");
    return el("ul", { class: "replies" }, answered.map(s => el("li", { class: "reply" },
      el("p", { class: "suggestion" },
        el("span", { class: "chip" }, s.category ?? "建议"),
        ` ${s.anonymous ? "匿名" : (s.maskedName || "市民")}：${(s.text ?? "").slice(0, 120)}`),
      s.replies.map(r => el("p", { class: "answer" }, `答复：${r.text ?? ""}`,
        el("span", { class: "muted" }, ` —— ${r.repliedBy ?? ""} ${when(r.repliedAt)}`))))));
  }

  if (!windows[windowCode]) {
    section("staff").querySelector(".part-body").replaceChildren(el("p", {}, "没有这个窗口"));
    return;
  }

  every(5, () => {
    const today = officeToday();
    const monthStart = `${today.slice(0, 8)}01`;
    const staff = getJson(api(`staff/windows/${windowCode}/staff${officeId ? `?office_id=${officeId}` : ""}`), windowCode);
    staff.catch(() => { }); // each part reports its own failure
    return Promise.all([
      loadPart(section("staff"), () => staff, renderStaff),
      loadPart(section("designations"), () => staff, renderDesignations),
      loadPart(section("satisfaction"),
        () => getJson(api(`feedback/windows/${windowCode}/satisfaction?from_date=${monthStart}&to_date=${today}`), windowCode),
        renderSatisfaction),
      loadPart(section("replies"),
        () => getJson(api(`feedback/windows/${windowCode}/suggestions?page.page_size=30`), windowCode), renderReplies),
    ]);
  });
})();
