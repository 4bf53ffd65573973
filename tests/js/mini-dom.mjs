// The few DOM calls the shared panel makes (createElement, textContent,
// appendChild, replaceChild, replaceChildren, addEventListener, dataset, className,
// setAttribute, hidden), in
// memory, so panel logic runs under `node --test` without a browser. There is
// no innerHTML here on purpose: the panel must never need it.
// Not a test file itself (node --test runs *.test.mjs only).

class MiniNode {
  constructor(tagName) {
    this.tagName = tagName;
    this.children = [];
    this.parent = null;
    this.className = '';
    this.dataset = {};
    this.style = {};
    this.listeners = new Map();
    this.ownText = '';
    this.title = '';
    this.type = '';
    this.id = '';
    this.checked = false;
    this.hidden = false;
    this.attributes = {};
  }

  setAttribute(name, value) {
    this.attributes[name] = String(value);
  }

  getAttribute(name) {
    return Object.hasOwn(this.attributes, name) ? this.attributes[name] : null;
  }

  get textContent() {
    return this.ownText + this.children.map((child) => child.textContent).join('');
  }

  set textContent(value) {
    this.children = [];
    this.ownText = String(value);
  }

  appendChild(child) {
    child.parent = this;
    this.children.push(child);
    return child;
  }

  replaceChild(newChild, oldChild) {
    const at = this.children.indexOf(oldChild);
    if (at < 0) throw new Error('replaceChild: not a child');
    newChild.parent = this;
    oldChild.parent = null;
    this.children[at] = newChild;
    return oldChild;
  }

  replaceChildren(...children) {
    this.children = [];
    this.ownText = '';
    for (const child of children) this.appendChild(child);
  }

  addEventListener(type, listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, []);
    this.listeners.get(type).push(listener);
  }

  /** Dispatches an event that bubbles to the ancestors, like a click does. */
  dispatch(type) {
    let stopped = false;
    const event = { type, target: this, stopPropagation: () => { stopped = true; } };
    for (let node = this; node && !stopped; node = node.parent) {
      for (const listener of node.listeners.get(type) ?? []) listener(event);
    }
  }

  click() {
    if (this.tagName === 'input' && this.type === 'checkbox') {
      this.checked = !this.checked;
      this.dispatch('change');
      return;
    }
    this.dispatch('click');
  }

  /** Every descendant matching a test. */
  findAll(test) {
    const found = [];
    const walk = (node) => {
      for (const child of node.children) {
        if (test(child)) found.push(child);
        walk(child);
      }
    };
    walk(this);
    return found;
  }

  /** Descendants with a class ('.x'), an id ('#x') or a tag name ('li'). */
  query(selector) {
    if (selector.startsWith('.')) return this.findAll((node) => node.className.split(/\s+/).includes(selector.slice(1)));
    if (selector.startsWith('#')) return this.findAll((node) => node.id === selector.slice(1));
    return this.findAll((node) => node.tagName === selector);
  }
}

class MiniText extends MiniNode {
  constructor(text) {
    super('#text');
    this.ownText = text;
  }
}

/** Installs `document` on globalThis; returns a fresh root element. */
export function installMiniDom() {
  globalThis.document = {
    createElement: (tag) => new MiniNode(tag),
    createTextNode: (text) => new MiniText(text),
  };
  return new MiniNode('div');
}
