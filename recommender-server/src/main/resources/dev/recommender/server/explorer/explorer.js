// The explorer: asks the server's JSON endpoints about one user. No libraries, no build step.
"use strict";

function byId(id) {
  return document.getElementById(id);
}

function setText(id, text) {
  byId(id).textContent = text;
}

async function getJson(path) {
  const response = await fetch(path, { headers: { "Accept": "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.message || ("HTTP " + response.status));
  }
  return body;
}

async function showModel() {
  try {
    const health = await getJson("/health");
    setText("model-info", "Model " + health.model + " · version " + health.version + " · "
        + health.item_count + " items · loaded " + health.loaded_at);
  } catch (error) {
    setText("model-info", "Model information unavailable: " + error.message);
  }
}

function renderSeen(answer) {
  const list = byId("seen");
  list.replaceChildren();
  if (!answer.available) {
    setText("seen-note", "This model does not keep its training items.");
    return;
  }
  setText("seen-note", answer.known ? answer.items.length + " item(s), in catalog order"
      : "The model does not know this user.");
  for (const item of answer.items) {
    const li = document.createElement("li");
    li.textContent = item;
    list.appendChild(li);
  }
}

function renderRecommendations(answer) {
  const body = byId("recommendations").querySelector("tbody");
  body.replaceChildren();
  for (const item of answer.items) {
    const row = document.createElement("tr");
    row.className = "recommendation";
    for (const [cls, value] of [["rank", item.rank], ["item", item.content_id], ["score", item.score]]) {
      const cell = document.createElement("td");
      cell.className = cls;
      cell.textContent = String(value);
      row.appendChild(cell);
    }
    body.appendChild(row);
  }
  byId("fallback").hidden = !answer.fallback;
}

async function explore(user, k) {
  const status = byId("status");
  status.className = "";
  status.textContent = "Asking for " + user + "…";
  const id = encodeURIComponent(user);
  try {
    const [seen, recommended] = await Promise.all([
      getJson("/users/" + id + "/items?k=" + k),
      getJson("/recommender/" + id + "?k=" + k)]);
    renderSeen(seen);
    renderRecommendations(recommended);
    status.textContent = recommended.items.length + " recommendation(s) for " + user + " from "
        + recommended.model + (recommended.fallback ? " (unknown user: popularity fallback)" : "");
    status.dataset.user = user;
  } catch (error) {
    status.className = "error";
    status.textContent = "Error: " + error.message;
  }
}

function start() {
  showModel();
  const form = byId("user-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const user = byId("user").value.trim();
    const k = byId("k").value || "10";
    history.replaceState(null, "", "?user=" + encodeURIComponent(user) + "&k=" + k);
    explore(user, k);
  });
  const params = new URLSearchParams(window.location.search);
  if (params.get("k")) {
    byId("k").value = params.get("k");
  }
  if (params.get("user")) {
    byId("user").value = params.get("user");
    explore(params.get("user"), byId("k").value || "10");
  }
}

document.addEventListener("DOMContentLoaded", start);
