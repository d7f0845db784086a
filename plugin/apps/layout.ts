// Where the next component goes on ToolJet's 43-column grid (TOOLJET.md, "layouts"): a stack places
// components top to bottom, a row side by side; mobile always stacks. Siblings never overlap.
import { gridColumns } from './types.js';

export const gap = 10;
export const margin = 1;

export interface Size {
  width?: number;
  height: number;
}

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Slot {
  desktop: Box;
  mobile: Box;
}

export interface Cursor {
  next(size: Size, mobileHeight: number): Slot;
  /** Desktop and mobile bottom of what was placed so far. */
  readonly bottom: number;
  readonly mobileBottom: number;
}

const mobileBox = (top: number, height: number): Box => ({ top, left: margin, width: gridColumns - 2 * margin, height });

/** Top to bottom, full width unless a width is given. */
export class StackCursor implements Cursor {
  bottom = gap;
  mobileBottom = gap;

  next(size: Size, mobileHeight: number): Slot {
    const width = size.width ?? gridColumns - 2 * margin;
    if (width < 1 || margin + width > gridColumns) throw new Error(`width ${width} does not fit the ${gridColumns}-column grid`);
    const slot = { desktop: { top: this.bottom, left: margin, width, height: size.height }, mobile: mobileBox(this.mobileBottom, mobileHeight) };
    this.bottom += size.height + gap;
    this.mobileBottom += mobileHeight + gap;
    return slot;
  }

  /** Continues below a row laid out from here. */
  skipPast(row: Cursor): void {
    this.bottom = row.bottom + gap;
    this.mobileBottom = row.mobileBottom;
  }
}

/** Side by side from the left, starting at `top`; as tall as its tallest member. */
export class RowCursor implements Cursor {
  private x = margin;
  private tallest = 0;

  constructor(
    private readonly top: number,
    public mobileBottom: number,
  ) {}

  get bottom(): number {
    return this.top + this.tallest;
  }

  next(size: Size, mobileHeight: number): Slot {
    const width = size.width ?? 10;
    if (this.x + width > gridColumns) throw new Error(`a row is wider than the ${gridColumns}-column grid`);
    const slot = { desktop: { top: this.top, left: this.x, width, height: size.height }, mobile: mobileBox(this.mobileBottom, mobileHeight) };
    this.x += width + 1;
    this.tallest = Math.max(this.tallest, size.height);
    this.mobileBottom += mobileHeight + gap;
    return slot;
  }
}
