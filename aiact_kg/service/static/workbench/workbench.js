// The analyst's workbench: YASGUI on this service's /sparql with the query catalogue,
// downloads in every result format, and a form that posts a description to /assess.
// Everything is fetched from this service; nothing from another host.

const Yasgui = window.Yasgui;
const ENDPOINT = new URL("/sparql", window.location.href).href;
const DOCUMENT_FORMATS = [
  ["text/turtle", "Turtle", ["ttl"]],
  ["application/ld+json", "JSON-LD", ["jsonld", "json"]],
  ["application/n-triples", "N-Triples", ["nt"]],
  ["application/n-quads", "N-Quads", ["nq"]],
  ["application/trig", "TriG", ["trig"]],
  ["application/rdf+xml", "RDF/XML", ["rdf", "owl", "xml"]],
];

/** An element with attributes (``on*`` functions become listeners) and children. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page of a resource under this service. */
export function resourceUrl(iri) {
  return "/resource?iri=" + encodeURIComponent(iri);
}

function iriLink(iri) {
  return el("a", { class: "iri", href: resourceUrl(iri), title: iri }, iri);
}

// YASR's table links an IRI to itself; ours link to the service's page of the resource.
class LinkedTable extends Yasgui.Yasr.plugins.table {
  getUriLinkFromBinding(binding, prefixes) {
    const iri = binding.value;
    let shown = iri;
    let prefixed = false;
    for (const [label, namespace] of Object.entries(prefixes || {})) {
      if (namespace && iri.startsWith(namespace)) {
        shown = `${label}:${iri.slice(namespace.length)}`;
        prefixed = true;
        break;
      }
    }
    const link = `<a class="iri" href="${escapeHtml(resourceUrl(iri))}" title="${escapeHtml(
      iri,
    )}">${escapeHtml(shown)}</a>`;
    return prefixed || this.persistentConfig.compact ? link : `&lt;${link}&gt;`;
  }
}
Yasgui.Yasr.registerPlugin("table", LinkedTable);

let catalogue = { queries: [], formats: { solutions: [], graphs: [] } };
let yasgui;

function tab() {
  return yasgui.getTab();
}

/** Put a catalogue question into the editor. */
export function pick(id) {
  const query = catalogue.queries.find((q) => q.id === id);
  if (!query) throw new Error(`no catalogue question ${id}`);
  tab().getYasqe().setValue(query.text);
  for (const item of document.querySelectorAll("#catalogue li")) {
    item.classList.toggle("picked", item.dataset.id === id);
  }
  const picked = document.getElementById("picked");
  picked.replaceChildren(
    el("strong", {}, query.id),
    " ",
    query.question,
    el("span", { class: "provisions" }, ` (${query.provisions})`),
    query.store ? el("span", { class: "store" }, " needs submissions in the registry") : null,
  );
  return query;
}

/** Run the editor's query as the ▶ button does; the results the table shows. */
export async function run() {
  await tab().query();
  const results = tab().getYasr().results;
  if (!results) return null;
  return { variables: results.getVariables(), bindings: results.getBindings() };
}

/** Pick a catalogue question and run it. */
export async function ask(id) {
  pick(id);
  return run();
}

function queryForm() {
  const yasqe = tab().getYasqe();
  return (yasqe.getQueryType() || "SELECT").toUpperCase();
}

