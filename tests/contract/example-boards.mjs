// The bundled example board (examples/miro-saas-canvas.json, a Miro REST API
// export) and variants of it derived here, so that every contract test starts
// from the same canvas.
//
// Since the certainty layer (docs/report.md, "Findings and questions"), the
// example as it is gives mostly questions, not warnings: its pains and gains
// all have relievers or creators that may address them. A test that needs
// several certain warnings (warning stickies to type into, fault injection on
// their writes) takes the example with one side of the value map emptied:
// then every row on the other side is certainly unaddressed (a finding, with a
// warning sticky), and the empty section is a finding too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './load.mjs';

/** A fresh copy of the bundled example export. */
export function exampleExport() {
  return JSON.parse(readFileSync(path.join(root, 'examples/miro-saas-canvas.json'), 'utf8'));
}

const pagesOf = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * `bundle` with the frames titled `titles` emptied: the items inside them are
 * taken away, and so are the connectors touching those items. The frames stay
 * (an empty section is what the user would see after deleting the notes).
 */
export function withEmptiedFrames(bundle, titles) {
  const items = pagesOf(bundle.items).flatMap((page) => page.data);
  const frames = new Set(items.filter((item) => item.type === 'frame' && titles.includes(item.data?.title)).map((item) => item.id));
  if (frames.size !== titles.length) throw new Error(`no frame for each of ${titles.join(', ')} in the example`);
  const gone = new Set(items.filter((item) => frames.has(item.parent?.id)).map((item) => item.id));
  if (gone.size === 0) throw new Error(`nothing inside ${titles.join(', ')} in the example`);
  const keep = (item) => !gone.has(item.id) && !gone.has(item.startItem?.id) && !gone.has(item.endItem?.id);
  /** The pages of a cursor list without the items taken away, their counts following. */
  const filtered = (value) => {
    const total = pagesOf(value).flatMap((page) => page.data).filter(keep).length;
    const filterPage = (page) => {
      const data = page.data.filter(keep);
      return { ...page, data, ...('size' in page ? { size: data.length } : {}), ...('total' in page ? { total } : {}) };
    };
    return Array.isArray(value) ? value.map(filterPage) : filterPage(value);
  };
  const out = structuredClone(bundle);
  out.items = filtered(out.items);
  if (out.connectors !== undefined) out.connectors = filtered(out.connectors);
  return out;
}

/**
 * The example without its gain creators: its gains are all certainly
 * unaddressed (warnings: an empty section and the high and medium gains), while
 * its pain relievers, the two connectors the user drew and the links found
 * from the wording all stay, so links (and a few questions) are written too.
 */
export function exampleWithoutGainCreators() {
  return withEmptiedFrames(exampleExport(), ['Gain Creators']);
}
