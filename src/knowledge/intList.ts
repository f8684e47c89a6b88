/**
 * A growing list of 32-bit integers in one typed array. Building the index of a large knowledge
 * base appends millions of numbers; a plain array that size is copied into ever larger objects
 * the garbage collector has to visit, a typed array's numbers are not objects at all.
 */
export class IntList {
  private items: Int32Array;
  private count = 0;

  constructor(capacity = 1024) {
    this.items = new Int32Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.items.length) {
      const grown = new Int32Array(Math.max(16, this.items.length * 2));
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.count++] = value;
  }

  get(index: number): number {
    return this.items[index]!;
  }

  /** The numbers as an array of their own length. */
  toArray(): Int32Array {
    return this.items.slice(0, this.count);
  }
}
