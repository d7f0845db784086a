// What an app declaration hands back: references to declared components and queries, and the option shapes
// the widgets take. A reference exists only as the value returned when something was declared, so an
// expression or event can only name what exists.

/** `{{js}}` */
export const fx = (js: string): string => `{{${js}}}`;

const joinPath = (base: string, path: string): string => (path === '' ? base : /^[?[]/.test(path) ? `${base}${path}` : `${base}.${path}`);

/** A declared component; the only way to refer to it from an expression or an event. */
export class ComponentRef<T extends string = string> {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly type: T,
  ) {}
  /** `components.<name>.<path>` for use inside a larger expression. */
  js(path: string): string {
    return joinPath(`components.${this.name}`, path);
  }
  /** `{{components.<name>.<path>}}` */
  fx(path: string): string {
    return fx(this.js(path));
  }
}

/** A declared data query. */
export class QueryRef {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly operation: string,
  ) {}
  js(path: string): string {
    return joinPath(`queries.${this.name}`, path);
  }
  fx(path: string): string {
    return fx(this.js(path));
  }
  /** The message a failed run shows (the plugin's QueryError message). */
  get errorMessage(): string {
    return fx(`${this.js('error?.message')} ?? ${this.js('data?.message')} ?? ''`);
  }
}

export type FieldValue = string | number | boolean | undefined;

export interface QueryOptions {
  runOnPageLoad?: boolean;
  /** Alert shown on success (may use `{{ }}`); reads usually have none. */
  success?: string;
  /** Queries re-run after a success (e.g. the list a write changes). */
  refresh?: readonly QueryRef[];
  /** A ModalV2 opened after a success (e.g. the printable document the query rendered). */
  openModal?: ComponentRef<'ModalV2'>;
}

export interface Choice {
  value: string;
  label: string;
}

export interface Column {
  key: string;
  name: string;
  type?: 'string' | 'number' | 'boolean' | 'html' | 'text' | 'image';
  width?: number;
  /** Cell background expression using `rowData`, e.g. overdue highlighting. */
  background?: string;
  textColor?: string;
}

/** An event a component fires, and the query it runs. */
export interface PendingEvent {
  eventId: string;
  query: QueryRef;
}
