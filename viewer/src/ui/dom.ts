/**
 * A tiny DOM builder. Strings always become text nodes and attributes are set one by one, so nothing
 * from the graph or an article is ever parsed as HTML.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Sets `data-testid`. */
  testid?: string;
  /** Other attributes, set with setAttribute. */
  attrs?: Record<string, string | number | boolean | undefined>;
  /** Event listeners. */
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
  /** Inline style properties (CSSOM, not an attribute string). */
  style?: Partial<Record<"background" | "borderColor" | "color" | "display", string>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.testid) el.dataset["testid"] = props.testid;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [event, listener] of Object.entries(props.on ?? {})) {
    el.addEventListener(event, listener as EventListener);
  }
  for (const [property, value] of Object.entries(props.style ?? {})) {
    if (value !== undefined) el.style.setProperty(property.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()), value);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

/** Replace all children of an element. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A small coloured square or line used in the legend, filters and panel. */
export function swatch(color: string, shape: "dot" | "line" = "dot"): HTMLSpanElement {
  return h("span", { class: `swatch swatch-${shape}`, style: { background: color } });
}
