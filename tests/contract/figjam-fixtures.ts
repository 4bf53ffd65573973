// Boards for the FigJam contract host, made from the bundled Miro example so
// both hosts are tested on the same canvas: frames become sections, sticky
// notes and cards become stickies, shapes stay shapes, connectors stay.
import { htmlToText } from '../../plugin/miro/src/html-text.js';
import type { NodeSpec } from './fake-figjam.js';

const PALETTE: Record<string, string> = {
  gray: '#e6e6e6', light_yellow: '#fff9b1', yellow: '#f5d128', orange: '#ff9d48', light_green: '#d5f692',
  green: '#c9df56', light_pink: '#ffcee0', pink: '#ea94bb', light_blue: '#a6ccf5', blue: '#6cd8fa', violet: '#be88c7', red: '#f24726',
};

function rgb(hex: string): { r: number; g: number; b: number } {
  const value = parseInt(hex.slice(1), 16);
  return { r: ((value >> 16) & 255) / 255, g: ((value >> 8) & 255) / 255, b: (value & 255) / 255 };
}

interface RestItem {
  id: string;
  type: string;
  data?: Record<string, string>;
  style?: Record<string, string>;
  geometry?: { width?: number; height?: number };
  position?: { x: number; y: number };
  parent?: { id: string };
  startItem?: { id: string };
  endItem?: { id: string };
}

type Pages = { data: RestItem[] } | { data: RestItem[] }[];
const itemsOf = (pages: Pages | undefined) => (pages === undefined ? [] : Array.isArray(pages) ? pages.flatMap((page) => page.data) : pages.data);

export function figjamNodesFromRestExport(bundle: { items: Pages; connectors?: Pages }): NodeSpec[] {
  const items = itemsOf(bundle.items);
  const frames = new Map(items.filter((item) => item.type === 'frame').map((frame) => [frame.id, frame]));
  const specs: NodeSpec[] = [];
  for (const frame of frames.values()) {
    const width = frame.geometry?.width ?? 100;
    const height = frame.geometry?.height ?? 100;
    specs.push({ id: frame.id, type: 'SECTION', name: frame.data?.title ?? '', x: frame.position!.x - width / 2, y: frame.position!.y - height / 2, width, height });
  }
  for (const item of items) {
    if (!['sticky_note', 'card', 'shape'].includes(item.type)) continue;
    const inFrame = item.parent && frames.has(item.parent.id);
    const size = item.type === 'shape' ? { width: item.geometry?.width ?? 100, height: item.geometry?.height ?? 100 } : { width: 240, height: 240 };
    // Miro positions are centres (children relative to their frame's top-left); FigJam's are top-left corners.
    const spec: NodeSpec = {
      id: item.id, type: item.type === 'shape' ? 'SHAPE_WITH_TEXT' : 'STICKY',
      x: item.position!.x - size.width / 2, y: item.position!.y - size.height / 2, ...size,
      parent: inFrame ? item.parent!.id : undefined,
      text: item.type === 'card'
        ? [htmlToText(item.data?.title ?? ''), htmlToText(item.data?.description ?? '')].filter(Boolean).join('\n')
        : htmlToText(item.data?.content ?? ''),
    };
    const fill = PALETTE[item.style?.fillColor ?? ''] ?? (item.style?.fillColor?.startsWith('#') ? item.style.fillColor : undefined);
    if (fill) spec.fill = rgb(fill);
    if (item.type === 'shape') spec.shapeType = item.data?.shape === 'circle' ? 'ELLIPSE' : 'SQUARE';
    specs.push(spec);
  }
  for (const connector of itemsOf(bundle.connectors)) {
    if (connector.startItem && connector.endItem) specs.push({ id: connector.id, type: 'CONNECTOR', from: connector.startItem.id, to: connector.endItem.id });
  }
  return specs;
}
