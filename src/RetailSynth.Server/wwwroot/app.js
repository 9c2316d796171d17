// RetailSynth dashboard: plain JS, polls the API every second (api.md §3).
"use strict";

const $ = (id) => document.getElementById(id);
const fmt = new Intl.NumberFormat("en-US");
const history = []; // { rate, backlog } per poll, newest last
const HISTORY = 120;
let taskId = null;
let previewLoaded = false;

$("api-key").value = localStorage.getItem("retailsynth-api-key") || "";
$("api-key").addEventListener("change", () => localStorage.setItem("retailsynth-api-key", $("api-key").value));

// One request with the API key; the parsed answer whatever its status (a non-JSON body becomes { detail }).
async function send(method, path, body) {
  const headers = { Accept: "application/json" };
  const key = $("api-key").value;
  if (key) headers["X-Api-Key"] = key;
  // The server refuses (415) any change that is not declared as JSON, body or not.
  if (method !== "GET") headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { detail: text }; }
  return { ok: response.ok, status: response.status, statusText: response.statusText, data };
}

// The answer of a request that should succeed; otherwise an Error naming the problem and every bad field.
async function api(method, path, body) {
  const { ok, status, statusText, data } = await send(method, path, body);
  if (!ok) {
    const fields = data && data.errors ? " " + Object.entries(data.errors).map(([k, v]) => `${k}: ${v.join(", ")}`).join("; ") : "";
    const error = new Error(((data && (data.detail || data.title)) || statusText) + fields);
    error.status = status;
    throw error;
  }
  return data;
}

function say(text, isError) {
  $("message").textContent = text || "";
  $("message").className = isError ? "error" : "";
}

async function act(action) {
  try {
    await action();
    say("");
  } catch (error) {
    say(error.message, true);
  }
  refresh();
}

function showTask(task) {
  if (!task) return;
  $("task-progress").value = task.progress;
  const eta = task.eta_seconds == null ? "" : `, ETA ${task.eta_seconds.toFixed(0)} s`;
  const days = task.days_total ? `, ${task.days_done}/${task.days_total} days` : "";
  $("task-text").textContent =
    `${task.kind} ${task.status}: ${task.stage}${days}, ${fmt.format(task.rows)} rows, ${fmt.format(Math.round(task.rows_per_second))} rows/s${eta}` +
    (task.error ? ` — ${task.error}` : "");
  $("task-text").dataset.status = task.status;
  const running = task.status === "running";
  $("cancel-task").disabled = !running;
  $("generate-dimensions").disabled = running;
  $("generate-days").disabled = running;
  if (!running) taskId = null;
}

async function startTask(path, body) {
  const task = await api("POST", path, body);
  taskId = task.id;
  showTask(task);
}

$("generate-dimensions").addEventListener("click", () => act(() => startTask("/api/generate/dimensions", { force: $("force").checked })));
$("generate-days").addEventListener("click", () => act(() => startTask("/api/generate/historical", { days: Number($("days").value) })));
$("cancel-task").addEventListener("click", () => act(async () => { if (taskId) showTask(await api("DELETE", `/api/tasks/${taskId}`)); }));

$("pacing").addEventListener("change", () => { $("speed").disabled = $("pacing").value !== "accelerated"; });
$("stream-start").addEventListener("click", () => act(async () => {
  const body = {};
  if ($("duration").value) body.duration_minutes = Number($("duration").value);
  if ($("pacing").value) body.pacing = $("pacing").value;
  if ($("pacing").value === "accelerated" && $("speed").value) body.speed = Number($("speed").value);
  await api("POST", "/api/stream/start", body);
}));
$("stream-stop").addEventListener("click", () => act(() => api("POST", "/api/stream/stop")));
$("requeue-dead").addEventListener("click", () => act(async () => say(`${(await api("POST", "/api/stream/outbox/dead/requeue")).count} requeued`)));
$("clear-outbox").addEventListener("click", () => act(async () => {
  if (confirm("Delete every outbox event? Their facts stay.")) await api("DELETE", "/api/stream/outbox");
}));

$("preview-load").addEventListener("click", () => act(loadPreview));

async function loadPreview() {
  const name = $("preview-table").value;
  if (!name) return;
  const data = await api("GET", `/api/tables/${encodeURIComponent(name)}?limit=${encodeURIComponent($("preview-limit").value)}`);
  const table = $("preview");
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const column of data.columns) {
    const th = document.createElement("th");
    th.textContent = column;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const row of data.rows) {
    const tr = body.insertRow();
    for (const column of data.columns) {
      const value = row[column];
      tr.insertCell().textContent = value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
    }
  }
  previewLoaded = true;
}

