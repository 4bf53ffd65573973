// A neutral patch (plugin/core-shell/patch.js) → Miro SDK calls, and Clear.
// Re-runs reconcile instead of clearing and redrawing: a note whose marks are
// already right costs nothing, which matters when every call costs credits.
// Order keeps the user's data safe if anything fails midway: the original
// colour is written to the item's metadata before the colour changes, and on
// Clear the colour is restored before the metadata goes. Every item is read
// again just before it is written: a note the user edited or deleted since the
// analysis read it is skipped (and reported), never overwritten or recreated.
// A call that fails stops the write-back after its batch has settled; what was
// written by then is recorded, so Clear can undo it. A warning sticky the user
// typed into is kept as the user's note: only CanvasFit's tag and record go.
import { QUERY_CREDITS } from './budget.js';
import { isHostTrouble, type SdkCalls } from './calls.js';
import { htmlToText, textToHtml } from './html-text.js';
import {
  ADOPTED_STYLE, LINK_END_CAP, LINK_SHAPE, LINK_STYLE, METADATA_KEY, SUGGESTION_STYLE, WARNING_COLOR, WARNING_TAG, appliedLook, isLinkRecord, linkWidth, lookOf, rankTag, sameColor, setLook, statusTag, tagIdsOf,
  warningRecord,
  type HighlightRecord, type Status, type TagSpec,
} from './marks.js';
import { PENDING, contentKey, signatureOf, type MetadataCache, type Snapshot } from './read.js';
import { isNoteItem, isWritable, type BoardJson, type Connector, type Item, type MiroBoard, type NoteItem, type Progress, type StickyNote, type Tag } from './types.js';

export const MAX_TAGS_PER_ITEM = 8;
export const MAX_TAGS_PER_BOARD = 100;
const WARNING_WIDTH = 230;
const STICKY_ASPECT = 228 / 199;  // Miro's square sticky, shadow included
const GAP = 40;

export interface PatchAction {
  type: string;
  [field: string]: unknown;
}
export interface Patch {
  actions: PatchAction[];
}

/** What a write-back did, for the panel and the tests. */
export interface WriteSummary {
  calls: number;
  notesChanged: number;
  created: number;
  removed: number;
  notices: string[];
  /** Notes the user edited or deleted while CanvasFit wrote: left as the user left them. */
  changed: string[];
}

interface Desired {
  status?: Status;
  marks: string[];
}

interface NotePlan {
  item: NoteItem;
  look: string;
  tagIds: string[];
  record: HighlightRecord | null;
  styleChanged: boolean;
  recordChanged: boolean;
}

type Box = { x: number; y: number; width: number; height: number };

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function desiredMarks(patch: Patch): Map<string, Desired> {
  const desired = new Map<string, Desired>();
  const entry = (note: string) => {
    let found = desired.get(note);
    if (!found) desired.set(note, (found = { marks: [] }));
    return found;
  };
  for (const action of patch.actions) {
    if (action.type === 'highlight') entry(String(action.note)).status = action.status as Status;
    else if (action.type === 'mark' || action.type === 'question') entry(String(action.note)).marks.push(String(action.text));
  }
  return desired;
}

export class MiroWriter {
  private done = 0;
  private total = 0;
  private phase: Progress['phase'] = 'writing';
  /** Each note's text, colour and tags as read, updated with CanvasFit's own writes. */
  private expected = new Map<string, string>();
  private summary: WriteSummary = { calls: 0, notesChanged: 0, created: 0, removed: 0, notices: [], changed: [] };
  /** The suggestion connectors on the board after apply(): kept and created ones. */
  suggestionsNow: Connector[] = [];

  constructor(
    private readonly board: MiroBoard,
    private readonly calls: SdkCalls,
    private readonly cache: MetadataCache,
    private readonly onProgress: (progress: Progress) => void = () => {},
  ) {}

