import { frameLocation, frameName, isPseudoFrame, type CallTreeNode } from './call-tree.ts';

export interface FlameGraphOptions {
  readonly title: string;
  /** A line under the title: what was profiled, how. */
  readonly subtitle?: string;
  readonly width?: number;
}

const frameHeight = 17;
const fontSize = 11;
/** About the advance of one character of an 11 px sans-serif font. */
const charWidth = 6.2;
const padding = 10;
const headerHeight = 48;
/** Frames narrower than this are left out: they would be invisible and only weigh on the file. */
const minWidth = 0.3;

function xml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** A stable colour per kind of code: the measured feature, certify's harness, Node, V8's own. */
function colourOf(node: CallTreeNode): string {
  const { url, functionName } = node.frame;
  let hash = 0;
  for (const char of functionName) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  const jitter = Math.abs(hash) % 40;
  if (isPseudoFrame(node.frame) || url === '')
    return `rgb(${170 + (jitter % 30)},${150 + jitter},210)`;
  if (url.startsWith('node:')) return `rgb(${120 + jitter},${170 + (jitter % 30)},210)`;
  if (url.includes('/node_modules/'))
    return `rgb(${200 + (jitter % 40)},${200 + (jitter % 40)},${90 + jitter})`;
  if (url.includes('/src/bench/'))
    return `rgb(${120 + jitter},${200 + (jitter % 40)},${120 + jitter})`;
  return `rgb(${225 + (jitter % 30)},${110 + jitter * 2},${50 + jitter})`;
}

function label(node: CallTreeNode): string {
  if (isPseudoFrame(node.frame)) return frameName(node.frame);
  if (node.frame.url === '') return `${frameName(node.frame)} (generated code)`;
  const { file, line } = frameLocation(node.frame);
  const base = file.split('/').slice(-2).join('/');
  return `${frameName(node.frame)} ${base}:${line}`;
}

function tooltip(node: CallTreeNode, whole: number): string {
  const { file, line } = frameLocation(node.frame);
  const where = isPseudoFrame(node.frame)
    ? ''
    : file === ''
      ? ' (code generated at run time)'
      : ` (${file}:${line})`;
  const ms = (us: number) => (us / 1000).toFixed(2);
  const percent = ((node.totalUs / whole) * 100).toFixed(1);
  return `${frameName(node.frame)}${where}: ${ms(node.totalUs)} ms total (${percent}%), ${ms(node.selfUs)} ms self`;
}

interface Placed {
  readonly node: CallTreeNode;
  readonly x: number;
  readonly width: number;
  readonly depth: number;
}

/** Children side by side under their parent, widest first; the root spans the whole width. */
function place(root: CallTreeNode, width: number): Placed[] {
  const placed: Placed[] = [];
  const scale = root.totalUs > 0 ? width / root.totalUs : 0;
  const visit = (node: CallTreeNode, x: number, depth: number): void => {
    const span = node.totalUs * scale;
    if (span < minWidth) return;
    placed.push({ node, x, width: span, depth });
    let offset = x;
    for (const child of [...node.children].sort((a, b) => b.totalUs - a.totalUs)) {
      visit(child, offset, depth + 1);
      offset += child.totalUs * scale;
    }
  };
  visit(root, 0, 0);
  return placed;
}

function frameElement(entry: Placed, graphTop: number, maxDepth: number, whole: number): string {
  // A flame graph: the root at the bottom, callees above their callers.
  const y = graphTop + (maxDepth - entry.depth) * frameHeight;
  const x = padding + entry.x;
  const room = Math.floor((entry.width - 6) / charWidth);
  const text = label(entry.node);
  const shown = room < 3 ? '' : text.length <= room ? text : `${text.slice(0, room - 2)}..`;
  return [
    `<g><title>${xml(tooltip(entry.node, whole))}</title>`,
    `<rect x="${x.toFixed(2)}" y="${y}" width="${Math.max(entry.width - 0.5, 0.1).toFixed(2)}" height="${frameHeight - 1}" fill="${colourOf(entry.node)}" rx="2"/>`,
    shown === ''
      ? ''
      : `<text x="${(x + 3).toFixed(2)}" y="${y + frameHeight - 5}">${xml(shown)}</text>`,
    '</g>',
  ].join('');
}

/**
 * A self-contained SVG flame graph of a call tree: one rectangle per frame, as wide as the time
 * spent in it and under it, callees stacked on their callers; hovering a frame shows its name,
 * file, line and times (an SVG `<title>`). No script, no external resource.
 */
export function renderFlameGraph(root: CallTreeNode, options: FlameGraphOptions): string {
  const width = options.width ?? 1200;
  const graphWidth = width - 2 * padding;
  const placed = place(root, graphWidth);
  const maxDepth = Math.max(0, ...placed.map((entry) => entry.depth));
  const height = headerHeight + (maxDepth + 1) * frameHeight + padding;
  const whole = Math.max(root.totalUs, 1e-9);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Verdana, sans-serif" font-size="${fontSize}">`,
    `<rect width="100%" height="100%" fill="#fdfdf6"/>`,
    `<text x="${padding}" y="20" font-size="15">${xml(options.title)}</text>`,
    options.subtitle === undefined
      ? ''
      : `<text x="${padding}" y="38" fill="#555">${xml(options.subtitle)}</text>`,
    ...placed.map((entry) => frameElement(entry, headerHeight, maxDepth, whole)),
    '</svg>',
    '',
  ].join('\n');
}
