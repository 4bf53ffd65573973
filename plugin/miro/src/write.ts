// A neutral patch (plugin/core-shell/patch.js) → Miro SDK calls, and Clear.
// Re-runs reconcile instead of clearing and redrawing: a note whose marks are
// already right costs nothing, which matters when every call costs credits.
// Order keeps the user's data safe if anything fails midway: the original
// colour is written to the item's metadata before the colour changes, and on
// Clear the colour is restored before the metadata goes.
import type { SdkCalls } from './calls.js';
import { htmlToText, textToHtml } from './html-text.js';
import {
  LINK_STYLE, METADATA_KEY, WARNING_COLOR, WARNING_TAG, appliedLook, lookOf, rankTag, setLook, statusTag, tagIdsOf,
  type HighlightRecord, type Status, type TagSpec,
} from './marks.js';
import { signatureOf, type MetadataCache, type Snapshot } from './read.js';
import type { BoardJson, Connector, MiroBoard, NoteItem, Progress, StickyNote, Tag } from './types.js';

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
    else if (action.type === 'mark') entry(String(action.note)).marks.push(String(action.text));
  }
  return desired;
}

export class MiroWriter {
  private done = 0;
  private total = 0;
  private phase: Progress['phase'] = 'writing';
  private summary: WriteSummary = { calls: 0, notesChanged: 0, created: 0, removed: 0, notices: [] };

  constructor(
    private readonly board: MiroBoard,
    private readonly calls: SdkCalls,
    private readonly cache: MetadataCache,
    private readonly onProgress: (progress: Progress) => void = () => {},
  ) {}

  /** Writes the patch onto the board: earlier marks are replaced, never duplicated. */
  async apply(snapshot: Snapshot, board: BoardJson, patch: Patch): Promise<WriteSummary> {
    this.start();
    const desired = desiredMarks(patch);
    const warnings = patch.actions.filter((action) => action.type === 'warning-note');
    const links = patch.actions.filter((action) => action.type === 'link');
    await this.ensureTags(snapshot, this.tagsNeeded(desired, warnings.length > 0));
    const plans = snapshot.notes.map((item) => this.plan(item, snapshot, desired.get(item.id)))
      .filter((plan): plan is NotePlan => plan !== null);
    const staleWarnings = this.unmatched(snapshot.warnings, warnings.map((w) => String(w.text)), (s) => htmlToText(s.content));
    const staleLinks = this.unmatched(snapshot.links, links.map((l) => `${l.from}>${l.to}`), (c) => `${c.start?.item}>${c.end?.item}`);
    const newWarnings = warnings.filter((w) => !snapshot.warnings.some((s) => htmlToText(s.content) === w.text));
    const newLinks = links.filter((l) => !snapshot.links.some((c) => c.start?.item === l.from && c.end?.item === l.to));
    this.total = this.callsFor(plans) + staleWarnings.length + staleLinks.length + newWarnings.length + newLinks.length * 2;
    this.report('writing');
    await this.writeNotes(plans);
    await this.removeItems([...staleWarnings, ...staleLinks]);
    await this.createWarnings(snapshot, board, newWarnings);
    await this.createLinks(newLinks);
    return this.summary;
  }

  /** Removes CanvasFit's items and tags and restores every colour and tag it changed; user edits stay. */
  async clear(snapshot: Snapshot): Promise<WriteSummary> {
    this.start();
    const plans = snapshot.notes.map((item) => this.plan(item, snapshot, undefined))
      .filter((plan): plan is NotePlan => plan !== null);
    const tags = [...snapshot.ourTags.values()];
    this.total = this.callsFor(plans) + snapshot.warnings.length + snapshot.links.length + tags.length;
    this.report('clearing');
    await this.writeNotes(plans);
    await this.removeItems([...snapshot.warnings, ...snapshot.links]);
    await this.removeItems(tags);
    for (const tag of tags) snapshot.ourTags.delete(tag.title);
    return this.summary;
  }

  private start(): void {
    this.done = 0;
    this.total = 0;
    this.summary = { calls: 0, notesChanged: 0, created: 0, removed: 0, notices: [] };
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
    const look = lookOf(item);
    const tagIds = tagIdsOf(item);
    // The user's own state: CanvasFit's colour and tags taken off (a colour the user set since stays).
    const baseLook = previous && previous.a !== '' && look === previous.a ? previous.o : look;
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
    const styleChanged = nextLook !== look || !sameList(nextTags, tagIds);
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
   * Three batched phases: records that remember originals, then the colour and
   * tag changes (one sync() per item), then the records that are no longer needed.
   */
  private async writeNotes(plans: NotePlan[]): Promise<void> {
    const remember = plans.filter((plan) => plan.recordChanged && plan.record !== null);
    await this.calls.batch(remember.map((plan) => () => plan.item.setMetadata(METADATA_KEY, { ...plan.record! })),
      this.counter());
    const restyle = plans.filter((plan) => plan.styleChanged);
    await this.calls.batch(restyle.map((plan) => () => {
      setLook(plan.item, plan.look);
      if ('tagIds' in plan.item) plan.item.tagIds = plan.tagIds;
      return plan.item.sync();
    }), this.counter());
    const forget = plans.filter((plan) => plan.recordChanged && plan.record === null);
    await this.calls.batch(forget.map((plan) => () => plan.item.setMetadata(METADATA_KEY, null)), this.counter());
    for (const plan of plans) {
      this.cache.set(plan.item.id, { signature: signatureOf(plan.item), record: plan.record });
    }
    this.summary.notesChanged += plans.length;
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

  private async removeItems(items: (StickyNote | Connector | Tag)[]): Promise<void> {
    await this.calls.batch(items.map((item) => () => this.board.remove(item)), this.counter());
    for (const item of items) this.cache.delete(item.id);
    this.summary.removed += items.length;
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
    const taken: Box[] = snapshot.warnings.map((sticky) => ({
      x: sticky.x - sticky.width / 2, y: sticky.y - sticky.height / 2, width: sticky.width, height: sticky.height,
    }));
    const size = { width: WARNING_WIDTH, height: Math.round(WARNING_WIDTH * STICKY_ASPECT) };
    const created = await this.calls.batch(warnings.map((warning) => {
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
    snapshot.warnings.push(...created);
    this.summary.created += created.length;
  }

  private spotBeside(anchors: Box[], size: { width: number; height: number }, taken: Box[]): Box {
    const right = anchors.length ? Math.max(...anchors.map((b) => b.x + b.width)) : 0;
    const top = anchors.length ? Math.min(...anchors.map((b) => b.y)) : 0;
    const spot = { x: right + GAP, y: top, ...size };
    while (taken.some((box) => overlaps(box, spot))) spot.y += size.height + GAP / 2;
    return spot;
  }

  private async createLinks(links: PatchAction[]): Promise<void> {
    const connectors = await this.calls.batch(links.map((link) => () => this.board.createConnector({
      start: { item: String(link.from), snapTo: 'auto' },
      end: { item: String(link.to), snapTo: 'auto' },
      shape: 'curved',
      style: { ...LINK_STYLE, strokeWidth: 1 + Math.round(Number(link.strength) * 2), endStrokeCap: 'arrow' },
    })), this.counter());
    await this.calls.batch(connectors.map((connector) => () => connector.setMetadata(METADATA_KEY, { v: 1, k: 'link' })),
      this.counter());
    for (const connector of connectors) {
      this.cache.set(connector.id, { signature: signatureOf(connector), record: { v: 1, k: 'link' } });
    }
    this.summary.created += connectors.length;
  }
}