  /** Writes the patch onto the board: earlier marks are replaced, never duplicated. */
  async apply(snapshot: Snapshot, board: BoardJson, patch: Patch): Promise<WriteSummary> {
    this.start(snapshot);
    const desired = desiredMarks(patch);
    const warnings = patch.actions.filter((action) => action.type === 'warning-note');
    const links = patch.actions.filter((action) => action.type === 'link');
    const suggestions = patch.actions.filter((action) => action.type === 'suggestion');
    await this.ensureTags(snapshot, this.tagsNeeded(desired, warnings.length > 0));
    const plans = snapshot.notes.map((item) => this.plan(item, snapshot, desired.get(item.id)))
      .filter((plan): plan is NotePlan => plan !== null);
    const staleWarnings = this.unmatched(snapshot.warnings, warnings.map((w) => String(w.text)), (s) => htmlToText(s.content));
    const staleLinks = this.unmatched(snapshot.links, links.map((l) => `${l.from}>${l.to}`), (c) => `${c.start?.item}>${c.end?.item}`);
    const newWarnings = warnings.filter((w) => !snapshot.warnings.some((s) => htmlToText(s.content) === w.text));
    const newLinks = links.filter((l) => !snapshot.links.some((c) => c.start?.item === l.from && c.end?.item === l.to));
    const staleSuggestions = this.unmatched(snapshot.suggestions, suggestions.map((l) => `${l.from}>${l.to}`), (c) => `${c.start?.item}>${c.end?.item}`);
    const newSuggestions = suggestions.filter((l) => !snapshot.suggestions.some((c) => c.start?.item === l.from && c.end?.item === l.to));
    const anchors = [...new Set([
      ...newWarnings.flatMap((w) => w.anchor as string[]), ...[...newLinks, ...newSuggestions].flatMap((l) => [String(l.from), String(l.to)]),
    ])];
    this.total = this.callsFor(plans) + this.readsFor(plans.length) + staleWarnings.length + staleLinks.length
      + this.adoptCalls(snapshot) + this.readsFor(anchors.length) + newWarnings.length * 2 + newLinks.length * 2
      + staleSuggestions.length + newSuggestions.length * 2;
    this.report('writing');
    await this.adopt(snapshot);
    await this.writeNotes(plans);
    await this.removeItems([...staleWarnings, ...staleLinks, ...staleSuggestions]);
    // Warnings and links about a note edited or deleted since the read would be stale: left out.
    const unchanged = await this.unchanged(anchors);
    const fresh = (ids: string[]) => ids.every((id) => unchanged.has(id));
    const warningsNow = newWarnings.filter((w) => fresh(w.anchor as string[]));
    const linksNow = newLinks.filter((l) => fresh([String(l.from), String(l.to)]));
    const suggestionsNow = newSuggestions.filter((l) => fresh([String(l.from), String(l.to)]));
    this.skipped((newWarnings.length - warningsNow.length + newLinks.length - linksNow.length + newSuggestions.length - suggestionsNow.length) * 2);
    await this.createWarnings(snapshot, board, warningsNow);
    await this.createLinks(linksNow);
    this.suggestionsNow = snapshot.suggestions.filter((connector) => !staleSuggestions.includes(connector));
    await this.createSuggestions(suggestionsNow);
    if (this.summary.changed.length > 0) {
      this.summary.notices.push(`${this.summary.changed.length} note(s) changed while CanvasFit wrote and were left as they are: press Analyse again to include them`);
    }
    return this.summary;
  }

  /** Removes CanvasFit's items and tags and restores every colour and tag it changed; user edits stay. */
  async clear(snapshot: Snapshot): Promise<WriteSummary> {
    this.start(snapshot);
    const plans = snapshot.notes.map((item) => this.plan(item, snapshot, undefined))
      .filter((plan): plan is NotePlan => plan !== null);
    const tags = [...snapshot.ourTags.values()];
    this.total = this.callsFor(plans) + this.readsFor(plans.length) + snapshot.warnings.length + snapshot.links.length
      + snapshot.suggestions.length + this.adoptCalls(snapshot) + tags.length;
    this.report('clearing');
    await this.adopt(snapshot);
    await this.writeNotes(plans);
    await this.removeItems([...snapshot.warnings, ...snapshot.links, ...snapshot.suggestions]);
    await this.removeItems(tags);
    for (const tag of tags) snapshot.ourTags.delete(tag.title);
    return this.summary;
  }

