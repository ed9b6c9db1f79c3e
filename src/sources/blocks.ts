/**
 * HTML → the paragraphs a reader sees: headings, paragraphs, list items, block quotes, each
 * as one line of whitespace-collapsed text. Used for article bodies (after Readability has
 * picked them out of the page) and for the HTML that feeds carry in their items.
 */
import { linkedom } from './lazy.js';

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'DD', 'DT', 'TD', 'TH', 'CAPTION']);
const CONTAINERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'BODY', 'HTML', 'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD', 'TR', 'FIGURE', 'HEADER', 'FOOTER', 'SPAN', 'FORM']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'NAV', 'ASIDE', 'IMG', 'VIDEO', 'AUDIO']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

function hasBlockChild(node: DomNode): boolean {
  return Array.from(node.childNodes).some((c) => c.nodeType === 1 && (BLOCKS.has(c.nodeName) || CONTAINERS.has(c.nodeName)));
}

/** Text of an element with <br> as a space: a paragraph stays one line. */
function flatText(node: DomNode): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function collect(node: DomNode, out: string[]): void {
  let inline = '';
  const flush = () => {
    const text = inline.replace(/\s+/g, ' ').trim();
    if (text !== '') out.push(text);
    inline = '';
  };
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      inline += child.textContent ?? '';
      continue;
    }
    if (child.nodeType !== 1 || SKIP.has(child.nodeName)) continue;
    if (child.nodeName === 'BR') {
      inline += ' ';
    } else if (BLOCKS.has(child.nodeName) && !hasBlockChild(child)) {
      flush();
      const text = flatText(child);
      if (text !== '') out.push(text);
    } else if (BLOCKS.has(child.nodeName) || CONTAINERS.has(child.nodeName)) {
      flush();
      collect(child, out);
    } else {
      inline += child.textContent ?? '';
    }
  }
  flush();
}

/** The block-level paragraphs of an HTML fragment or page, in reading order. */
export function htmlParagraphs(html: string): string[] {
  const { document } = linkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  collect(document.body as unknown as DomNode, out);
  return out;
}

/** Plain text that may hold HTML (feed summaries): paragraphs either way. */
export function textOrHtmlParagraphs(value: string): string[] {
  if (/<\/?[a-z][\s\S]*?>/i.test(value)) return htmlParagraphs(value);
  return value.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
}
