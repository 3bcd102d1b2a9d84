// A tiny element builder. Text always goes through textContent: article text and labels are data, never markup.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string; title?: string; attrs?: Record<string, string> } = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  if (props.title) el.title = props.title;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`newsgraph page: element #${id} is missing from the template`);
  return el as T;
}

/** A link only for http(s) sources; anything else (file paths, javascript: URLs) stays plain text. */
export function sourceLink(source: string): HTMLElement {
  let url: URL | null = null;
  try {
    url = new URL(source);
  } catch {
    url = null;
  }
  if (url && (url.protocol === "http:" || url.protocol === "https:")) {
    const a = h("a", { text: url.hostname.replace(/^www\./, ""), title: source, attrs: { target: "_blank", rel: "noopener noreferrer" } });
    a.href = url.href;
    return a;
  }
  return h("span", { text: source, class: "muted" });
}