  private start(snapshot: Snapshot): void {
    this.expected = new Map(snapshot.notes.map((note) => [note.id, contentKey(note)]));
    this.done = 0;
    this.total = 0;
    this.summary = { calls: 0, notesChanged: 0, created: 0, removed: 0, notices: [], changed: [] };
  }

  /** Notes found edited or deleted so far, also when the write-back failed later. */
  get changed(): string[] {
    return [...this.summary.changed];
  }

  private report(phase: Progress['phase']): void {
    this.phase = phase;
    this.onProgress({ phase, done: this.done, total: this.total });
  }

  private progressed(count: number): void {
    this.done += count;
    this.summary.calls += count;
    this.report(this.phase);
  }

  /** Calls counted as done without being made (notes skipped because the user changed them). */
  private skipped(count: number): void {
    this.done += count;
    this.report(this.phase);
  }

  private userChanged(id: string): void {
    if (!this.summary.changed.includes(id)) this.summary.changed.push(id);
  }

  /** The reads that check `count` items just before they are written: one `get` a batch. */
  private readsFor(count: number): number {
    return Math.ceil(count / this.calls.batchSize);
  }

  /**
   * The items with these ids as they are now (one `get` a batch); deleted ones
   * are missing. Miro may throw on an id that no longer exists instead of
   * leaving it out, so a batch whose `get` fails is fetched again one id at a
   * time: an id whose own `get` fails is taken as deleted, unless the failure
   * is a rate limit or a timeout (the host is in trouble: that is thrown).
   */
  private async fetch(ids: string[]): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    for (let start = 0; start < ids.length; start += this.calls.batchSize) {
      const chunk = ids.slice(start, start + this.calls.batchSize);
      const items = await this.calls.one(() => this.board.get({ id: chunk }), QUERY_CREDITS).catch(async (error: unknown) => {
        if (isHostTrouble(error)) throw error;
        this.total += chunk.length;
        const one = await this.calls.settle(chunk.map((id) => () => this.board.get({ id: [id] })), this.counter(), QUERY_CREDITS);
        const trouble = one.find((result): result is PromiseRejectedResult => result.status === 'rejected' && isHostTrouble(result.reason));
        if (trouble) throw trouble.reason;
        return one.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
      });
      this.progressed(1);
      for (const item of items) found.set(item.id, item);
    }
    return found;
  }

  /** Of these notes, the ids still as the snapshot read them; the others are reported as changed. */
  private async unchanged(ids: string[]): Promise<Set<string>> {
    const now = await this.fetch(ids);
    const same = new Set<string>();
    for (const id of ids) {
      const item = now.get(id);
      if (item && isNoteItem(item) && contentKey(item) === this.expected.get(id)) same.add(id);
      else this.userChanged(id);
    }
    return same;
  }

  /**
   * The outcome of one write per item: items whose write failed because they
   * are gone (the user deleted them meanwhile) count as changed by the user;
   * any other failure is thrown. Returns the items written.
   */
  private async written<T extends { id: string }>(items: T[], results: PromiseSettledResult<unknown>[], report = true): Promise<T[]> {
    const failed = items.filter((_, index) => results[index].status === 'rejected');
    if (failed.length === 0) return items;
    this.total += this.readsFor(failed.length);
    const still = await this.fetch(failed.map((item) => item.id));
    const lost = failed.find((item) => still.has(item.id));
    if (lost) throw (results[items.indexOf(lost)] as PromiseRejectedResult).reason;
    if (report) for (const item of failed) this.userChanged(item.id);
    return items.filter((item) => !failed.includes(item));
  }

  private tagsNeeded(desired: Map<string, Desired>, warnings: boolean): TagSpec[] {
    const specs = new Map<string, TagSpec>();
    for (const entry of desired.values()) {
      const status = entry.status ? statusTag(entry.status) : null;
      if (status) specs.set(status.title, status);
      for (const mark of entry.marks) specs.set(rankTag(mark).title, rankTag(mark));
    }
    if (warnings) specs.set(WARNING_TAG.title, WARNING_TAG);
    return [...specs.values()];
  }

  /** Creates the CanvasFit tags that are missing, within Miro's limit of 100 tags a board. */
  private async ensureTags(snapshot: Snapshot, specs: TagSpec[]): Promise<void> {
    let count = snapshot.tags.length;
    for (const spec of specs) {
      if (snapshot.ourTags.has(spec.title)) continue;
      if (count >= MAX_TAGS_PER_BOARD) {
        this.summary.notices.push(`the board already has ${MAX_TAGS_PER_BOARD} tags: "${spec.title}" was not added`);
        continue;
      }
      const tag = await this.calls.one(() => this.board.createTag({ title: spec.title, color: spec.color }));
      this.summary.calls += 1;
      snapshot.ourTags.set(spec.title, tag);
      snapshot.tags.push(tag);
      count += 1;
    }
  }

  /** What a note should look like, from the user's own state plus the desired marks. */
  private plan(item: NoteItem, snapshot: Snapshot, desired: Desired | undefined): NotePlan | null {
    const previous = snapshot.highlights.get(item.id) ?? null;
    if (!previous && !desired) return null;
    // Another app's card is read-only: it gets no colour, tag or record (nor can one be taken off).
    if (!isWritable(item)) return null;
    const look = lookOf(item);
    const tagIds = tagIdsOf(item);
    // The user's own state: CanvasFit's colour and tags taken off (a colour the user set since stays).
    const baseLook = previous && previous.a !== '' && sameColor(look, previous.a) ? previous.o : look;
    const baseTags = tagIds.filter((id) => !previous?.t.includes(id));
    let record: HighlightRecord | null = null;
    let nextLook = baseLook;
    let nextTags = baseTags;
    if (desired && (desired.status || desired.marks.length > 0)) {
      const applied = desired.status ? appliedLook(item, desired.status) : '';
      if (applied) nextLook = applied;
      const wanted = this.tagIdsFor(snapshot, desired).filter((id) => !baseTags.includes(id));
      const added = 'tagIds' in item ? wanted.slice(0, Math.max(0, MAX_TAGS_PER_ITEM - baseTags.length)) : [];
      if (added.length < wanted.length && 'tagIds' in item) {
        this.summary.notices.push(`note ${item.id} already has ${MAX_TAGS_PER_ITEM} tags: its CanvasFit tag was left out`);
      }
      nextTags = [...baseTags, ...added];
      record = { v: 1, k: 'highlight', s: desired.status ?? '', o: baseLook, a: applied, t: added };
    }
    const styleChanged = !sameColor(nextLook, look) || !sameList(nextTags, tagIds);
    const recordChanged = JSON.stringify(record) !== JSON.stringify(previous);
    if (!styleChanged && !recordChanged) return null;
    return { item, look: nextLook, tagIds: nextTags, record, styleChanged, recordChanged };
  }

  private tagIdsFor(snapshot: Snapshot, desired: Desired): string[] {
    const specs = [desired.status ? statusTag(desired.status) : null, ...desired.marks.map(rankTag)];
    return specs.flatMap((spec) => {
      const tag = spec ? snapshot.ourTags.get(spec.title) : undefined;
      return tag ? [tag.id] : [];
    });
  }

  private callsFor(plans: NotePlan[]): number {
    return plans.reduce((sum, plan) => sum + (plan.styleChanged ? 1 : 0) + (plan.recordChanged ? 1 : 0), 0);
  }

  /**
   * Batch by batch, three phases: records that remember originals, the colour
   * and tag changes (one sync() per item), the records no longer needed. Each
   * item's cache entry is marked pending first, so if a write is cut off the
   * next read fetches its metadata again. Just before sync() the notes are read
   * again and those the user changed since the snapshot are skipped: sync()
   * writes every property of the object, so a stale one would undo the edit.
   * (An edit landing while sync() itself is in flight cannot be told apart:
   * Miro has no conditional write.)
   */
  private async writeNotes(plans: NotePlan[]): Promise<void> {
    for (let start = 0; start < plans.length; start += this.calls.batchSize) {
      let current = plans.slice(start, start + this.calls.batchSize);
      for (const plan of current) this.cache.set(plan.item.id, { signature: PENDING, record: null });
      current = await this.writePhase(current, (plan) => plan.recordChanged && plan.record !== null,
        (plan) => plan.item.setMetadata(METADATA_KEY, { ...plan.record! }));
      current = await this.stillAsRead(current);
      current = await this.writePhase(current, (plan) => plan.styleChanged, (plan) => {
        setLook(plan.item, plan.look);
        if ('tagIds' in plan.item) plan.item.tagIds = plan.tagIds;
        return plan.item.sync();
      });
      current = await this.writePhase(current, (plan) => plan.recordChanged && plan.record === null,
        (plan) => plan.item.setMetadata(METADATA_KEY, null));
      for (const plan of current) {
        this.cache.set(plan.item.id, { signature: signatureOf(plan.item), record: plan.record });
        this.expected.set(plan.item.id, contentKey(plan.item));
      }
      this.summary.notesChanged += current.length;
    }
  }

  /** The plans whose notes are unchanged since the read, on the notes as they are now. */
  private async stillAsRead(plans: NotePlan[]): Promise<NotePlan[]> {
    const now = await this.fetch(plans.map((plan) => plan.item.id));
    const current: NotePlan[] = [];
    for (const plan of plans) {
      const item = now.get(plan.item.id);
      if (item && isNoteItem(item) && contentKey(item) === this.expected.get(item.id)) {
        current.push({ ...plan, item });
      } else {
        this.userChanged(plan.item.id);
        this.skipped((plan.styleChanged ? 1 : 0) + (plan.recordChanged && plan.record === null ? 1 : 0));
      }
    }
    return current;
  }

  /** One write for each plan that needs it; returns the plans still to write (deleted notes drop out). */
  private async writePhase(plans: NotePlan[], needs: (plan: NotePlan) => boolean, write: (plan: NotePlan) => Promise<unknown>): Promise<NotePlan[]> {
    const due = plans.filter(needs);
    const results = await this.calls.settle(due.map((plan) => () => write(plan)), this.counter());
    const done = new Set(await this.written(due.map((plan) => plan.item), results));
    return plans.filter((plan) => !due.includes(plan) || done.has(plan.item));
  }

  /** A batch callback that adds each batch's new calls to the progress. */
  private counter(): (done: number) => void {
    let seen = 0;
    return (done) => {
      this.progressed(done - seen);
      seen = done;
    };
  }

  /** Items whose key is not wanted, or that duplicate a kept one. */
  private unmatched<T extends { id: string }>(items: T[], wanted: string[], keyOf: (item: T) => string): T[] {
    const open = new Map<string, number>();
    for (const key of wanted) open.set(key, (open.get(key) ?? 0) + 1);
    return items.filter((item) => {
      const left = open.get(keyOf(item)) ?? 0;
      if (left > 0) {
        open.set(keyOf(item), left - 1);
        return false;
      }
      return true;
    });
  }

  /** Removes CanvasFit's items; one the user already deleted is not an error. */
  private async removeItems(items: (StickyNote | Connector | Tag)[]): Promise<void> {
    const results = await this.calls.settle(items.map((item) => () => this.board.remove(item)), this.counter());
    for (const item of items) this.cache.delete(item.id);
    await this.written(items, results);
    this.summary.removed += items.length;
  }

  private adoptCalls(snapshot: Snapshot): number {
    return this.readsFor(snapshot.adopted.length) + snapshot.adopted.length * 2;
  }

  /**
   * Warning stickies the user typed into become the user's notes, and links
   * the user captioned the user's connectors: the warning
   * tag comes off (taken off the sticky as it is now, so sync() writes the
   * user's text back), then CanvasFit's record. In that order: a sticky left
   * with the tag but without the record would pass for an untouched warning,
   * and the next Clear would delete it; a record left on a note whose tag came
   * off is merely taken off by the next Analyse or Clear. Runs before the notes
   * are written, so the record it removes is never a new highlight's.
   */
  private async adopt(snapshot: Snapshot): Promise<void> {
    const adopted = snapshot.adopted;
    if (adopted.length === 0) return;
    const tagId = snapshot.ourTags.get(WARNING_TAG.title)?.id;
    for (const item of adopted) this.cache.set(item.id, { signature: PENDING, record: null });
    const now = await this.fetch(adopted.map((item) => item.id));
    // One the user deleted meanwhile is gone with its record.
    const items = [...now.values()].filter((item): item is NoteItem | Connector => isNoteItem(item) || item.type === 'connector');
    const tagged = items.filter((item): item is NoteItem => tagId !== undefined && isNoteItem(item) && tagIdsOf(item).includes(tagId));
    const untagged = await this.calls.settle(tagged.map((item) => () => {
      if ('tagIds' in item) item.tagIds = item.tagIds.filter((id) => id !== tagId);
      return item.sync();
    }), this.counter());
    const synced = await this.written(tagged, untagged, false);
    const kept = [...items.filter((item) => !isNoteItem(item) || !tagged.includes(item)), ...synced];
    this.skipped(adopted.length * 2 - tagged.length - kept.length);
    const unrecorded = await this.calls.settle(kept.map((item) => () => item.setMetadata(METADATA_KEY, null)), this.counter());
    for (const item of await this.written(kept, unrecorded, false)) {
      this.cache.set(item.id, { signature: signatureOf(item), record: null });
    }
  }

  /** Warning stickies beside the notes they concern, stacked so they never overlap. */
  private async createWarnings(snapshot: Snapshot, board: BoardJson, warnings: PatchAction[]): Promise<void> {
    const tag = snapshot.ourTags.get(WARNING_TAG.title);
    if (warnings.length === 0) return;
    if (!tag) {
      this.summary.notices.push('warning stickies need the tag "CanvasFit: warning", which could not be created');
      return;
    }
    const boxes = new Map(board.notes.map((note) => [note.id, note as Box]));
    // Stickies the user typed into stay where they are: new warnings go around them too.
    const taken: Box[] = [...snapshot.warnings, ...snapshot.adopted.filter(isNoteItem)].map((sticky) => ({
      x: sticky.x - sticky.width / 2, y: sticky.y - sticky.height / 2, width: sticky.width, height: sticky.height,
    }));
    const size = { width: WARNING_WIDTH, height: Math.round(WARNING_WIDTH * STICKY_ASPECT) };
    const results = await this.calls.settle(warnings.map((warning) => {
      const spot = this.spotBeside((warning.anchor as string[]).map((id) => boxes.get(id)).filter((b): b is Box => !!b), size, taken);
      taken.push(spot);
      return () => this.board.createStickyNote({
        content: textToHtml(String(warning.text)),
        x: spot.x + spot.width / 2,
        y: spot.y + spot.height / 2,
        width: size.width,  // Miro takes width or height, never both
        shape: 'square',
        style: { fillColor: WARNING_COLOR[String(warning.severity)] ?? WARNING_COLOR.info },
        tagIds: [tag.id],
      });
    }), this.counter());
    const created = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    snapshot.warnings.push(...created);
    this.summary.created += created.length;
    // Each warning records the text CanvasFit wrote (as Miro stored it), so a
    // text the user types in later is noticed and kept.
    const records = created.map((sticky) => warningRecord(htmlToText(sticky.content)));
    created.forEach((sticky, index) => this.cache.set(sticky.id, { signature: signatureOf(sticky), record: records[index] }));
    await this.calls.batch(created.map((sticky, index) => () => sticky.setMetadata(METADATA_KEY, { ...records[index] })), this.counter());
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /**
   * A failed createConnector may still have made the connector (the answer was
   * lost): one in CanvasFit's link look between the same two notes that no record
   * claims is taken as CanvasFit's and recorded, so Clear removes it.
   */
  private async adoptLostLinks(failed: PatchAction[]): Promise<void> {
    const wanted = new Set(failed.map((link) => `${link.from}>${link.to}`));
    this.total += 1;
    const connectors = await this.calls.one(() => this.board.get({ type: 'connector' }), QUERY_CREDITS);
    this.progressed(1);
    const lost = connectors.filter((c) => sameColor(c.style.strokeColor, LINK_STYLE.strokeColor) && c.style.strokeStyle === LINK_STYLE.strokeStyle
      && wanted.has(`${c.start?.item}>${c.end?.item}`) && !isLinkRecord(this.cache.get(c.id)?.record));
    for (const connector of lost) this.cache.set(connector.id, { signature: signatureOf(connector), record: { v: 1, k: 'link' } });
    this.total += lost.length;
    await this.calls.batch(lost.map((connector) => () => connector.setMetadata(METADATA_KEY, { v: 1, k: 'link' })), this.counter());
  }

  private spotBeside(anchors: Box[], size: { width: number; height: number }, taken: Box[]): Box {
    const right = anchors.length ? Math.max(...anchors.map((b) => b.x + b.width)) : 0;
    const top = anchors.length ? Math.min(...anchors.map((b) => b.y)) : 0;
    const spot = { x: right + GAP, y: top, ...size };
    while (taken.some((box) => overlaps(box, spot))) spot.y += size.height + GAP / 2;
    return spot;
  }

  /**
   * Suggestion connectors: grey, dashed, captioned "? 62 %", recorded as
   * {k: 'suggestion'} (their pair is their two ends). One whose record write
   * fails is still known by its look and caption (read.ts).
   */
  private async createSuggestions(suggestions: PatchAction[]): Promise<void> {
    const results = await this.calls.settle(suggestions.map((link) => () => this.board.createConnector({
      start: { item: String(link.from), snapTo: 'auto' },
      end: { item: String(link.to), snapTo: 'auto' },
      shape: LINK_SHAPE,
      style: { ...SUGGESTION_STYLE, strokeWidth: 2, endStrokeCap: LINK_END_CAP },
      captions: [{ content: textToHtml(String(link.label)) }],
    })), this.counter());
    const connectors = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    this.suggestionsNow.push(...connectors);
    for (const connector of connectors) {
      this.cache.set(connector.id, { signature: signatureOf(connector), record: { v: 1, k: 'suggestion' } });
    }
    this.summary.created += connectors.length;
    await this.calls.batch(connectors.map((connector) => () => connector.setMetadata(METADATA_KEY, { v: 1, k: 'suggestion' })),
      this.counter());
    const failed = suggestions.filter((_, index) => results[index].status === 'rejected');
    this.skipped(failed.length);
    const first = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (first) throw first.reason;
  }

  /**
   * A suggestion connector becomes the user's: CanvasFit's caption and record
   * go (captions first: a connector left captioned without its record would
   * pass for a suggestion the metadata write lost), and with `restyle` it
   * takes a plain solid look (a Confirm from the panel). Clear keeps it.
   */
  async adoptSuggestion(connector: Connector, restyle: boolean): Promise<void> {
    connector.captions = [];
    if (restyle) connector.style = { ...connector.style, ...ADOPTED_STYLE };
    await this.calls.one(() => connector.sync());
    await this.calls.one(() => connector.setMetadata(METADATA_KEY, null));
    this.cache.set(connector.id, { signature: signatureOf(connector), record: null });
  }

  /** Link connectors; a link whose note the user deleted meanwhile is left out, not an error. */
  private async createLinks(links: PatchAction[]): Promise<void> {
    const results = await this.calls.settle(links.map((link) => () => this.board.createConnector({
      start: { item: String(link.from), snapTo: 'auto' },
      end: { item: String(link.to), snapTo: 'auto' },
      shape: LINK_SHAPE,
      style: { ...LINK_STYLE, strokeWidth: linkWidth(Number(link.strength)), endStrokeCap: LINK_END_CAP },
    })), this.counter());
    // The connectors made are recorded first (known as CanvasFit's in this session
    // at once, on the board once their metadata is written), whatever failed.
    const connectors = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    for (const connector of connectors) {
      this.cache.set(connector.id, { signature: signatureOf(connector), record: { v: 1, k: 'link' } });
    }
    this.summary.created += connectors.length;
    await this.calls.batch(connectors.map((connector) => () => connector.setMetadata(METADATA_KEY, { v: 1, k: 'link' })),
      this.counter());
    const failed = links.filter((_, index) => results[index].status === 'rejected');
    if (failed.length === 0) return;
    const ends = [...new Set(failed.flatMap((link) => [String(link.from), String(link.to)]))];
    this.total += this.readsFor(ends.length);
    const still = await this.fetch(ends);
    const lost = failed.find((link) => still.has(String(link.from)) && still.has(String(link.to)));
    if (lost) {
      await this.adoptLostLinks(failed);
      throw (results[links.indexOf(lost)] as PromiseRejectedResult).reason;
    }
    for (const id of ends) if (!still.has(id)) this.userChanged(id);
    this.skipped(failed.length);
  }
}
