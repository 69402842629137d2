"use strict";
// One dialogue per page load: follow-ups ("còn năm 2018 thì sao?") read with the last question.
const conversation = Math.random().toString(36).slice(2, 12);
const log = document.getElementById("log"), form = document.getElementById("f"), q = document.getElementById("q"),
      send = document.getElementById("send");
function add(cls) { const d = document.createElement("div"); d.className = "msg " + cls; log.appendChild(d); return d; }
form.addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const question = q.value.trim();
  if (!question) return;
  add("me").textContent = question;
  q.value = ""; send.disabled = true;
  const box = add("bot"); box.textContent = "Đang soạn…";
  try {
    const r = await fetch("/api/ask", {method: "POST", headers: {"Content-Type": "application/json"},
                                       body: JSON.stringify({question, conversation})});
    const data = await r.json();
    box.textContent = "";
    if (data.found && data.sources.length) {
      // The answer with its span in bold, built from text nodes (nothing from the server is HTML).
      const body = document.createElement("div"), text = data.answer.split("\n📰")[0].trim();
      const at = data.span ? text.indexOf(data.span, text.indexOf("\n") + 1) : -1;
      if (at >= 0) {
        const b = document.createElement("b"); b.textContent = data.span;
        body.append(text.slice(0, at), b, text.slice(at + data.span.length));
      } else { body.textContent = text; }
      box.appendChild(body);
      const s = data.sources[0], src = document.createElement("div");
      src.className = "src";
      src.append("📰 ");
      if (s.url && /^https?:\/\//i.test(s.url)) { const a = document.createElement("a"); a.href = s.url; a.target = "_blank"; a.rel = "noopener";
                   a.textContent = s.title; src.append(a); } else { src.append(s.title); }
      if (s.date) src.append(" · " + s.date.split("-").reverse().join("/"));
      box.appendChild(src);
    } else {
      box.textContent = data.answer || data.error || "Xin lỗi, đã có lỗi.";
    }
  } catch (e) {
    box.textContent = "Xin lỗi, không kết nối được máy chủ. Vui lòng thử lại.";
  } finally { send.disabled = false; q.focus(); }
});