/** Fetch the editor's results in one format, as the endpoint writes it, and save them. */
export async function download(format) {
  const body = new URLSearchParams({ query: tab().getYasqe().getValue() });
  const response = await fetch(ENDPOINT, {
    method: "POST",
    headers: { Accept: format.media_type, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ message: response.statusText }));
    throw new Error(problem.message);
  }
  const blob = await response.blob();
  const link = el("a", { href: URL.createObjectURL(blob), download: `results.${format.extension}` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function showDownloads() {
  const form = queryForm();
  const graph = form === "CONSTRUCT" || form === "DESCRIBE";
  const formats = graph ? catalogue.formats.graphs : catalogue.formats.solutions;
  const status = el("span", { class: "status" });
  const buttons = formats.map((format) =>
    el(
      "button",
      {
        type: "button",
        class: "download",
        "data-media-type": format.media_type,
        title: `the results as ${format.media_type}`,
        onclick: () => download(format).catch((error) => (status.textContent = error.message)),
      },
      format.label,
    ),
  );
  document.getElementById("downloads").replaceChildren("Download: ", ...buttons, status);
}

function showCatalogue() {
  const list = document.getElementById("catalogue");
  list.replaceChildren(
    ...catalogue.queries.map((query) =>
      el(
        "li",
        { "data-id": query.id },
        el(
          "button",
          { type: "button", onclick: () => pick(query.id), title: query.provisions },
          el("span", { class: "qid" }, query.id.slice(0, 6)),
          " ",
          query.question,
        ),
      ),
    ),
  );
}

// ---- assess --------------------------------------------------------------------------

const provisionCache = new Map();

async function provisionText(citation) {
  if (!provisionCache.has(citation)) {
    provisionCache.set(
      citation,
      fetch("/provisions/" + encodeURIComponent(citation)).then((r) =>
        r.ok ? r.json() : r.json().then((e) => Promise.reject(new Error(e.message))),
      ),
    );
  }
  return provisionCache.get(citation);
}

/** A provision's citation; its text (and EUR-Lex link) is read when the reader opens it. */
function provisionBlock(citation) {
  const text = el("div", { class: "provision-text" });
  const block = el(
    "details",
    { class: "provision", "data-citation": citation },
    el("summary", {}, citation),
    text,
  );
  block.addEventListener("toggle", async () => {
    if (!block.open || text.dataset.loaded) return;
    text.dataset.loaded = "yes";
    try {
      const provision = await provisionText(citation);
      text.replaceChildren(
        el("blockquote", {}, provision.text || "(no text)"),
        el("a", { href: resourceUrl(provision.iri) }, provision.iri),
        provision.eur_lex_link ? [" · ", el("a", { href: provision.eur_lex_link }, "EUR-Lex")] : null,
      );
    } catch (error) {
      text.textContent = error.message;
    }
  });
  return block;
}

function determinationBlock(determination) {
  return el(
    "div",
    { class: "determination" },
    el("p", {}, el("strong", {}, determination.conclusion), ` (${determination.kind})`),
    el("p", { class: "explanation" }, determination.explanation),
    el("p", { class: "rule" }, `Rule ${determination.rule}: ${determination.rule_label}`),
    determination.premises.length
      ? el("ul", { class: "premises" }, determination.premises.map((p) => el("li", {}, p)))
      : null,
    el("div", { class: "legal-basis" }, determination.legal_basis.map(provisionBlock)),
  );
}

function obligationRow(obligation, determinations) {
  const because = determinations.get(obligation.determination);
  const why = el(
    "details",
    { class: "why" },
    el("summary", {}, "why"),
    el("p", {}, "Rests on:"),
    el("div", { class: "legal-basis" }, obligation.legal_basis.map(provisionBlock)),
    obligation.conditional_on.length
      ? el("p", {}, "Only if: ", obligation.conditional_on.join("; "))
      : null,
    because ? [el("p", {}, "Because of the determination:"), determinationBlock(because)] : null,
    obligation.depends_on_unverified_amendment
      ? el("p", { class: "flag" }, obligation.depends_on_unverified_amendment)
      : null,
  );
  return el(
    "tr",
    { class: "obligation", "data-id": obligation.id },
    el("td", {}, obligation.citation),
    el("td", {}, obligation.title, why),
    el("td", {}, obligation.role),
    el("td", {}, iriLink(obligation.bearer)),
    el("td", {}, obligation.applies_from || ""),
    el("td", {}, obligation.in_force ? "yes" : "not yet"),
    el("td", {}, obligation.due || ""),
  );
}

function subjectBlock(subject) {
  const determinations = new Map(subject.determinations.map((d) => [d.id, d]));
  return el(
    "article",
    { class: "subject" },
    el("h3", {}, iriLink(subject.iri), ` (${subject.kind})`),
    el(
      "p",
      { class: "categories" },
      "Categories: ",
      subject.categories.map((c) => el("span", { class: "category" }, c)),
      subject.flags.length ? [" Flags: ", subject.flags.map((f) => el("span", { class: "flag" }, f))] : null,
    ),
    el("h4", {}, "Determinations"),
    subject.determinations.map(determinationBlock),
    el("h4", {}, `Obligations (${subject.obligations.length})`),
    el(
      "table",
      { class: "obligations" },
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          ["Provision", "Obligation", "Role", "Bearer", "Applies from", "In force", "Due"].map(
            (h) => el("th", {}, h),
          ),
        ),
      ),
      el("tbody", {}, subject.obligations.map((o) => obligationRow(o, determinations))),
    ),
  );
}