function renderStatus(status) {
  $("dataset").textContent = status.dataset
    ? `dataset ${status.dataset.dataset_id} · ${status.dataset.profile} · seed ${status.dataset.seed}`
    : "no dataset yet";
  const watermark = status.watermark || "no facts yet";
  // A new committed day (or a new dataset) is news for the Business section, which otherwise reloads once a minute.
  if ($("watermark").textContent !== watermark) document.dispatchEvent(new CustomEvent("retailsynth:watermark", { detail: watermark }));
  $("watermark").textContent = watermark;
  $("fact-range").textContent = status.first_fact_day ? `${status.first_fact_day} … ${status.last_fact_day}` : "–";
  $("database").textContent = `${status.database_path} (${(status.database_bytes / 1048576).toFixed(1)} MiB)`;
  if (!taskId && status.running_tasks.length > 0) taskId = status.running_tasks[0].id;
  renderQueues(status.dc_queues);
}

// Per-DC truck queues and route pools (data-model §13.2); null for a dataset of another model version.
function renderQueues(queues) {
  const body = $("queues").tBodies[0];
  body.replaceChildren();
  const hours = (h) => (h == null ? "–" : `${h.toFixed(1)} h`);
  for (const q of queues || []) {
    const tr = body.insertRow();
    tr.dataset.dc = String(q.dc_id);
    tr.insertCell().textContent = `DC${String(q.dc_id).padStart(3, "0")}`;
    for (const value of [fmt.format(q.queued_trips), fmt.format(q.queued_shipments), hours(q.oldest_waiting_hours),
      fmt.format(q.pooled_lines), fmt.format(q.pooled_units), hours(q.oldest_pooled_hours)]) {
      const cell = tr.insertCell();
      cell.className = "num";
      cell.textContent = value;
    }
  }
  $("queues-note").textContent = queues == null ? "not shown for a dataset of another model version"
    : queues.length === 0 ? "no distribution centers yet" : "";
}

function renderCounts(tables) {
  const body = $("counts").tBodies[0];
  body.replaceChildren();
  for (const table of tables) {
    const tr = body.insertRow();
    tr.dataset.table = table.name;
    tr.insertCell().textContent = table.name;
    const cell = tr.insertCell();
    cell.className = "num";
    cell.textContent = fmt.format(table.rows);
  }
  const select = $("preview-table");
  if (select.options.length !== tables.length) {
    select.replaceChildren(...tables.map((t) => new Option(t.name, t.name)));
  }
}

function renderStream(stream) {
  $("stream-state").textContent = stream ? (stream.running ? (stream.paused ? "paused" : stream.draining ? "draining" : "running") : "stopped") : "unavailable";
  $("stream-state").className = "badge" + (stream && stream.running ? " running" : "");
  $("events-sent").textContent = stream ? fmt.format(stream.events_sent) : "–";
  $("events-rate").textContent = stream ? fmt.format(Math.round(stream.events_per_second)) : "–";
  $("current-day").textContent = (stream && stream.current_day) || "–";
  $("pacing-state").textContent = stream ? `${stream.pacing} (${stream.pacing_state})` : "–";
}

function renderOutbox(outbox) {
  const set = (id, value) => { $(id).textContent = value; };
  set("outbox-pending", outbox ? fmt.format(outbox.pending) : "–");
  set("outbox-leased", outbox ? fmt.format(outbox.leased) : "–");
  set("outbox-sent", outbox ? fmt.format(outbox.sent) : "–");
  set("outbox-dead", outbox ? fmt.format(outbox.dead) : "–");
  set("outbox-oldest", (outbox && outbox.oldest_pending_event_ts) || "–");
  set("outbox-lag", outbox && outbox.lag_seconds != null ? `${outbox.lag_seconds.toFixed(1)} s` : "–");
  set("outbox-sink", outbox ? `${outbox.sink.type}, breaker ${outbox.sink.breaker}` + (outbox.sink.last_error ? `, ${outbox.sink.last_error}` : "") : "–");
}

