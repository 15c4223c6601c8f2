/** Where the IDE's scripts and styles are served. */
export const IDE_ASSETS_PATH = "/ide";

export interface IdeExample {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
/** JSON inside a <script> data block: `<` escaped so no text can close the block. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export function idePage(endpoint: string, examples: IdeExample[]): string {
  const asset = (name: string) => `${IDE_ASSETS_PATH}/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>School-network hub · GraphQL</title>
<link rel="stylesheet" href="${asset("graphiql.min.css")}">
<style>
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  #hub-bar { display: flex; gap: 0.5rem; align-items: center; padding: 0.4rem 0.8rem; border-bottom: 1px solid #ddd; font-size: 14px; }
  #hub-bar strong { margin-right: auto; }
  #hub-bar input { width: 28rem; max-width: 45vw; font-family: monospace; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<form id="hub-bar" autocomplete="off">
  <strong>School-network hub</strong>
  <label for="hub-credential-kind">Sign in with</label>
  <select id="hub-credential-kind">
    <option value="bearer">Bearer token</option>
    <option value="api-key">API key</option>
  </select>
  <input id="hub-credential" type="password" placeholder="paste a token (npm run token) or an API key; empty: anonymous">
  <button id="hub-reset-examples" type="button" title="Reopen the example operations as tabs (your other tabs close)">Reset example tabs</button>
</form>
<div id="graphiql">Loading the IDE…</div>
<script id="hub-ide-config" type="application/json">${scriptJson({ endpoint, examples })}</script>
<script src="${asset("react.production.min.js")}"></script>
<script src="${asset("react-dom.production.min.js")}"></script>
<script src="${asset("graphiql.min.js")}"></script>
<script src="${asset("boot.js")}"></script>
<noscript>${escapeHtml("The IDE needs JavaScript; POST operations to " + endpoint + " with any HTTP client.")}</noscript>
</body>
</html>
`;
}

/**
 * Runs in the browser: GraphiQL with the examples as its first tabs, sending the credential typed in
 * the bar as `Authorization: Bearer …` or `x-api-key` (kept for this tab only, never in localStorage).
 */
export const bootScript = `"use strict";
(function () {
  var config = JSON.parse(document.getElementById("hub-ide-config").textContent);
  var kind = document.getElementById("hub-credential-kind");
  var credential = document.getElementById("hub-credential");
  kind.value = sessionStorage.getItem("hub:credential-kind") || "bearer";
  credential.value = sessionStorage.getItem("hub:credential") || "";
  kind.addEventListener("change", function () { sessionStorage.setItem("hub:credential-kind", kind.value); });
  credential.addEventListener("input", function () { sessionStorage.setItem("hub:credential", credential.value.trim()); });
  document.getElementById("hub-bar").addEventListener("submit", function (event) { event.preventDefault(); });
  document.getElementById("hub-reset-examples").addEventListener("click", function () {
    Object.keys(localStorage).filter(function (key) { return key.indexOf("graphiql:") === 0; }).forEach(function (key) { localStorage.removeItem(key); });
    location.reload();
  });
  var fetcher = GraphiQL.createFetcher({
    url: config.endpoint,
    fetch: function (url, init) {
      var headers = new Headers(init && init.headers);
      var value = credential.value.trim();
      if (value && kind.value === "api-key") headers.set("x-api-key", value);
      else if (value) headers.set("authorization", "Bearer " + value.replace(/^Bearer\\s+/i, ""));
      return fetch(url, Object.assign({}, init, { headers: headers }));
    },
  });
  var tabs = config.examples.map(function (example) {
    return { query: example.query, variables: example.variables ? JSON.stringify(example.variables, null, 2) : undefined };
  });
  // GraphiQL fills the first tab's variables editor from the variables prop only: on a first visit, give it
  var firstVisit = localStorage.getItem("graphiql:tabState") === null;
  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: tabs,
      variables: firstVisit && tabs.length > 0 ? tabs[0].variables : undefined,
      defaultEditorToolsVisibility: "variables",
      shouldPersistHeaders: false,
    })
  );
})();
`;
