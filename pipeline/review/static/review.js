// Keyboard review for the queue: j/k move, a/r accept/reject, e edit, c context, ? help.
// The forms work without this script; with it, accept/reject post in the background.
"use strict";

(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
  const cards = () => Array.from(document.querySelectorAll("article.fact"));
  let current = 0;

  function select(index) {
    const all = cards();
    if (all.length === 0) return null;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((card, i) => card.classList.toggle("current", i === current));
    const card = all[current];
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
    return card;
  }

  // Past the last card: if facts reviewed here have left the status filter, the same page now
  // holds the next ones, so reload it rather than skip ahead. Otherwise go to the next page.
  function nextPage() {
    const wanted = new URLSearchParams(location.search).get("status") || "pending";
    const left = cards().some((card) => card.classList.contains("reviewed")
      && wanted !== "all" && card.querySelector("[data-status]").textContent !== wanted);
    if (left) {
      location.reload();
      return;
    }
    const next = document.querySelector('a[rel="next"]');
    if (next) location.href = next.href;
  }

  function currentCard() {
    return cards()[current] || null;
  }

  async function review(card, action) {
    const form = card.querySelector(`form[data-action="${action}"]`);
    if (!form || card.dataset.busy) return;
    card.dataset.busy = "1";
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-CSRF-Token": csrf, Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
      const result = await response.json();
      const badge = card.querySelector("[data-status]");
      badge.textContent = result.status;
      badge.className = `status status-${result.status}`;
      card.classList.add("reviewed");
      card.querySelector(".flag.rereview")?.remove();
      select(current + 1);
    } catch (error) {
      card.classList.add("failed");
      card.title = `Not saved: ${error.message}`;
    } finally {
      delete card.dataset.busy;
    }
  }

  function edit(card) {
    const details = card.querySelector("details.edit");
    if (!details) return;
    details.open = true;
    details.querySelector("select, input:not([type=hidden])")?.focus();
  }

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable]") !== null;
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const help = document.getElementById("help");
    if (event.key === "Escape") {
      const open = document.querySelector("details.edit[open]");
      if (open) {
        open.open = false;
        open.closest("article.fact")?.focus();
      }
      return;
    }
    if (typing(event.target)) return;
    const card = currentCard();
    const actions = {
      j: () => (current >= cards().length - 1 ? nextPage() : select(current + 1)),
      k: () => select(current - 1),
      a: () => card && review(card, "accept"),
      r: () => card && review(card, "reject"),
      e: () => card && edit(card),
      c: () => card && card.querySelector("a.context")?.click(),
      "?": () => (help.open ? help.close() : help.showModal()),
    };
    if (actions[event.key]) {
      event.preventDefault();
      actions[event.key]();
    }
  });

  document.addEventListener("click", (event) => {
    if (event.target.closest('[data-action="help"]')) {
      document.getElementById("help").showModal();
      return;
    }
    const card = event.target.closest("article.fact");
    if (card && !typing(event.target)) {
      select(cards().indexOf(card));
    }
  });

  document.addEventListener("DOMContentLoaded", () => {
    const wanted = location.hash.startsWith("#fact-") ? location.hash.slice(6) : null;
    const start = wanted ? cards().findIndex((c) => c.dataset.factId === wanted) : 0;
    select(start < 0 ? 0 : start);
  });
})();
