// @ts-check
// The facilitator's answers to CanvasFit's suggested links: a pair confirmed
// (the reliever, creator or product does address that pain, gain or job) or
// rejected (it does not, never suggest it again). Host-neutral: each adapter
// stores one record per `from` note on the board itself (Excalidraw
// customData, Miro item metadata, FigJam shared plugin data) and hands the
// records read back to `linkOptions`, which gives the analysis options
// (`options.links`, docs/report.md).
//
// The record is small on purpose (Miro keeps only a few hundred bytes of app
// metadata per item): {v: 1, c: [to ids confirmed], r: [to ids rejected]},
// and `n: 1` when the facilitator said nothing else links the note itself
// (a pain nothing addresses, a reliever that addresses nothing here:
// `options.links.unlinked`). A pair is in one list at most: the last answer wins.

/** @typedef {{ v: 1, c: string[], r: string[], n?: 1 }} PairRecord */
/**
 * 'confirmed' and 'rejected' answer a pair; 'unlinked' and 'reopened' answer
 * about the note itself (its `to` is `ITSELF`): nothing else links it, or
 * that answer taken back.
 * @typedef {'confirmed' | 'rejected' | 'unlinked' | 'reopened'} Decision
 */
/** @typedef {{ confirmed: [string, string][], rejected: [string, string][], unlinked: string[] }} LinkOptions */

/** The `to` of an answer about the note itself ('unlinked', 'reopened'). */
export const ITSELF = '';

/** @returns {PairRecord} */
export function emptyRecord() {
  return { v: 1, c: [], r: [] };
}

/** @param {unknown} list @returns {string[]} */
function ids(list) {
  return Array.isArray(list) ? [...new Set(list.filter((id) => typeof id === 'string' && id !== ''))] : [];
}

/**
 * A record as stored (an object, or its JSON text), checked; null when there
 * is none or it is not CanvasFit's.
 * @param {unknown} value
 * @returns {PairRecord | null}
 */
export function parseRecord(value) {
  let data = value;
  if (typeof value === 'string') {
    if (value === '') return null;
    try {
      data = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!data || typeof data !== 'object') return null;
  const record = /** @type {any} */ (data);
  if (record.v !== 1) return null;
  const confirmed = ids(record.c);
  const rejected = ids(record.r).filter((id) => !confirmed.includes(id));
  return record.n === 1 ? { v: 1, c: confirmed, r: rejected, n: 1 } : { v: 1, c: confirmed, r: rejected };
}

/** Whether a record holds no answer (the adapter then removes it). @param {PairRecord | null} record */
export function isEmptyRecord(record) {
  return !record || (record.c.length === 0 && record.r.length === 0 && record.n !== 1);
}

/**
 * The record with one more answer about the pair (record's note → `to`).
 * @param {PairRecord | null} record
 * @param {string} to
 * @param {Decision} decision
 * @returns {PairRecord}
 */
export function withDecision(record, to, decision) {
  const base = record ?? emptyRecord();
  if (decision === 'unlinked') return { v: 1, c: base.c, r: base.r, n: 1 };
  if (decision === 'reopened') return { v: 1, c: base.c, r: base.r };
  const c = base.c.filter((id) => id !== to);
  const r = base.r.filter((id) => id !== to);
  if (decision === 'confirmed') c.push(to);
  else r.push(to);
  return base.n === 1 ? { v: 1, c, r, n: 1 } : { v: 1, c, r };
}

/**
 * The answer recorded for a pair, if any; for `ITSELF`, 'unlinked' or
 * 'reopened' (nothing said), so that recording an answer already there
 * writes nothing.
 * @param {PairRecord | null} record
 * @param {string} to
 * @returns {Decision | null}
 */
export function decisionOf(record, to) {
  if (to === ITSELF) return record?.n === 1 ? 'unlinked' : 'reopened';
  if (!record) return null;
  if (record.c.includes(to)) return 'confirmed';
  if (record.r.includes(to)) return 'rejected';
  return null;
}

/**
 * The analysis options from the records on the board (`from` note id → record),
 * in a stable order so the same board always gives the same options.
 * @param {Iterable<[string, PairRecord | null]>} records
 * @returns {LinkOptions}
 */
export function linkOptions(records) {
  /** @type {LinkOptions} */
  const options = { confirmed: [], rejected: [], unlinked: [] };
  for (const [from, record] of records) {
    if (!record) continue;
    for (const to of record.c) options.confirmed.push([from, to]);
    for (const to of record.r) options.rejected.push([from, to]);
    if (record.n === 1) options.unlinked.push(from);
  }
  /** @param {[string, string]} a @param {[string, string]} b */
  const order = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
  options.confirmed.sort(order);
  options.rejected.sort(order);
  options.unlinked.sort();
  return options;
}

/** Whether the options hold any answer (hosts pass `links` only then). @param {LinkOptions} options */
export function hasPairs(options) {
  return options.confirmed.length > 0 || options.rejected.length > 0 || (options.unlinked ?? []).length > 0;
}

/**
 * The analysis options with the board's pairs: `{...base, links}`.
 * @template {object} T
 * @param {T} base
 * @param {LinkOptions} links
 * @returns {T & { links?: LinkOptions }}
 */
export function withLinks(base, links) {
  return hasPairs(links) ? { ...base, links } : base;
}

/** The label a suggestion connector carries: "? 62 %". @param {number} confidence */
export function suggestionLabel(confidence) {
  return `? ${Math.round(Math.max(0, Math.min(1, Number(confidence) || 0)) * 100)} %`;
}

/** A suggestion label as CanvasFit writes it (another text on the connector is the user's). */
export const SUGGESTION_LABEL = /^\? \d{1,3} %$/;

/** The key of a pair, for sets and maps. @param {string} from @param {string} to */
export function pairKey(from, to) {
  return `${from}\u0000${to}`;
}
