// A region of a page (the canvas, a container's body, a tab, a modal's body or header slot): it places the
// components declared in it with a cursor and hands them to the app being built.
import { uuidFor } from './ids.js';
import { gap, RowCursor, StackCursor, type Cursor, type Size } from './layout.js';
import { ComponentRef, fx, type PendingEvent } from './refs.js';
import type { ComponentRow, Layout } from './types.js';

export interface Parts {
  properties?: Record<string, unknown>;
  styles?: Record<string, unknown>;
  validation?: Record<string, unknown>;
}

/** What a region needs from the app it builds into (AppBuilder implements it). */
export interface ComponentHost {
  componentId(name: string): string;
  newComponent(id: string, name: string, type: string, pageId: string, parent: string | null, parts: Parts): ComponentRow;
  registerComponent(row: ComponentRow, events: readonly PendingEvent[]): void;
}

export interface TabSpec<R> {
  id: string;
  title: string;
  build: (inside: R) => void;
}

export class RegionBase {
  constructor(
    protected readonly app: ComponentHost,
    readonly pageId: string,
    readonly parent: string | null,
    protected readonly cursor: Cursor = new StackCursor(),
  ) {}

  /** Bottom of the content, for sizing the parent. */
  get contentHeight(): number {
    return this.cursor.bottom;
  }
  get mobileContentHeight(): number {
    return this.cursor.mobileBottom;
  }

  /** A region of the same kind (so it has the same widgets) inside `parent`. */
  protected spawn(parent: string | null, cursor: Cursor = new StackCursor()): this {
    const Kind = this.constructor as new (app: ComponentHost, pageId: string, parent: string | null, cursor: Cursor) => this;
    return new Kind(this.app, this.pageId, parent, cursor);
  }

  protected add(type: string, name: string, size: Size, parts: Parts, events: readonly PendingEvent[] = []): ComponentRef {
    const id = this.app.componentId(name);
    const row = this.app.newComponent(id, name, type, this.pageId, this.parent, parts);
    this.place(row, size);
    this.app.registerComponent(row, events);
    return new ComponentRef(id, name, type);
  }

  protected place(row: ComponentRow, size: Size, mobileHeight = size.height): void {
    const slot = this.cursor.next(size, mobileHeight);
    row.layouts = (['desktop', 'mobile'] as const).map((type): Layout => ({ id: uuidFor(row.id, 'layout', type), type, ...slot[type], dimensionUnit: 'count' }));
  }

  /** Lays the components declared in `build` side by side (widths in columns). */
  row(build: (row: this) => void): void {
    if (!(this.cursor instanceof StackCursor)) throw new Error('rows do not nest');
    const cursor = new RowCursor(this.cursor.bottom, this.cursor.mobileBottom);
    build(this.spawn(this.parent, cursor));
    this.cursor.skipPast(cursor);
  }

  /** A component that holds others: declared, filled by `build`, then sized to its content. */
  protected holder(type: string, name: string, parts: Parts, fill: (id: string) => { height: number; mobileHeight: number }, width?: number): ComponentRef {
    const id = this.app.componentId(name);
    const row = this.app.newComponent(id, name, type, this.pageId, this.parent, parts);
    this.app.registerComponent(row, []);
    const { height, mobileHeight } = fill(id);
    this.place(row, { width, height }, mobileHeight);
    return new ComponentRef(id, name, type);
  }

  /** A Container whose height follows its content; children use its own 43-column grid. */
  container(name: string, build: (inside: this) => void, o: { width?: number; minHeight?: number } = {}): ComponentRef<'Container'> {
    const parts = { properties: { showHeader: '{{false}}', visibility: '{{true}}', disabledState: '{{false}}' } };
    return this.holder(
      'Container',
      name,
      parts,
      (id) => {
        const inside = this.spawn(id);
        build(inside);
        return { height: Math.max(o.minHeight ?? 0, inside.contentHeight + gap), mobileHeight: inside.mobileContentHeight + gap };
      },
      o.width,
    ) as ComponentRef<'Container'>;
  }

  /** Tabs; each tab's children live in `<tabsId>-<tabId>`. */
  tabs(name: string, tabs: readonly TabSpec<this>[]): ComponentRef<'Tabs'> {
    const list = tabs.map((t) => `{ title: ${JSON.stringify(t.title)}, id: ${JSON.stringify(t.id)} }`).join(', ');
    const parts = {
      // hideTabs / renderOnlyActiveTab are read as raw values: booleans, not '{{false}}' (validate-props.ts).
      properties: { tabs: fx(`[${list}]`), defaultTab: tabs[0]?.id ?? '0', hideTabs: false, renderOnlyActiveTab: false },
      styles: { visibility: '{{true}}', disabledState: '{{false}}', tabWidth: 'auto', highlightColor: 'var(--primary-brand)' },
    };
    const header = 60;
    return this.holder('Tabs', name, parts, (id) => {
      let height = 0;
      let mobileHeight = 0;
      for (const tab of tabs) {
        const inside = this.spawn(`${id}-${tab.id}`);
        tab.build(inside);
        height = Math.max(height, inside.contentHeight);
        mobileHeight = Math.max(mobileHeight, inside.mobileContentHeight);
      }
      return { height: height + header, mobileHeight: mobileHeight + header };
    }) as ComponentRef<'Tabs'>;
  }
}
