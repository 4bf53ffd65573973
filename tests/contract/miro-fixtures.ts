// Boards for the Miro contract host: the bundled REST API export turned into
// the items the Web SDK returns for the same board, and generated large boards.
import type { StoredItem, StoredTag } from './fake-miro.js';

interface RestItem {
  id: string;
  type: string;
  data?: Record<string, unknown>;
  style?: Record<string, unknown>;
  geometry?: { width?: number; height?: number };
  position?: { x: number; y: number; relativeTo?: string };
  parent?: { id: string };
  createdBy?: { id: string };
  startItem?: { id: string };
  endItem?: { id: string };
  captions?: { content: string }[];
  shape?: string;
}

function pagesOf(value: unknown): RestItem[] {
  if (Array.isArray(value)) return value.flatMap((page) => (page && typeof page === 'object' && 'data' in page ? (page as { data: RestItem[] }).data : [page as RestItem]));
  return (value as { data: RestItem[] }).data;
}

/** REST API v2 export → Web SDK items: same ids, same relative positions, SDK property names. */
export function sdkItemsFromRestExport(bundle: { items: unknown; connectors?: unknown }): StoredItem[] {
  const common = (item: RestItem) => ({
    id: item.id, type: item.type, x: item.position?.x ?? 0, y: item.position?.y ?? 0, origin: 'center',
    relativeTo: item.position?.relativeTo ?? (item.parent ? 'parent_top_left' : 'canvas_center'),
    parentId: item.parent?.id ?? null, createdBy: item.createdBy?.id ?? '', createdAt: '2024-03-11T09:15:33Z',
    modifiedAt: '2024-03-11T09:15:33Z', modifiedBy: item.createdBy?.id ?? '',
    width: item.geometry?.width ?? 100, height: item.geometry?.height ?? 100,
  });
  const items: StoredItem[] = pagesOf(bundle.items).map((item) => {
    const data = item.data ?? {};
    const style = { ...(item.style ?? {}) };
    switch (item.type) {
      case 'sticky_note':
        return { ...common(item), content: data.content ?? '', shape: data.shape ?? 'square', style, tagIds: [] };
      case 'card':
        return { ...common(item), title: data.title ?? '', description: data.description ?? '', style: { cardTheme: style.cardTheme ?? '#2d9bf0' }, tagIds: [], taskStatus: 'none', rotation: 0 };
      case 'frame':
        return { ...common(item), title: data.title ?? '', childrenIds: [], showContent: true, style: { fillColor: style.fillColor ?? '#ffffff' } };
      case 'shape':
        return { ...common(item), content: data.content ?? '', shape: data.shape ?? 'rectangle', rotation: 0, style: { fillColor: '#ffffff', borderColor: '#1a1a1a', ...style } };
      default:
        return { ...common(item), content: data.content ?? '', rotation: 0, style: { fillColor: 'transparent', color: '#1a1a1a', ...style } };
    }
  });
  for (const frame of items.filter((item) => item.type === 'frame')) {
    frame.childrenIds = items.filter((item) => item.parentId === frame.id).map((item) => item.id);
  }
  for (const connector of bundle.connectors ? pagesOf(bundle.connectors) : []) {
    items.push({
      id: connector.id, type: 'connector', shape: connector.shape ?? 'curved', origin: 'center', relativeTo: 'canvas_center', parentId: null,
      start: { item: connector.startItem?.id, snapTo: 'auto' }, end: { item: connector.endItem?.id, snapTo: 'auto' },
      style: { strokeColor: '#1a1a1a', strokeStyle: 'normal', strokeWidth: 2 }, captions: connector.captions ?? [], width: 0, height: 0,
      createdAt: '2024-03-11T09:15:33Z', createdBy: '', modifiedAt: '2024-03-11T09:15:33Z', modifiedBy: '',
    });
  }
  return items;
}

const SECTIONS: [string, (i: number) => string][] = [
  ['Customer Segment', (i) => `Owners of small bakeries, shop ${i}`],
  ['Customer Jobs', (i) => `Plan tomorrow's bread orders for route ${i}`],
  ['Pains', (i) => `Orders for route ${i} get lost between phone and kitchen`],
  ['Gains', (i) => `Route ${i} customers reorder without calling`],
  ['Products & Services', (i) => `Order app for route ${i}`],
  ['Pain Relievers', (i) => `Orders for route ${i} go straight from phone to kitchen screen`],
  ['Gain Creators', (i) => `One-tap reorder for route ${i} customers`],
];

/** A canvas of seven frames holding `notes` sticky notes in all, for load tests. */
export function largeBoard(notes: number): StoredItem[] {
  const items: StoredItem[] = [];
  const perSection = Math.ceil(notes / SECTIONS.length);
  const columns = Math.ceil(Math.sqrt(perSection));
  const frameSize = columns * 240 + 80;
  SECTIONS.forEach(([title], index) => {
    items.push({
      id: `frame-${index}`, type: 'frame', title, x: (index % 4) * (frameSize + 200), y: Math.floor(index / 4) * (frameSize + 200),
      width: frameSize, height: frameSize, origin: 'center', relativeTo: 'canvas_center', parentId: null,
      childrenIds: [], showContent: true, style: { fillColor: '#ffffff' }, createdBy: 'u1', createdAt: '', modifiedAt: '', modifiedBy: 'u1',
    });
  });
  for (let n = 0; n < notes; n += 1) {
    const section = n % SECTIONS.length;
    const slot = Math.floor(n / SECTIONS.length);
    items.push({
      id: `note-${n}`, type: 'sticky_note', content: `<p>${SECTIONS[section][1](slot)}</p>`, shape: 'square',
      style: { fillColor: 'light_yellow', textAlign: 'center', textAlignVertical: 'top' }, tagIds: [],
      x: 140 + (slot % columns) * 240, y: 160 + Math.floor(slot / columns) * 240, width: 199, height: 228,
      origin: 'center', relativeTo: 'parent_top_left', parentId: `frame-${section}`,
      createdBy: 'u1', createdAt: '', modifiedAt: '', modifiedBy: 'u1',
    });
  }
  return items;
}

export function tagsNamed(count: number, prefix = 'user tag'): StoredTag[] {
  return Array.from({ length: count }, (_, i) => ({ id: `tag-${i}`, type: 'tag', title: `${prefix} ${i}`, color: 'gray' }));
}