function drawChart() {
  const canvas = $("chart");
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || canvas.width;
  const height = canvas.clientHeight || canvas.height;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const g = canvas.getContext("2d");
  g.scale(ratio, ratio);
  g.clearRect(0, 0, width, height);
  const pad = 24;
  g.strokeStyle = "#e5e7eb";
  for (let i = 0; i <= 4; i++) {
    const y = pad / 2 + ((height - pad) * i) / 4;
    g.beginPath(); g.moveTo(pad, y); g.lineTo(width - 4, y); g.stroke();
  }
  const series = (key, color) => {
    const max = Math.max(1, ...history.map((h) => h[key]));
    g.strokeStyle = color;
    g.lineWidth = 2;
    g.beginPath();
    history.forEach((h, i) => {
      const x = pad + ((width - pad - 4) * i) / (HISTORY - 1);
      const y = pad / 2 + (height - pad) * (1 - h[key] / max);
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    g.stroke();
    return max;
  };
  const maxRate = series("rate", "#2563eb");
  const maxBacklog = series("backlog", "#d97706");
  g.fillStyle = "#6b7280";
  g.font = "11px system-ui";
  g.fillText(`${fmt.format(Math.round(maxRate))} ev/s`, pad, 10);
  g.fillText(`${fmt.format(maxBacklog)} pending`, width - 110, 10);
  canvas.dataset.points = String(history.length);
}

async function optional(path) {
  try { return await api("GET", path); } catch { return null; }
}

let refreshing = false;
async function refresh() {
  if (refreshing) return;
  refreshing = true;
  try {
    const [status, tables, stream, outbox] = await Promise.all([
      api("GET", "/api/status"), api("GET", "/api/tables"), optional("/api/stream/status"), optional("/api/stream/outbox/status"),
    ]);
    renderStatus(status);
    renderCounts(tables);
    renderStream(stream);
    renderOutbox(outbox);
    if (taskId) showTask(await optional(`/api/tasks/${taskId}`));
    history.push({ rate: stream ? stream.events_per_second : 0, backlog: outbox ? outbox.backlog_events : 0 });
    if (history.length > HISTORY) history.shift();
    drawChart();
    if (!previewLoaded && $("preview-table").value) await loadPreview();
    document.body.dataset.refreshed = String(Number(document.body.dataset.refreshed || 0) + 1);
  } catch (error) {
    say(`cannot reach the server: ${error.message}`, true);
  } finally {
    refreshing = false;
  }
}

// ---- Relay control (issue 16): pause, resume, drain and the sink's connection test. Kept in one block. ----
function setupRelayControl() {
  const answer = (text) => { $("relay-answer").textContent = text; };
  const describe = (stream) => (stream.running ? (stream.paused ? "paused" : stream.draining ? "draining" : "running") : "stopped");
  $("stream-pause").addEventListener("click", () => act(async () => answer(`stream ${describe(await api("POST", "/api/stream/pause"))}`)));
  $("stream-resume").addEventListener("click", () => act(async () => answer(`stream ${describe(await api("POST", "/api/stream/resume"))}`)));
  $("stream-drain").addEventListener("click", () => act(async () => {
    const stream = await api("POST", "/api/stream/drain");
    answer(stream.running ? "draining: pending events are sent, no new day, then the stream stops" : "nothing to drain: the outbox is empty");
  }));
  $("sink-test").addEventListener("click", () => act(async () => {
    answer("testing…");
    const test = await api("POST", "/api/stream/test-connection");
    answer(test.ok ? `${test.sink}: ok (${test.elapsed_ms} ms)` : `${test.sink}: failed (${test.kind}) — ${test.reason}`);
    $("relay-answer").dataset.ok = String(test.ok);
  }));
}
setupRelayControl();

refresh();
setInterval(refresh, 1000);

// ---- Settings page: nav entry, configuration editor (fields or JSON), dataset deletion --------------------------------
// Kept apart from the dashboard's cards above; it shares only $ and the API key field.
const settingsPage = { datasetId: null };

function showPage() {
  const settings = location.hash === "#settings";
  document.querySelector("main").hidden = settings;
  $("settings-page").hidden = !settings;
  $("business").hidden = settings;
  $("nav-dashboard").classList.toggle("current", !settings && location.hash !== "#business");
  $("nav-business").classList.toggle("current", location.hash === "#business");
  $("nav-settings").classList.toggle("current", settings);
  if (settings) loadSettings();
}

// Leaves of the settings document as "Section:Key" → value (arrays stay whole).
function settingsLeaves(node, prefix, out) {
  for (const [name, value] of Object.entries(node)) {
    const key = prefix ? `${prefix}:${name}` : name;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) settingsLeaves(value, key, out);
    else out.push([key, value]);
  }
  return out;
}

function settingsSet(document, key, value) {
  const names = key.split(":");
  let node = document;
  for (const name of names.slice(0, -1)) node = node[name];
  node[names[names.length - 1]] = value;
}

// A field's text as the type its setting had: numbers stay numbers, true/false booleans, arrays JSON.
function settingsCoerce(text, original) {
  if (typeof original === "number" && text.trim() !== "" && !Number.isNaN(Number(text))) return Number(text);
  if (typeof original === "boolean" && (text === "true" || text === "false")) return text === "true";
  if (Array.isArray(original)) { try { return JSON.parse(text); } catch { return text; } }
  return text;
}

function settingsDocument() {
  let document;
  try {
    document = JSON.parse($("settings-json").value || "{}");
  } catch (error) {
    throw new Error(`the JSON is not valid: ${error.message}`);
  }
  if (document === null || typeof document !== "object" || Array.isArray(document)) throw new Error("the settings must be a JSON object");
  return document;
}

function renderSettingsFields(document) {
  const body = $("settings-fields").tBodies[0];
  body.replaceChildren();
  for (const [key, value] of settingsLeaves(document, "", [])) {
    const tr = body.insertRow();
    tr.dataset.key = key;
    tr.insertCell().textContent = key;
    const input = globalThis.document.createElement("input");
    input.value = value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
    input.setAttribute("aria-label", key);
    input.addEventListener("input", () => {
      try {
        const current = settingsDocument();
        settingsSet(current, key, settingsCoerce(input.value, value));
        $("settings-json").value = JSON.stringify(current, null, 2);
      } catch (error) {
        showSettingsErrors({ body: [error.message] });
      }
    });
    tr.insertCell().appendChild(input);
  }
  if (body.rows.length === 0) body.insertRow().insertCell().textContent = "no settings in the file yet: add them as JSON";
}

function showSettingsErrors(errors, detail) {
  const list = $("settings-errors");
  list.replaceChildren();
  for (const [field, messages] of Object.entries(errors || {})) {
    for (const message of messages) {
      const li = document.createElement("li");
      li.dataset.field = field;
      li.textContent = message.startsWith(field) ? message : `${field}: ${message}`;
      list.appendChild(li);
    }
  }
  if (!errors && detail) {
    const li = document.createElement("li");
    li.textContent = detail;
    list.appendChild(li);
  }
}

function showSettingsDocument(file) {
  $("settings-path").textContent = file.path + (file.exists ? "" : " (not created yet)");
  $("settings-json").value = JSON.stringify(file.settings, null, 2);
  renderSettingsFields(file.settings);
}

async function loadSettings() {
  const [file, status] = await Promise.all([send("GET", "/api/config/file"), send("GET", "/api/status")]);
  if (file.ok) showSettingsDocument(file.data);
  else showSettingsErrors(null, (file.data && (file.data.detail || file.data.title)) || `HTTP ${file.status}`);
  settingsPage.datasetId = status.ok && status.data.dataset ? status.data.dataset.dataset_id : null;
  $("delete-dataset-id").textContent = settingsPage.datasetId || "no dataset";
  updateDeleteButton();
}

// Validate (POST /api/config/validate) or save (PUT /api/config): every field error is listed by setting.
async function submitSettings(method, path) {
  showSettingsErrors(null);
  $("settings-result").textContent = "";
  let document;
  try {
    document = settingsDocument();
  } catch (error) {
    showSettingsErrors({ body: [error.message] });
    return;
  }
  const answer = await send(method, path, document);
  if (!answer.ok) {
    showSettingsErrors(answer.data && answer.data.errors, (answer.data && (answer.data.detail || answer.data.title)) || `HTTP ${answer.status}`);
    $("settings-result").textContent = answer.status === 409 ? "refused" : "invalid";
    return;
  }
  if (method === "PUT") {
    showSettingsDocument(answer.data);
    $("settings-result").textContent = "saved; restart the server to apply";
  } else {
    $("settings-result").textContent = "valid";
  }
}

$("settings-json").addEventListener("input", () => {
  try { renderSettingsFields(settingsDocument()); } catch { /* half-typed JSON: the fields wait for a valid document */ }
});
$("settings-reload").addEventListener("click", () => { showSettingsErrors(null); $("settings-result").textContent = ""; loadSettings(); });
$("settings-validate").addEventListener("click", () => submitSettings("POST", "/api/config/validate"));
$("settings-save").addEventListener("click", () => submitSettings("PUT", "/api/config"));

function updateDeleteButton() {
  $("delete-dataset").disabled = !settingsPage.datasetId || $("delete-confirm").value.trim() !== settingsPage.datasetId;
}

$("delete-confirm").addEventListener("input", updateDeleteButton);
$("delete-dataset").addEventListener("click", async () => {
  const answer = await send("DELETE", "/api/dataset", { confirm: $("delete-confirm").value.trim() });
  const data = answer.data || {};
  $("delete-result").textContent = answer.ok
    ? `deleted dataset ${data.dataset_id} (${fmt.format(data.rows_deleted)} rows)`
    : (data.errors && data.errors.confirm ? data.errors.confirm.join(" ") : data.detail || data.title || `HTTP ${answer.status}`);
  $("delete-result").className = answer.ok ? "muted" : "error";
  $("delete-confirm").value = "";
  await loadSettings();
});

window.addEventListener("hashchange", showPage);
showPage();
