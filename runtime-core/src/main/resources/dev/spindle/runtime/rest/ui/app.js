// Spindle web UI: plain JS + SVG, served by the ApplicationMaster. Every URL is relative, so the
// page works at the REST endpoint's root and behind YARN's /proxy/<application>/ prefix alike.
"use strict";

const REFRESH_MS = 2000;
const main = document.getElementById("main");
let timer = null;

function esc(v) {
  return String(v === undefined || v === null ? "" : v)
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function num(v) { return v === undefined || v === null || v < 0 ? "–" : Number(v).toLocaleString("en-US"); }
function rate(v) { return v === undefined || v === null ? "–" : Number(v).toLocaleString("en-US", {maximumFractionDigits: 1}) + "/s"; }
function pct(v) { return v === undefined || v === null ? "–" : Math.round(v * 100) + " %"; }
function bytes(v) {
  if (v === undefined || v === null || v < 0) return "–";
  const u = ["B", "KiB", "MiB", "GiB", "TiB"]; let i = 0; let x = v;
  while (x >= 1024 && i < u.length - 1) { x /= 1024; i++; }
  return (i === 0 ? x : x.toFixed(1)) + " " + u[i];
}
function time(ms) { return ms > 0 ? new Date(ms).toLocaleString() : "–"; }
function dur(ms) {
  if (ms === undefined || ms === null || ms < 0) return "–";
  const s = Math.floor(ms / 1000);
  return s < 60 ? (ms < 10000 ? (ms / 1000).toFixed(1) : s) + " s" : Math.floor(s / 60) + " min " + (s % 60) + " s";
}
function status(s) { return `<span class="status ${esc(s)}">${esc(s)}</span>`; }

async function get(path) {
  const r = await fetch(path, {headers: {"Accept": "application/json"}, credentials: "same-origin"});
  if (!r.ok) {
    let msg = r.status + " " + r.statusText;
    try { msg = (await r.json()).error || msg; } catch (e) { /* not JSON */ }
    throw new Error(msg);
  }
  return (r.headers.get("Content-Type") || "").startsWith("application/json") ? r.json() : r.text();
}

function cards(items) {
  return `<div class="cards">${items.map(([k, v, id]) =>
    `<div class="card"${id ? ` id="${id}"` : ""}><div class="v">${esc(v)}</div><div class="k">${esc(k)}</div></div>`).join("")}</div>`;
}

function table(headers, rows, id) {
  return `<table${id ? ` id="${id}"` : ""}><tr>${headers.map(h => `<th class="${h.endsWith("#") ? "num" : ""}">${esc(h.replace(/#$/, ""))}</th>`).join("")}</tr>`
    + rows.map(r => `<tr>${r.map((c, i) => `<td class="${headers[i].endsWith("#") ? "num" : ""}">${c}</td>`).join("")}</tr>`).join("")
    + `</table>`;
}

// ---- pages ----

async function overviewPage() {
  const [o, jobs, am] = await Promise.all([get("v1/overview"), get("v1/jobs"), get("v1/jobmanager")]);
  const running = jobs.jobs.filter(j => !["FINISHED", "FAILED", "CANCELED"].includes(j.status));
  const ended = jobs.jobs.filter(j => !running.includes(j));
  const row = j => [`<a href="#/jobs/${j.id}">${esc(j.name)}</a>`, `<code>${esc(j.id)}</code>`, status(j.status), esc(time(j.startTime)), esc(dur(j.duration))];
  return cards([["slots total", o.slotsTotal, "slots-total"], ["slots free", o.slotsAvailable, "slots-free"],
      ["TaskExecutors", o.taskExecutors, "task-executors"], ["running jobs", o.jobsRunning, "jobs-running"],
      ["finished jobs", o.jobsFinished], ["failed jobs", o.jobsFailed], ["canceled jobs", o.jobsCanceled],
      ["ApplicationMaster heap", heapUse(am.jvm)], ["ApplicationMaster GC", `${num(am.jvm.gcCount)} · ${dur(am.jvm.gcTimeMillis)}`]])
    + `<h2>Running jobs</h2>` + table(["name", "id", "status", "start", "duration"], running.map(row), "running-jobs")
    + `<h2>Finished jobs</h2>` + table(["name", "id", "status", "start", "duration"], ended.map(row), "finished-jobs");
}

function layout(vertices, edges) {
  const depth = {};
  vertices.forEach(v => depth[v.id] = 0);
  for (let i = 0; i < vertices.length; i++) {
    edges.forEach(e => { if (depth[e.target] < depth[e.source] + 1) depth[e.target] = depth[e.source] + 1; });
  }
  const columns = {};
  vertices.forEach(v => (columns[depth[v.id]] = columns[depth[v.id]] || []).push(v));
  const W = 250, H = 118, GX = 70, GY = 24, pos = {};
  let maxRows = 1;
  Object.keys(columns).forEach(c => {
    maxRows = Math.max(maxRows, columns[c].length);
    columns[c].forEach((v, r) => pos[v.id] = {x: 10 + c * (W + GX), y: 10 + r * (H + GY)});
  });
  return {pos, W, H, width: 20 + Object.keys(columns).length * (W + GX) - GX, height: 20 + maxRows * (H + GY) - GY};
}

// Busy time shades red-orange, backpressured time purple, an idle vertex stays pale: the colours Flink users know.
function vertexColour(v) {
  const busy = v.busyRatio || 0, bp = v.backpressuredRatio || 0;
  if (bp > busy && bp > 0.1) return `hsl(270, ${30 + bp * 50}%, ${92 - bp * 35}%)`;
  return `hsl(${120 - busy * 120}, ${35 + busy * 45}%, ${90 - busy * 30}%)`;
}

function graphSvg(job) {
  const edges = job.edges || [];
  const L = layout(job.vertices, edges);
  let svg = `<svg class="graph" id="job-graph" width="${L.width}" height="${L.height}" xmlns="http://www.w3.org/2000/svg">`
    + `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">`
    + `<path d="M0,0 L10,5 L0,10 z" fill="#66738a"/></marker></defs>`;
  edges.forEach(e => {
    const a = L.pos[e.source], b = L.pos[e.target];
    if (!a || !b) return;
    const x1 = a.x + L.W, y1 = a.y + L.H / 2, x2 = b.x, y2 = b.y + L.H / 2, mx = (x1 + x2) / 2;
    svg += `<path d="M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}" fill="none" stroke="#66738a" stroke-width="1.5" marker-end="url(#arrow)"/>`
      + `<text x="${mx}" y="${(y1 + y2) / 2 - 5}" text-anchor="middle" fill="#66738a" font-size="11">${esc(e.shipStrategy || "")}</text>`;
  });
  job.vertices.forEach(v => {
    const p = L.pos[v.id];
    const name = v.name.length > 34 ? v.name.slice(0, 33) + "…" : v.name;
    svg += `<g class="vertex" data-vertex="${esc(v.id)}"><rect x="${p.x}" y="${p.y}" width="${L.W}" height="${L.H}" rx="6" fill="${vertexColour(v)}" stroke="#4a566b"/>`
      + `<title>${esc(v.name)}</title>`
      + `<text class="vname" x="${p.x + 10}" y="${p.y + 18}">${esc(name)}</text>`
      + `<text x="${p.x + 10}" y="${p.y + 36}">parallelism ${v.parallelism} · ${esc(v.status)}</text>`
      + `<text x="${p.x + 10}" y="${p.y + 54}">in ${num(v.recordsIn)} (${rate(v.recordsInPerSecond)}) · ${bytes(v.bytesIn)}</text>`
      + `<text x="${p.x + 10}" y="${p.y + 72}">out ${num(v.recordsOut)} (${rate(v.recordsOutPerSecond)}) · ${bytes(v.bytesOut)}</text>`
      + `<text x="${p.x + 10}" y="${p.y + 90}">busy ${pct(v.busyRatio)} · backpressured ${pct(v.backpressuredRatio)}</text>`
      + `<text x="${p.x + 10}" y="${p.y + 108}" fill="#4a566b">idle ${pct(v.idleRatio)}</text></g>`;
  });
  return svg + `</svg><div class="legend muted">colour: <span style="background:${vertexColour({busyRatio: 0})}"></span>idle`
    + `<span style="background:${vertexColour({busyRatio: 1})}"></span>busy<span style="background:${vertexColour({backpressuredRatio: 1})}"></span>backpressured</div>`;
}

function subtaskTables(job) {
  return job.vertices.map(v => `<h2>${esc(v.name)}</h2>` + table(
    ["subtask#", "status", "attempt#", "TaskExecutor", "records in#", "records out#", "in rate#", "out rate#", "busy#", "idle#", "backpressured#",
      "busy / idle / backpressured time#", "out buffers#", "in buffers#"],
    v.subtasks.map(s => [s.index, status(s.status), s.attempt, taskExecutorCell(s), num(s.recordsIn), num(s.recordsOut),
      rate(s.recordsInPerSecond), rate(s.recordsOutPerSecond), pct(s.busyRatio), pct(s.idleRatio), pct(s.backpressuredRatio),
      s.busyTimeMs === undefined ? "–" : `${dur(s.busyTimeMs)} / ${dur(s.idleTimeMs)} / ${dur(s.backpressuredTimeMs)}`,
      buffers(s.outputBuffers), buffers(s.inputBuffers)]),
    "subtasks-" + v.id)
  ).join("") + `<p class="muted">busy, idle and backpressured: shares of the last heartbeat interval; their times add up since the attempt started.</p>`
    + operatorTable(job);
}

// where a subtask runs: its TaskExecutor (the YARN container id), linking to the TaskExecutors page
function taskExecutorCell(s) {
  if (!s.taskExecutor) return `<span class="muted">${esc(s.host || "–")}</span>`;
  return `<a href="#/taskexecutors" title="${esc(s.host || "")}"><code>${esc(s.taskExecutor)}</code></a>`;
}

function operatorTable(job) {
  const rows = [];
  job.vertices.forEach(v => (v.operators || []).forEach(o =>
    rows.push([esc(v.name), esc(o.name), num(o.recordsIn), num(o.recordsOut), rate(o.recordsInPerSecond), rate(o.recordsOutPerSecond),
      watermarkLag(o)])));
  return rows.length ? `<h2>Operators</h2>` + table(["vertex", "operator", "records in#", "records out#", "in rate#", "out rate#", "watermark lag#"],
    rows, "operators") : "";
}

// how full a subtask's network buffers are: "used/capacity (share)", or a dash before the first heartbeat or without any
function buffers(b) {
  return !b || !b.capacity ? "–" : `${b.used}/${b.capacity} (${pct(b.usage)})`;
}

function watermarkLag(o) {
  if (o.watermarkState === undefined) return "–";
  if (o.watermarkState !== "current") return `<span class="muted">${esc(o.watermarkState)}</span>`;
  const lag = o.watermarkLagMs;
  const text = lag === null ? "–" : lag < 0 ? "ahead by " + dur(-lag) : dur(lag);
  return `<span title="watermark ${esc(new Date(o.watermark).toISOString())}">${text}</span>`;
}

function exceptionsTab(job) {
  const list = (job.exceptions || []).slice().reverse();
  return cards([["restarts", job.restarts === undefined ? "–" : job.restarts, "restarts"], ["exceptions", list.length]])
    + (list.length === 0 && !job.failureCause ? `<p class="muted">No exceptions.</p>` : "")
    + (job.failureCause ? `<h2>Failure cause</h2><pre>${esc(job.failureStackTrace || job.failureCause)}</pre>` : "")
    + (list.length ? `<h2>Exception history</h2>` + table(["time", "task", "location", "root cause"], list.map(e => [esc(time(e.timestamp)),
        esc(e.task || "(the job)"), e.location ? `<code>${esc(e.location)}</code>` : "–", esc(e.rootCause)]), "exception-history") : "")
    + list.map(e => `<details><summary>${esc(time(e.timestamp))} — ${esc(e.task || "the job")}: ${esc(e.rootCause)}</summary>`
      + `<pre>${esc(e.stackTrace)}</pre></details>`).join("");
}

function chart(points, key, label, fmt) {
  if (points.length === 0) return "";
  const W = 520, H = 140, P = 30, max = Math.max(1, ...points.map(p => p[key]));
  const bw = Math.max(2, (W - 2 * P) / points.length - 2);
  let s = `<svg width="${W}" height="${H}" class="graph"><text x="${P}" y="14">${esc(label)} (max ${esc(fmt(max))})</text>`;
  points.forEach((p, i) => {
    const h = (H - 2 * P) * p[key] / max;
    s += `<rect x="${P + i * (bw + 2)}" y="${H - P - h}" width="${bw}" height="${h}" fill="#5aa0ff"><title>#${p.id}: ${esc(fmt(p[key]))}</title></rect>`;
  });
  return s + `<line x1="${P}" y1="${H - P}" x2="${W - P}" y2="${H - P}" stroke="#999"/></svg> `;
}

async function checkpointsTab(id) {
  let c;
  try { c = await get(`v1/jobs/${id}/checkpoints`); } catch (e) { return `<p class="muted">${esc(e.message)}</p>`; }
  if (!c.enabled) return `<p class="muted">This job does not checkpoint.</p>`;
  const last = c.latestCompleted;
  const history = c.history || [];
  const completedHistory = history.filter(h => h.status === "COMPLETED");
  return cards([["triggered", c.triggered], ["completed", c.completed, "checkpoints-completed"], ["failed", c.failed], ["in progress", (c.inProgress || []).length]])
    + `<h2>Latest completed</h2>` + (last ? table(["id", "path", "completed", "duration#", "size#"],
        [[last.id, `<code>${esc(last.path)}</code>`, esc(time(last.timestamp)), dur(last.durationMs), bytes(last.sizeBytes)]], "latest-checkpoint")
        : `<p class="muted">none yet</p>`)
    + `<h2>History</h2>` + chart(completedHistory, "durationMs", "duration", dur) + chart(completedHistory, "sizeBytes", "size", bytes)
    + table(["id", "status", "completed", "duration#", "size#"], history.slice().reverse().map(h => [h.id, esc(h.status), esc(time(h.timestamp)), dur(h.durationMs), bytes(h.sizeBytes)]))
    + ((c.retained || []).length ? `<h2>Retained</h2>` + table(["path"], c.retained.map(r => [`<code>${esc(r)}</code>`])) : "")
    + (last && last.acknowledgements ? `<h2>Acknowledgements of checkpoint ${last.id}</h2>` + table(["subtask", "attempt#", "acknowledged after#"],
        last.acknowledgements.map(a => [esc(a.subtaskName || a.task), a.attempt === undefined ? "–" : a.attempt, dur(a.afterMs)]),
        "checkpoint-acknowledgements") : "");
}

async function configTab(id) {
  const c = await get(`v1/jobs/${id}/config`);
  return table(["key", "value"], Object.keys(c.configuration).sort().map(k => [`<code>${esc(k)}</code>`, esc(c.configuration[k])]), "job-config");
}

async function jobPage(id, tab) {
  const job = await get(`v1/jobs/${id}`);
  const tabs = [["graph", "Graph"], ["subtasks", "Subtasks"], ["exceptions", "Exceptions"], ["checkpoints", "Checkpoints"], ["config", "Configuration"]];
  let body;
  if (tab === "subtasks") body = subtaskTables(job);
  else if (tab === "exceptions") body = exceptionsTab(job);
  else if (tab === "checkpoints") body = await checkpointsTab(id);
  else if (tab === "config") body = await configTab(id);
  else body = graphSvg(job) + operatorTable(job);
  return `<h2 id="job-title">${esc(job.name)} ${status(job.status)} <span class="muted">${esc(job.id)}</span></h2>`
    + cards([["started", time(job.startTime)], ["duration", dur(job.duration)], ["restarts", job.restarts === undefined ? "–" : job.restarts]])
    + `<div class="tabs">${tabs.map(([k, l]) => `<a href="#/jobs/${id}/${k}" class="${(tab || "graph") === k ? "active" : ""}">${l}</a>`).join("")}</div>` + body;
}

async function taskExecutorsPage() {
  const [t, am] = await Promise.all([get("v1/taskexecutors"), get("v1/jobmanager")]);
  const m = te => te.memory || {}, j = te => te.jvm || {};
  return `<h2>ApplicationMaster</h2>` + jvmCards(am.jvm, "am")
    + `<h2>TaskExecutors</h2>` + table(["container", "host", "slots#", "free#", "heartbeat age#", "process#", "heap#", "managed#", "network#", "metaspace#",
      "overhead#", "heap used#", "non-heap used#", "GC count#", "GC time#", "threads#", "log"],
    t.taskExecutors.map(te => [`<code>${esc(te.containerId || te.id)}</code>`, esc(te.host), te.slotsTotal, te.slotsFree, dur(te.heartbeatAgeMillis),
      bytes(m(te).processBytes), bytes(m(te).heapBytes), bytes(m(te).managedBytes), bytes(m(te).networkBytes), bytes(m(te).metaspaceBytes),
      bytes(m(te).overheadBytes), heapUse(j(te)), bytes(j(te).nonHeapUsedBytes), num(j(te).gcCount), dur(j(te).gcTimeMillis), num(j(te).threads),
      te.logUrl ? `<a href="${esc(te.logUrl)}" target="_blank" rel="noopener">container logs</a>` : `<span class="muted">not in YARN</span>`]),
    "task-executor-table")
    + `<p class="muted">memory columns: the configured memory model of each TaskExecutor process; heap used, GC and threads: its last heartbeat.</p>`;
}

function heapUse(jvm) {
  return jvm.heapUsedBytes === undefined ? "–" : jvm.heapMaxBytes > 0 ? `${bytes(jvm.heapUsedBytes)} (${pct(jvm.heapUsedBytes / jvm.heapMaxBytes)})` : bytes(jvm.heapUsedBytes);
}

function jvmCards(jvm, prefix) {
  return cards([["heap used", heapUse(jvm), prefix + "-heap-used"], ["heap max", bytes(jvm.heapMaxBytes)], ["non-heap used", bytes(jvm.nonHeapUsedBytes)],
    ["GC count", num(jvm.gcCount)], ["GC time", dur(jvm.gcTimeMillis)], ["threads", num(jvm.threads)], ["uptime", dur(jvm.uptimeMillis)]]);
}

// The AM's own log files (its YARN container's log dir), each as its last bytes: the newest lines are at the bottom.
async function logPage(file) {
  const list = await get("v1/logs");
  const name = file || list.main;
  const r = await fetch("v1/logs/" + encodeURIComponent(name), {credentials: "same-origin"});
  const text = await r.text();
  if (!r.ok) {
    let msg = r.status + " " + r.statusText;
    try { msg = JSON.parse(text).error || msg; } catch (e) { /* not JSON */ }
    throw new Error(msg);
  }
  const size = Number(r.headers.get("X-Log-File-Size") || 0), offset = Number(r.headers.get("X-Log-Tail-Offset") || 0);
  return `<div class="tabs">${list.files.map(f => `<a href="#/log/${encodeURIComponent(f.name)}" class="${f.name === name ? "active" : ""}">`
      + `${esc(f.name)} <span class="muted">${bytes(f.sizeBytes)}</span></a>`).join("")}</div>`
    + `<p class="muted" id="log-extent">${esc(name)}: ${offset > 0 ? `last ${bytes(size - offset)} of ${bytes(size)}` : `all ${bytes(size)}`}</p>`
    + `<pre id="am-log" class="log">${esc(text)}</pre>`;
}

// ---- routing and refresh ----

async function render() {
  const hash = location.hash.replace(/^#\/?/, "");
  const parts = hash.split("/");
  document.querySelectorAll("header nav a").forEach(a => a.classList.toggle("active",
    a.dataset.nav === (parts[0] === "" || parts[0] === "jobs" ? "overview" : parts[0])));
  let html;
  try {
    if (parts[0] === "jobs" && parts[1]) html = await jobPage(parts[1], parts[2]);
    else if (parts[0] === "taskexecutors") html = await taskExecutorsPage();
    else if (parts[0] === "log") html = await logPage(parts[1] ? decodeURIComponent(parts[1]) : null);
    else html = await overviewPage();
  } catch (e) {
    html = `<p class="error">${esc(e.message)}</p>`;
  }
  const keepScroll = window.scrollY;
  // a log stays scrolled where the reader left it, and follows new lines while it is at the bottom
  const log = document.getElementById("am-log");
  const logScroll = log ? (log.scrollTop + log.clientHeight >= log.scrollHeight - 4 ? "bottom" : log.scrollTop) : "bottom";
  main.innerHTML = html;
  window.scrollTo(0, keepScroll);
  const newLog = document.getElementById("am-log");
  if (newLog) newLog.scrollTop = logScroll === "bottom" ? newLog.scrollHeight : logScroll;
  document.getElementById("refreshed").textContent = "refreshed " + new Date().toLocaleTimeString();
}

function schedule() {
  clearTimeout(timer);
  render().finally(() => { timer = setTimeout(schedule, REFRESH_MS); });
}

window.addEventListener("hashchange", schedule);
schedule();
