"use strict";
// The web chat. Everything from the server is inserted as text (paragraphs of blocks: text, bold,
// italic, http(s) links), never as HTML. One dialogue per page load: /api/info hands out its id,
// and follow-ups ("còn năm 2023 thì sao?") are read with the previous question of that dialogue.
const $ = (id) => document.getElementById(id);
const chat = $("chat"), log = $("log"), form = $("ask"), q = $("q"), send = $("send"), typing = $("typing");
let conversation = null, busy = false, replies = 0;

const ready = fetch("/api/info").then((r) => r.json()).then((info) => {
  conversation = info.conversation;
  if (info.knowledge) $("kb").textContent = info.knowledge;
  const list = $("example-list");
  for (const text of info.examples || []) {
    const b = document.createElement("button");
    b.type = "button"; b.className = "example"; b.textContent = text;
    b.addEventListener("click", () => ask(text));
    list.appendChild(b);
  }
  $("examples").hidden = !list.children.length;
}).catch(() => { conversation = "p" + Math.random().toString(36).slice(2, 14); });

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function paragraphs(blocks, into) {
  for (const para of blocks || []) {
    const p = el("p");
    for (const b of para) {
      let node;
      if (b.href && /^https?:\/\//i.test(b.href)) {
        node = el("a", "", b.text); node.href = b.href; node.target = "_blank"; node.rel = "noopener";
      } else if (b.style === "b" || b.style === "i") {
        node = el(b.style, "", b.text);
      } else {
        node = document.createTextNode(b.text);
      }
      p.appendChild(node);
    }
    into.appendChild(p);
  }
  return into;
}

// A button that shows and hides a panel under the reply (Đoạn trích, Bài liên quan).
function disclosure(label, blocks, tools, panels) {
  const id = "panel-" + replies + "-" + panels.children.length;
  const panel = paragraphs(blocks, el("div", "panel"));
  panel.id = id; panel.hidden = true;
  const b = el("button", "tool", label);
  b.type = "button";
  b.setAttribute("aria-expanded", "false");
  b.setAttribute("aria-controls", id);
  b.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    b.setAttribute("aria-expanded", String(!panel.hidden));
    if (!panel.hidden) panel.scrollIntoView({block: "nearest"});
  });
  tools.appendChild(b);
  panels.appendChild(panel);
}

function votes(ref, tools) {
  const group = el("span", "votes");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "Câu trả lời có hữu ích không?");
  const status = el("span", "thanks");
  status.setAttribute("role", "status");
  const buttons = [[1, "👍", "Hữu ích"], [-1, "👎", "Chưa đúng, chưa hữu ích"]].map(([value, icon, label]) => {
    const b = el("button", "tool vote", icon);
    b.type = "button";
    b.setAttribute("aria-label", label);
    b.setAttribute("aria-pressed", "false");
    b.addEventListener("click", async () => {
      try {
        const r = await fetch("/api/feedback", {method: "POST", headers: {"Content-Type": "application/json"},
                                                body: JSON.stringify({ref, value})});
        const data = await r.json();
        if (r.ok) buttons.forEach((o) => o.setAttribute("aria-pressed", String(o === b)));
        status.textContent = data.message || data.error || "";
      } catch (e) {
        status.textContent = "Không gửi được góp ý, bạn thử lại nhé.";
      }
    });
    group.appendChild(b);
    return b;
  });
  tools.appendChild(group);
  tools.appendChild(status);
}

function reply(data) {
  replies += 1;
  const box = el("article", "msg bot");
  box.appendChild(el("span", "sr-only", "UnionBot: "));
  if (data.blocks) paragraphs(data.blocks, box);
  else box.appendChild(el("p", "", data.answer || data.error || "Xin lỗi, đã có lỗi."));
  if (data.passage || data.related || data.ref) {
    const tools = el("div", "tools"), panels = el("div", "panels");
    if (data.passage) disclosure("Đoạn trích", data.passage, tools, panels);
    if (data.related) disclosure("Bài liên quan", data.related, tools, panels);
    if (data.ref) votes(data.ref, tools);
    box.append(tools, panels);
  }
  return box;
}

// Show a new message: the whole of it when it fits, else its beginning.
function reveal(box) {
  const fits = box.offsetHeight <= chat.clientHeight;
  box.scrollIntoView({block: fits ? "end" : "start"});
}

async function ask(question) {
  question = question.trim();
  if (!question || busy) return;
  busy = true; send.disabled = true;
  const me = el("div", "msg me");
  me.append(el("span", "sr-only", "Bạn: "), question);
  log.appendChild(me);
  typing.hidden = false;
  reveal(typing);
  let box;
  try {
    await ready;
    const r = await fetch("/api/ask", {method: "POST", headers: {"Content-Type": "application/json"},
                                       body: JSON.stringify({question, conversation})});
    box = reply(await r.json());
  } catch (e) {
    box = reply({answer: "Xin lỗi, không kết nối được máy chủ. Vui lòng thử lại."});
  } finally {
    typing.hidden = true;
    busy = false; send.disabled = false;
  }
  log.appendChild(box);
  reveal(box);
}

form.addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const question = q.value;
  if (busy || !question.trim()) return;
  q.value = "";
  await ask(question);
  q.focus();
});
for (const chip of document.querySelectorAll(".chip")) chip.addEventListener("click", () => ask(chip.dataset.q));
