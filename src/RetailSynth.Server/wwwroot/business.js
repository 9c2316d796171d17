// RetailSynth dashboard, Business section: GET /api/business drawn with the vendored Chart.js (wwwroot/vendor, no build step).
"use strict";

// Uses app.js (loaded first): $ and api().
(() => {
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat("en-US");
  const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
  const REFRESH_MS = 60_000; // a month of `small` takes about a second to aggregate: not every poll
  const colors = { store: "#2563eb", online: "#059669", receipts: "#d97706", bad: "#dc2626", muted: "#9ca3af" };
  const palette = ["#2563eb", "#d97706", "#059669", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#ea580c"];
  const charts = {};
  let loading = false;

  // Chart.js is loaded here rather than by a second tag in index.html; its file is served from this origin ('self').
  function loadChartJs() {
    if (window.Chart) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = "/vendor/chart.umd.min.js";
      script.onload = () => resolve();
      script.onerror = () => reject(new Error("cannot load /vendor/chart.umd.min.js"));
      document.head.appendChild(script);
    });
  }

  // Requests go through app.js's api(): the API key and the error wording are the dashboard's.
  const get = (path) => api("GET", path);

  // One chart per canvas, replaced on every load; data-points tells tests (and curious users) how much it drew.
  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
    charts[id] = new window.Chart($(id), config);
    const points = config.data.datasets.reduce((sum, d) => sum + d.data.filter((v) => v !== null && v !== undefined).length, 0);
    $(id).dataset.points = String(points);
  }

  const axis = (title, format, extra) => Object.assign({ title: { display: true, text: title }, ticks: { callback: (v) => format(v) }, beginAtZero: true }, extra);
  const tooltip = (format) => ({ callbacks: { label: (c) => `${c.dataset.label}: ${format(c.parsed.y ?? c.parsed)}` } });
  const barOfLine = (label, data, color, axisId) => ({ type: "line", label, data, borderColor: color, backgroundColor: color, yAxisID: axisId, pointRadius: 2, tension: 0.2 });

  function renderTotals(picture) {
    const t = picture.totals;
    const ticket = t.receipts ? t.store_revenue / t.receipts : null;
    const tiles = [
      ["store revenue", money.format(t.store_revenue)],
      ["receipts", count.format(t.receipts)],
      ["average ticket", ticket == null ? "–" : money.format(ticket)],
      ["online revenue", money.format(t.online_revenue)],
      ["online orders", count.format(t.online_orders)],
      ["online share", t.online_share == null ? "–" : percent.format(t.online_share)],
    ];
    const list = $("business-totals");
    list.replaceChildren();
    for (const [name, value] of tiles) {
      const tile = document.createElement("div");
      const dt = document.createElement("dt");
      const dd = document.createElement("dd");
      dt.textContent = name;
      dd.textContent = value;
      tile.append(dt, dd);
      list.appendChild(tile);
    }
  }

  function render(picture) {
    renderTotals(picture);
    $("business-note").textContent = `${picture.from} … ${picture.to}` +
      (picture.last_day_partial ? ` · ${picture.to} is still open at its stores (its evenings fall after the last committed UTC day)` : "");

    const days = picture.days.map((d) => d.date);
    draw("biz-days", {
      type: "bar",
      data: {
        labels: days,
        datasets: [
          { label: "store revenue", data: picture.days.map((d) => d.revenue), backgroundColor: colors.store, stack: "revenue", yAxisID: "y" },
          { label: "online revenue", data: picture.days.map((d) => d.online_revenue), backgroundColor: colors.online, stack: "revenue", yAxisID: "y" },
          barOfLine("receipts", picture.days.map((d) => d.receipts), colors.receipts, "y1"),
        ],
      },
      options: { scales: { x: { stacked: true }, y: axis("revenue", money.format, { stacked: true }), y1: axis("receipts", count.format, { position: "right", grid: { drawOnChartArea: false } }) } },
    });

    draw("biz-hours", {
      type: "bar",
      data: {
        labels: picture.hours.map((h) => `${String(h.hour).padStart(2, "0")}h`),
        datasets: [
          { label: "store revenue", data: picture.hours.map((h) => h.revenue), backgroundColor: colors.store, yAxisID: "y" },
          barOfLine("receipts", picture.hours.map((h) => h.receipts), colors.receipts, "y1"),
        ],
      },
      options: { scales: { y: axis("revenue", money.format), y1: axis("receipts", count.format, { position: "right", grid: { drawOnChartArea: false } }) } },
    });

    draw("biz-departments", {
      type: "bar",
      data: {
        labels: picture.departments.map((d) => d.department),
        datasets: [
          { label: "stores", data: picture.departments.map((d) => d.store_revenue), backgroundColor: colors.store },
          { label: "online", data: picture.departments.map((d) => d.online_revenue), backgroundColor: colors.online },
        ],
      },
      options: { indexAxis: "y", scales: { x: axis("revenue", money.format, { stacked: true }), y: { stacked: true, ticks: { autoSkip: false } } } },
    });

    draw("biz-stores", {
      type: "bar",
      data: {
        labels: picture.top_stores.map((s) => s.store_number),
        datasets: [{ label: "store revenue", data: picture.top_stores.map((s) => s.revenue), backgroundColor: colors.store }],
      },
      options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: axis("revenue", money.format), y: { ticks: { autoSkip: false } } } },
    });

    draw("biz-online", {
      type: "line",
      data: {
        labels: days,
        datasets: [{ label: "online share", data: picture.days.map((d) => d.online_share), borderColor: colors.online, backgroundColor: colors.online, pointRadius: 2, tension: 0.2 }],
      },
      options: { plugins: { legend: { display: false }, tooltip: tooltip(percent.format) }, scales: { y: axis("share of revenue", percent.format) } },
    });

    draw("biz-oos", {
      type: "line",
      data: {
        labels: picture.out_of_stock.map((d) => d.date),
        datasets: [{ label: "out of stock", data: picture.out_of_stock.map((d) => d.rate), borderColor: colors.bad, backgroundColor: colors.bad, pointRadius: 2 }],
      },
      options: { plugins: { legend: { display: false }, tooltip: tooltip(percent.format) }, scales: { y: axis("store × product pairs with nothing on hand", percent.format) } },
    });

    const queue = picture.truck_queue;
    const hourLabel = (at) => `${at.slice(5, 10)} ${at.slice(11, 13)}h`;
    draw("biz-trucks", {
      type: "line",
      data: {
        labels: queue.samples.map((s) => hourLabel(s.at)),
        datasets: [
          ...queue.dc_ids.map((dc, i) => ({
            label: `at DC${String(dc).padStart(3, "0")}`, data: queue.samples.map((s) => s.at_dc[i]), stepped: true, pointRadius: 0,
            borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length],
          })),
          { label: "on the road", data: queue.samples.map((s) => s.on_road), stepped: true, pointRadius: 0, borderDash: [4, 3], borderColor: colors.muted, backgroundColor: colors.muted },
        ],
      },
      options: { scales: { x: { ticks: { maxTicksLimit: 12 } }, y: axis("shipments", count.format, { ticks: { precision: 0 } }) } },
    });

    const mix = picture.event_mix;
    draw("biz-events", {
      type: "bar",
      data: {
        labels: mix.map((e) => e.event_type),
        datasets: [
          { label: "sent", data: mix.map((e) => e.sent), backgroundColor: colors.online },
          { label: "pending", data: mix.map((e) => e.pending), backgroundColor: colors.receipts },
          { label: "dead", data: mix.map((e) => e.dead), backgroundColor: colors.bad },
        ],
      },
      options: { indexAxis: "y", scales: { x: axis("events", count.format, { stacked: true }), y: { stacked: true, ticks: { autoSkip: false } } } },
    });
    $("biz-events-note").textContent = mix.length === 0 ? "no events in the outbox for these days: historical days are not streamed; stream a day to see the mix" : "";
  }

  async function load() {
    if (loading) return;
    loading = true;
    const query = new URLSearchParams();
    if ($("business-from").value) query.set("from", $("business-from").value);
    if ($("business-to").value) query.set("to", $("business-to").value);
    if ($("business-top").value) query.set("top", $("business-top").value);
    try {
      const [picture] = await Promise.all([get(`/api/business?${query}`), loadChartJs()]);
      render(picture);
      $("business").dataset.loaded = String(Number($("business").dataset.loaded || 0) + 1);
      $("business").dataset.to = picture.to;
    } catch (error) {
      $("business-note").textContent = error.message;
    } finally {
      loading = false;
    }
  }

  $("business-load").addEventListener("click", load);
  // A new committed day reloads the charts, at most every 5 s while a job commits day after day.
  let lastLoad = 0;
  let pending = null;
  document.addEventListener("retailsynth:watermark", () => {
    if (pending) return;
    pending = setTimeout(() => { pending = null; lastLoad = Date.now(); load(); }, Math.max(0, lastLoad + 5_000 - Date.now()));
  });
  load();
  setInterval(load, REFRESH_MS);
})();