function problemList(report) {
  const items = [
    ...report.unreadable.map((u) =>
      el("li", {}, `${u.file}${u.line ? ` line ${u.line}` : ""}: ${u.message}`),
    ),
    ...report.violations.map((v) =>
      el(
        "li",
        {},
        `${v.subject || v.focus_node}: ${v.message}`,
        v.legal_basis.length ? ` [${v.legal_basis.join("; ")}]` : "",
      ),
    ),
  ];
  return el("ul", { class: "problems" }, items);
}

function showAssessment(report) {
  const law = report.law || {};
  return [
    el(
      "p",
      { class: "law" },
      `As of ${report.as_of}, under ${law.title || law.version}`,
      law.verified === false ? " (includes changes not verified against the Official Journal)" : "",
    ),
    report.valid && !report.unreadable.length
      ? report.subjects.map(subjectBlock)
      : [el("p", { class: "error" }, "Not assessed: the description has problems."), problemList(report)],
  ];
}

async function assess(event) {
  event.preventDefault();
  const result = document.getElementById("assess-result");
  const text = document.getElementById("assess-text").value;
  const file = document.getElementById("assess-file").files[0];
  const params = new URLSearchParams({ name: file ? file.name : "pasted" });
  const asOf = document.getElementById("assess-as-of").value;
  if (asOf) params.set("as_of", asOf);
  result.replaceChildren(el("p", { class: "busy" }, "Assessing…"));
  try {
    const response = await fetch("/assess?" + params, {
      method: "POST",
      headers: { "Content-Type": document.getElementById("assess-format").value },
      body: text,
    });
    const report = await response.json();
    if (report.error) throw new Error(report.message);
    result.replaceChildren(...showAssessment(report).flat(Infinity));
  } catch (error) {
    result.replaceChildren(el("p", { class: "error" }, error.message));
  }
}

async function readFile() {
  const file = document.getElementById("assess-file").files[0];
  if (!file) return;
  const extension = file.name.split(".").pop().toLowerCase();
  const known = DOCUMENT_FORMATS.find(([, , extensions]) => extensions.includes(extension));
  if (known) document.getElementById("assess-format").value = known[0];
  document.getElementById("assess-text").value = await file.text();
}

// ---- start ---------------------------------------------------------------------------

const followed = new WeakSet();

/** Offer the downloads that fit the query of the tab in view, as it is edited. */
function followTab() {
  const yasqe = tab().getYasqe();
  if (yasqe && !followed.has(yasqe)) {
    followed.add(yasqe);
    yasqe.on("change", showDownloads);
  }
  showDownloads();
}

async function start() {
  // the class and property completions ask a service on the internet (LOV): not here
  const completers = Yasgui.Yasqe.defaults.autocompleters;
  Yasgui.Yasqe.defaults.autocompleters = completers.filter((n) => !["class", "property"].includes(n));
  const response = await fetch("/catalogue");
  catalogue = await response.json();
  yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: ENDPOINT, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    populateFromUrl: true, // share links (the editor's share button) open the query they carry
    endpointCatalogueOptions: { getData: () => [{ endpoint: ENDPOINT }], keys: [] },
    yasqe: {
      prefixCcApi: "/catalogue/prefixes",
      value: catalogue.queries.length ? catalogue.queries[0].text : "SELECT * WHERE { ?s ?p ?o } LIMIT 10",
    },
  });
  yasgui.on("query", showDownloads);
  for (const event of ["tabSelect", "tabAdd", "tabChange"]) {
    yasgui.on(event, () => setTimeout(followTab, 0));
  }
  followTab();
  showCatalogue();
  const format = document.getElementById("assess-format");
  format.replaceChildren(
    ...DOCUMENT_FORMATS.map(([media, label]) => el("option", { value: media }, label)),
  );
  document.getElementById("assess-file").addEventListener("change", readFile);
  document.getElementById("assess-form").addEventListener("submit", assess);
  document.body.dataset.ready = "yes";
}

window.workbench = { pick, run, ask, download, resourceUrl, get catalogue() { return catalogue; } };
start().catch((error) => {
  document.getElementById("picked").textContent = `The workbench could not start: ${error.message}`;
  throw error;
});
