// @ts-check
// Live mode's arithmetic, shared by every host: keep the report up to date
// from the incremental Analyzer's deltas (docs/report.md, "Deltas"), and turn
// two patches into the marks to take off and the marks to put on, so that an
// edit rewrites only what it changed. No host API is touched here.

/**
 * @typedef {import('./patch.js').Patch} Patch
 * @typedef {import('./patch.js').PatchAction} PatchAction
 */

/**
 * The report after `delta`: objects with ids replaced or added by id, lists
 * without ids (links, warnings, questions) edited as multisets. The lists'
 * order may differ from a fresh analysis's; nothing else does.
 * @param {any} report the report the delta follows (null: an empty one)
 * @param {any} delta a canvasfit.delta/1 object
 * @returns {any}
 */
export function applyDelta(report, delta) {
  const before = report ?? { canvases: [], notes: [], links: [], warnings: [], questions: [] };
  return {
    ...before,
    schema: 'canvasfit.report/1',
    source: delta.source,
    format: delta.format,
    canvases: replacedById(before.canvases, delta.canvases, delta.canvases_removed),
    notes: replacedById(before.notes, delta.notes, delta.notes_removed),
    links: replacedAsMultiset(before.links, delta.links_added, delta.links_removed),
    warnings: replacedAsMultiset(before.warnings, delta.warnings_added, delta.warnings_removed),
    questions: replacedAsMultiset(before.questions, delta.questions_added, delta.questions_removed),
  };
}

/** Whether a delta changes nothing. @param {any} delta */
export function isEmptyDelta(delta) {
  return ['canvases', 'canvases_removed', 'notes', 'notes_removed', 'links_added', 'links_removed',
    'warnings_added', 'warnings_removed', 'questions_added', 'questions_removed']
    .every((field) => (delta[field] ?? []).length === 0);
}

/**
 * @param {any[]} items @param {any[]} changed @param {string[]} removed
 * @returns {any[]}
 */
function replacedById(items, changed, removed) {
  const gone = new Set(removed);
  const kept = items.filter((item) => !gone.has(item.id));
  const at = new Map(kept.map((item, index) => [item.id, index]));
  for (const item of changed) {
    const index = at.get(item.id);
    if (index === undefined) {
      at.set(item.id, kept.length);
      kept.push(item);
    } else {
      kept[index] = item;
    }
  }
  return kept;
}

/**
 * Each kept list item's JSON, made once: an item stays the same object from
 * one delta to the next, and a Live edit compares every link, warning and
 * question of the board with the few the delta removes.
 * @type {WeakMap<object, string>}
 */
const itemJson = new WeakMap();

/** @param {any} item */
function jsonOfItem(item) {
  let json = itemJson.get(item);
  if (json === undefined) {
    json = JSON.stringify(item);
    itemJson.set(item, json);
  }
  return json;
}

/**
 * @param {any[]} items @param {any[]} added @param {any[]} removed
 * @returns {any[]}
 */
function replacedAsMultiset(items, added, removed) {
  if (removed.length === 0) return added.length === 0 ? items : [...items, ...added];
  /** @type {Map<string, number>} */
  const leaving = new Map();
  for (const item of removed) leaving.set(JSON.stringify(item), (leaving.get(JSON.stringify(item)) ?? 0) + 1);
  const kept = items.filter((item) => {
    const key = jsonOfItem(item);
    const count = leaving.get(key) ?? 0;
    if (count === 0) return true;
    leaving.set(key, count - 1);
    return false;
  });
  return [...kept, ...added];
}

/**
 * What a mark is, whatever its place in the patch: the action without its
 * list-position id (warning-3 becomes another warning's id when one before it
 * goes). Two actions with the same key draw the same mark.
 * @param {PatchAction} action
 */
export function markKey(action) {
  const { id: _position, ...what } = /** @type {any} */ (action);
  return JSON.stringify(what);
}

/**
 * The marks a patch draws (its remove-marks step left out) with their keys,
 * kept per patch object: Live compares each patch with the next, so every
 * patch's keys are needed twice and are made once.
 * @type {WeakMap<Patch, { actions: PatchAction[], keys: string[] }>}
 */
const drawnMarks = new WeakMap();

/** @param {Patch | null} patch */
function marksOf(patch) {
  if (!patch) return { actions: [], keys: [] };
  let marks = drawnMarks.get(patch);
  if (!marks) {
    const actions = patch.actions.filter((action) => action.type !== 'remove-marks');
    marks = { actions, keys: actions.map(markKey) };
    drawnMarks.set(patch, marks);
  }
  return marks;
}

/**
 * The marks to take off and to put on to go from the board as `before` drew
 * it to the board `after` draws. A highlight whose look changes is in both.
 * @param {Patch | null} before null: nothing of this session's is on the board
 * @param {Patch} after
 * @returns {{ removed: PatchAction[], added: PatchAction[] }}
 */
export function patchChanges(before, after) {
  const was = marksOf(before);
  const now = marksOf(after);
  const afterKeys = new Set(now.keys);
  const beforeKeys = new Set(was.keys);
  return {
    removed: was.actions.filter((_, index) => !afterKeys.has(was.keys[index])),
    added: now.actions.filter((_, index) => !beforeKeys.has(now.keys[index])),
  };
}

/**
 * What Live last handed the Analyzer of a canvasfit.board/1 board: the JSON
 * of everything but the notes (frames, connectors, dot votes, schema), and
 * each note's JSON by id.
 * @typedef {{ fixed: string, notes: Map<string, string> }} SentBoard
 */

/** @param {any} board a canvasfit.board/1 object @returns {SentBoard} */
export function sentBoard(board) {
  /** @type {any[]} */
  const notes = board.notes ?? [];
  return { fixed: fixedJsonOf(board), notes: new Map(notes.map((note) => [note.id, JSON.stringify(note)])) };
}

/** @param {any} board */
function fixedJsonOf(board) {
  return JSON.stringify({ ...board, notes: undefined });
}

/**
 * Live's note edits for the Analyzer (`edit`): the notes whose JSON differs
 * from what `sent` holds, and the ids no longer on the board; null when the
 * board holds the same notes; "whole" when something besides the notes
 * changed (a frame, a connector, a dot vote), or two notes share an id, so
 * that the Analyzer must be handed the whole board (`update`, which starts
 * over or names the error). Brings `sent` up to date unless it says "whole"
 * (the caller then starts `sent` again from the board).
 * The Analyzer applies a batch as `update` would: a note that comes back
 * replaces itself in place, a new one joins at the end.
 * @param {SentBoard} sent @param {any} board a canvasfit.board/1 object
 * @returns {{ upsert: any[], remove: string[] } | 'whole' | null}
 */
export function boardEdits(sent, board) {
  if (fixedJsonOf(board) !== sent.fixed) return 'whole';
  const notes = board.notes ?? [];
  const seen = new Set();
  const changed = [];
  for (const note of notes) {
    if (seen.has(note.id)) return 'whole';
    seen.add(note.id);
    const json = JSON.stringify(note);
    if (sent.notes.get(note.id) !== json) changed.push([note, json]);
  }
  const remove = [...sent.notes.keys()].filter((id) => !seen.has(id));
  if (changed.length === 0 && remove.length === 0) return null;
  for (const [note, json] of changed) sent.notes.set(note.id, json);
  for (const id of remove) sent.notes.delete(id);
  return { upsert: changed.map(([note]) => note), remove };
}
