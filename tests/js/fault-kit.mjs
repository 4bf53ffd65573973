// Fault injection for host adapters: wrap any host API object so that chosen
// calls fail, fail after taking effect, are rate-limited, are slow, or let
// the "user" act just before they run. Host-neutral on purpose: the Excalidraw
// tests use it with the in-memory host below; the Miro and FigJam contract
// hosts (tests/contract/fake-*.ts) can be wrapped the same way, e.g.
//   const faults = injectFaults(miroBoard, 'sync', [ok, rateLimited(), ok]);
// Not a test file itself (node --test runs *.test.mjs only).

/** A call that behaves normally. */
export const ok = { kind: 'ok' };

/** The call throws before it has any effect. */
export function fails(message = 'host call failed') {
  return { kind: 'throw', error: () => new Error(message) };
}

/** The call takes effect, then throws (e.g. a change listener that throws). */
export function failsAfterEffect(message = 'listener failed after the update') {
  return { kind: 'throw-after', error: () => new Error(message) };
}

/** The call is refused the way rate-limited hosts refuse: status 429, nothing applied. */
export function rateLimited() {
  return {
    kind: 'throw',
    error: () => Object.assign(new Error('rate limit exceeded (429): try again later'), { status: 429 }),
  };
}

/** The call times out: nothing applied, a TimeoutError raised. */
export function timesOut() {
  return { kind: 'throw', error: () => Object.assign(new Error('host call timed out'), { name: 'TimeoutError' }) };
}

/** The call runs `act` first: a user or collaborator acting in between. */
export function userActsFirst(act) {
  return { kind: 'before', act };
}

/** The call is slow: synchronous hosts block for `ms`, asynchronous ones resolve late. */
export function slow(ms) {
  return { kind: 'slow', ms };
}

/**
 * Replaces host[method] by a wrapper that applies `schedule[n]` to the n-th
 * call (0-based); calls past the schedule behave normally.
 * @returns {{ calls: number, restore: () => void }}
 */
export function injectFaults(host, method, schedule) {
  const real = host[method].bind(host);
  const state = { calls: 0, restore: () => { host[method] = real; } };
  host[method] = (...args) => {
    const fault = schedule[state.calls] ?? ok;
    state.calls += 1;
    switch (fault.kind) {
      case 'throw': throw fault.error();
      case 'throw-after': {
        const result = real(...args);
        if (result && typeof result.then === 'function') return result.then(() => { throw fault.error(); });
        throw fault.error();
      }
      case 'before': fault.act(host); return real(...args);
      case 'slow': {
        const result = real(...args);
        if (result && typeof result.then === 'function') {
          return new Promise((resolve, reject) => setTimeout(() => result.then(resolve, reject), fault.ms));
        }
        const until = Date.now() + fault.ms;
        while (Date.now() < until) { /* a synchronous host that blocks */ }
        return result;
      }
      default: return real(...args);
    }
  };
  return state;
}

// ---------------------------------------------------------------------------
// An in-memory Excalidraw: the parts of the excalidrawAPI and of the package's
// helpers that plugin/excalidraw uses, with Excalidraw's semantics: elements
// are immutable objects, newElementWith returns a copy with a bumped version,
// updateScene replaces the whole element list at once.

export class FakeExcalidrawHost {
  constructor(elements) {
    this.scene = elements.map((element) => ({ version: 1, isDeleted: false, ...element }));
    this.writes = 0;
  }

  getSceneElementsIncludingDeleted() { return this.scene; }
  getSceneElements() { return this.scene.filter((element) => !element.isDeleted); }
  getAppState() { return { selectedElementIds: {} }; }
  getFiles() { return {}; }
  scrollToContent() {}

  updateScene({ elements }) {
    if (elements) this.scene = [...elements];
    this.writes += 1;
  }

  /** A user edit: the element with `id` gets `updates`, as Excalidraw would apply them. */
  edit(id, updates) {
    this.scene = this.scene.map((element) => (element.id === id
      ? { ...element, ...updates, version: element.version + 1 } : element));
  }

  /** The user deletes an element (Excalidraw keeps a tombstone) or it vanishes entirely. */
  remove(id, { tombstone = true } = {}) {
    this.scene = tombstone
      ? this.scene.map((element) => (element.id === id || element.containerId === id
        ? { ...element, isDeleted: true, version: element.version + 1 } : element))
      : this.scene.filter((element) => element.id !== id && element.containerId !== id);
  }
}

export function fakeExcalidrawLib() {
  let counter = 0;
  const nextId = () => `generated-${++counter}`;
  const base = (skeleton, id) => ({
    id, type: skeleton.type, x: skeleton.x ?? 0, y: skeleton.y ?? 0,
    width: skeleton.width ?? 0, height: skeleton.height ?? 0,
    strokeColor: skeleton.strokeColor ?? '#1e1e1e', backgroundColor: skeleton.backgroundColor ?? 'transparent',
    strokeWidth: skeleton.strokeWidth ?? 2, strokeStyle: skeleton.strokeStyle ?? 'solid',
    version: 1, isDeleted: false, frameId: null, boundElements: null,
  });
  const text = (id, value, extra) => ({ ...base({ type: 'text' }, id), text: value, originalText: value, ...extra });
  return {
    CaptureUpdateAction: { IMMEDIATELY: 'IMMEDIATELY' },
    newElementWith(element, updates) {
      return { ...element, ...updates, version: (element.version ?? 1) + 1 };
    },
    convertToExcalidrawElements(skeletons) {
      return skeletons.flatMap((skeleton) => {
        const id = skeleton.id ?? nextId();
        if (skeleton.type === 'text') return [text(id, skeleton.text, { x: skeleton.x, y: skeleton.y, containerId: null })];
        const element = base(skeleton, id);
        if (skeleton.points) element.points = skeleton.points;
        if (!skeleton.label) return [element];
        const labelId = nextId();
        element.boundElements = [{ type: 'text', id: labelId }];
        return [element, text(labelId, skeleton.label.text, { x: element.x, y: element.y, containerId: id })];
      });
    },
    serializeAsJSON(elements) {
      return JSON.stringify({ type: 'excalidraw', version: 2, elements });
    },
  };
}

/** The user's view of a scene: what a person sees and wrote, not bookkeeping. */
export function userView(elements) {
  const fields = ['id', 'type', 'x', 'y', 'width', 'height', 'text', 'originalText', 'containerId', 'frameId',
    'strokeColor', 'strokeWidth', 'strokeStyle', 'backgroundColor', 'customData', 'isDeleted'];
  return elements
    .map((element) => Object.fromEntries(fields.map((field) => [field, element[field] ?? null])))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** CanvasFit's marks in a scene: created elements and highlighted notes. */
export function marksOf(elements) {
  const live = elements.filter((element) => !element.isDeleted);
  return {
    created: live.filter((element) => element.customData?.canvasfit?.created),
    highlighted: live.filter((element) => element.customData?.canvasfit && !element.customData.canvasfit.created),
  };
}
